package cn.yunxi.kepu.common.redis;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;

import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;

/**
 * After Redis failed to answer (refused, reset, or silent past the command timeout), Redis is left alone for a short
 * pause: every Redis call fails at once in that time and the caller takes its MySQL path. Without it a hanging Redis
 * would cost every request one timeout per Redis call it makes. The first call after the pause tries Redis again, so
 * recovery needs no restart. Errors Redis answered with (a script it no longer holds, a wrong type) are not outages.
 */
public final class RedisPause {

    private static final Logger log = LoggerFactory.getLogger(RedisPause.class);

    private final Duration pause;
    /** Monotonic nanoseconds: wall-clock jumps (or a test's clock) must not stretch or cancel a pause. */
    private final LongSupplier nanos;
    private final AtomicLong pausedUntil;

    RedisPause(Duration pause, LongSupplier nanos) {
        this.pause = pause;
        this.nanos = nanos;
        this.pausedUntil = new AtomicLong(nanos.getAsLong());
    }

    /** Throws at once while paused. */
    void check() {
        if (paused()) {
            throw new RedisConnectionFailureException("Redis paused after a failure; MySQL answers meanwhile");
        }
    }

    /** Pauses Redis when {@code failure} says it is unreachable or silent. */
    void failed(RuntimeException failure) {
        if (isOutage(failure)) {
            long now = nanos.getAsLong();
            long previous = pausedUntil.getAndSet(now + pause.toNanos());
            if (previous - now <= 0) {
                log.warn("Redis unreachable ({}); not asked again for {} s", failure.getClass().getSimpleName(),
                        pause.toSeconds());
            }
        }
    }

    boolean paused() {
        return nanos.getAsLong() - pausedUntil.get() < 0;
    }

    static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RedisConnectionFailureException || t instanceof QueryTimeoutException
                    || t instanceof RedisCommandTimeoutException || t instanceof RedisConnectionException
                    || t instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
