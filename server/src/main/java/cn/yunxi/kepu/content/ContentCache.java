package cn.yunxi.kepu.content;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Rendered feed pages and items, in two levels: Redis, shared by all instances, and a small copy in this process.
 * A version number (bumped on every publish, edit or archive) is part of every key, so one INCR invalidates all
 * pages at once; Redis items also have their own keys, deleted on change.
 * <p>
 * The hot path is the in-process copy: each instance asks Redis for the version at most once per
 * {@link #VERSION_RECHECK}, so a change made on another instance shows here within that time, and a change made
 * here shows at once. Redis only speeds things up: when it fails, callers build the answer from MySQL (the
 * in-process copy is not used either, as nothing would tell it about changes), and Redis is left alone for a few
 * seconds so a dead Redis does not add a connect timeout to every request.
 */
@Component
@EnableConfigurationProperties(ContentProperties.class)
class ContentCache {

    private static final Logger log = LoggerFactory.getLogger(ContentCache.class);
    private static final String VERSION = "kepu:content:version";
    private static final Duration BACKOFF = Duration.ofSeconds(5);
    static final Duration VERSION_RECHECK = Duration.ofSeconds(1);
    private static final long LOCAL_BYTES = 64L * 1024 * 1024;

    private final StringRedisTemplate redis;
    private final Clock clock;
    private final AtomicLong skipUntil = new AtomicLong();
    private final Cache<String, Rendered> local;
    /** Bumped by every local invalidation, so a version read from Redis before it is never installed after it. */
    private final AtomicLong generation = new AtomicLong();
    private volatile KnownVersion known;

    private record KnownVersion(String value, long checkedAtNanos) {
    }

    ContentCache(StringRedisTemplate redis, Clock clock, ContentProperties properties) {
        this.redis = redis;
        this.clock = clock;
        Duration ttl = properties.feedCacheTtl().compareTo(properties.itemCacheTtl()) < 0
                ? properties.feedCacheTtl() : properties.itemCacheTtl();
        this.local = Caffeine.newBuilder()
                .maximumWeight(LOCAL_BYTES)
                .weigher((String key, Rendered value) -> key.length() + value.body().length)
                .expireAfterWrite(ttl)
                .build();
    }

    /** The current feed version, or empty when Redis is unavailable. */
    Optional<String> version() {
        KnownVersion k = known;
        long now = System.nanoTime();
        if (k != null && now - k.checkedAtNanos() < VERSION_RECHECK.toNanos()) {
            return Optional.of(k.value());
        }
        long before = generation.get();
        Optional<String> fresh = call(() -> {
            String v = redis.opsForValue().get(VERSION);
            return v == null ? "0" : v;
        });
        if (fresh.isPresent() && generation.get() == before) {
            known = new KnownVersion(fresh.get(), now);
        }
        return fresh;
    }

    /** A rendered page under a versioned key: from this process, else from Redis (and kept here). */
    Optional<Rendered> rendered(String key) {
        Rendered hit = local.getIfPresent(key);
        if (hit != null) {
            return Optional.of(hit);
        }
        Optional<Rendered> shared = get(key).map(Rendered::parse);
        shared.ifPresent(r -> local.put(key, r));
        return shared;
    }

    void putRendered(String key, Rendered value, Duration ttl) {
        local.put(key, value);
        put(key, value.serialise(), ttl);
    }

    /** An item from Redis only (its key is not versioned there); the caller keeps it locally under a versioned key. */
    Optional<Rendered> sharedItem(long id) {
        return get(itemKey(id)).map(Rendered::parse);
    }

    Optional<Rendered> local(String versionedKey) {
        return Optional.ofNullable(local.getIfPresent(versionedKey));
    }

    void keepLocally(String versionedKey, Rendered value) {
        local.put(versionedKey, value);
    }

    Optional<String> get(String key) {
        return call(() -> redis.opsForValue().get(key));
    }

    void put(String key, String value, Duration ttl) {
        call(() -> {
            redis.opsForValue().set(key, value, ttl);
            return Boolean.TRUE;
        });
    }

    /**
     * Invalidates every feed page and the item's own entry once the change is committed. Done earlier (inside the
     * transaction), a reader between the INCR and the commit would read the old rows from MySQL and cache them
     * under the new version, where they would stay until the TTL ran out.
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(ContentChanged changed) {
        invalidate(changed.contentId());
    }

    /** Invalidates every feed page and the item's own entry, now. */
    void invalidate(long contentId) {
        generation.incrementAndGet();
        known = null;
        local.invalidateAll();
        try {
            redis.opsForValue().increment(VERSION);
            redis.delete(itemKey(contentId));
        } catch (RuntimeException e) {
            // Cached pages expire on their own (short TTL); nothing else to do.
            log.warn("Content cache invalidation failed, entries expire by TTL: {}", e.getClass().getSimpleName());
        }
        // Readers that fetched the old version while the INCR was in flight must not install it.
        generation.incrementAndGet();
        known = null;
    }

    static String itemKey(long id) {
        return "kepu:content:item:" + id;
    }

    private <T> Optional<T> call(Supplier<T> action) {
        long now = clock.millis();
        if (now < skipUntil.get()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(action.get());
        } catch (RuntimeException e) {
            skipUntil.set(now + BACKOFF.toMillis());
            log.warn("Redis unavailable, content served from MySQL for {} s: {}", BACKOFF.toSeconds(),
                    e.getClass().getSimpleName());
            return Optional.empty();
        }
    }
}
