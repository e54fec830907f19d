package cn.yunxi.kepu.content;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Rendered feed pages and items in Redis. A version number (bumped on every publish, edit or archive) is part of
 * every feed key, so one INCR invalidates all pages at once; items have their own keys, deleted on change.
 * Redis only speeds things up: when it fails, callers build the answer from MySQL, and Redis is left alone for a
 * few seconds so a dead Redis does not add a connect timeout to every request.
 */
@Component
class ContentCache {

    private static final Logger log = LoggerFactory.getLogger(ContentCache.class);
    private static final String VERSION = "kepu:content:version";
    private static final Duration BACKOFF = Duration.ofSeconds(5);

    private final StringRedisTemplate redis;
    private final Clock clock;
    private final AtomicLong skipUntil = new AtomicLong();

    ContentCache(StringRedisTemplate redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    /** The current feed version, or empty when Redis is unavailable. */
    Optional<String> version() {
        return call(() -> {
            String v = redis.opsForValue().get(VERSION);
            return v == null ? "0" : v;
        });
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
        try {
            redis.opsForValue().increment(VERSION);
            redis.delete(itemKey(contentId));
        } catch (RuntimeException e) {
            // Cached pages expire on their own (short TTL); nothing else to do.
            log.warn("Content cache invalidation failed, entries expire by TTL: {}", e.getClass().getSimpleName());
        }
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
