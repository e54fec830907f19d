package cn.yunxi.kepu.common.concurrent;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

/**
 * Values kept in memory for a moment, each reloaded by ONE caller at a time. When a value has expired, the first
 * caller reloads it and everyone else keeps getting the previous copy meanwhile; only a key with no copy at all
 * makes its callers wait, for that same single load. Without this, every request arriving while a hot value was
 * expired (a crowd signing up for one event) read it from the database at once.
 * <p>
 * A value handed out is therefore at most {@code ttl} plus the time of one load old. {@link #invalidate} drops a
 * value at once: a load that was already under way is not kept, since it may have read what came before.
 *
 * @param <K> the key
 * @param <V> the value (never null; a loader that finds nothing throws)
 */
public final class RecentValues<K, V> {

    private final long ttlNanos;
    private final int maxEntries;
    private final Function<K, V> loader;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();

    /** Not a record: entries are compared by identity, so a claim is only ever replaced by its own loader. */
    private static final class Entry<V> {
        final @Nullable V value;
        final long loadedAt;
        final @Nullable CompletableFuture<V> loading;

        Entry(@Nullable V value, long loadedAt, @Nullable CompletableFuture<V> loading) {
            this.value = value;
            this.loadedAt = loadedAt;
            this.loading = loading;
        }
    }

    public RecentValues(Duration ttl, int maxEntries, Function<K, V> loader) {
        this(ttl, maxEntries, loader, System::nanoTime);
    }

    /** @param nanoClock a monotonic clock in nanoseconds (tests move it by hand) */
    public RecentValues(Duration ttl, int maxEntries, Function<K, V> loader, LongSupplier nanoClock) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        this.loader = loader;
        this.nanoClock = nanoClock;
    }

    /** A recent value; loads it (once, whoever else asks meanwhile) when there is none or it has expired. */
    public V get(K key) {
        while (true) {
            long now = nanoClock.getAsLong();
            Entry<V> current = entries.get(key);
            if (current != null && current.value != null
                    && (now - current.loadedAt < ttlNanos || current.loading != null)) {
                return current.value;
            }
            if (current != null && current.loading != null) {
                return await(current.loading);
            }
            CompletableFuture<V> mine = new CompletableFuture<>();
            Entry<V> claim = new Entry<>(current == null ? null : current.value,
                    current == null ? 0 : current.loadedAt, mine);
            if (current == null) {
                if (entries.size() >= maxEntries) {
                    // A crude bound, as before: many distinct keys are rare (one per event being signed up for).
                    entries.clear();
                }
                if (entries.putIfAbsent(key, claim) != null) {
                    continue;
                }
            } else if (!entries.replace(key, current, claim)) {
                continue;
            }
            return loadFor(key, mine, now);
        }
    }

    private V loadFor(K key, CompletableFuture<V> mine, long startedAt) {
        V fresh;
        try {
            fresh = loader.apply(key);
        } catch (RuntimeException | Error e) {
            // Dropped (with any older copy): the next caller tries again, as it would have without this class.
            entries.computeIfPresent(key, (k, entry) -> entry.loading == mine ? null : entry);
            mine.completeExceptionally(e);
            throw e;
        }
        // Kept only if the claim still stands (no invalidate meanwhile); its age counts from before the load.
        entries.computeIfPresent(key, (k, e) -> e.loading == mine ? new Entry<>(fresh, startedAt, null) : e);
        mine.complete(fresh);
        return fresh;
    }

    /** Replaces the value kept for the key (if any) with a changed copy of the same age. */
    public void update(K key, UnaryOperator<V> change) {
        entries.computeIfPresent(key, (k, e) -> e.value == null ? e
                : new Entry<>(change.apply(e.value), e.loadedAt, e.loading));
    }

    /** Forgets the key's value: the next caller loads it afresh. */
    public void invalidate(K key) {
        entries.remove(key);
    }

    private static <V> V await(CompletableFuture<V> loading) {
        try {
            return loading.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
