package cn.yunxi.kepu.common.redis;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandInterruptedException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;

/**
 * After Redis failed to answer (refused, reset, or silent past the command timeout), Redis is left alone for a short
 * pause: every Redis call fails at once in that time and the caller takes its MySQL path. Without it a hanging Redis
 * would cost every request one timeout per Redis call it makes. When the pause is over, one thread probes: its calls
 * go to Redis while every other caller keeps failing at once (and taking MySQL) until a call gets an answer, so a
 * still-dead Redis costs one request the timeout per pause instead of every request arriving in that second. An
 * answer ends the outage; another failure starts a new pause. Recovery needs no restart. Errors Redis answered with
 * (a script it no longer holds, a wrong type) are answers, not outages. So is a command the client refused or
 * cancelled because it has no connection to Redis (Redis stopped: the connection closed, reconnecting is refused),
 * which fails at once rather than after the timeout ({@code RedisTemplateConfig}).
 */
public final class RedisPause {

    private static final Logger log = LoggerFactory.getLogger(RedisPause.class);

    private final Duration pause;
    /** Monotonic nanoseconds: wall-clock jumps (or a test's clock) must not stretch or cancel a pause. */
    private final LongSupplier nanos;
    private final AtomicLong pausedUntil;
    /** From a failure until Redis answers again; false on the healthy path, which then costs one volatile read. */
    private volatile boolean outage;
    /** The thread allowed to try Redis after the pause, and until when (a probe that never reports expires). */
    private final AtomicReference<Probe> probe = new AtomicReference<>();

    private record Probe(Thread thread, long until) {
    }

    RedisPause(Duration pause, LongSupplier nanos) {
        this.pause = pause;
        this.nanos = nanos;
        this.pausedUntil = new AtomicLong(nanos.getAsLong());
    }

    /** Throws at once while paused, and after the pause for every thread but the one probing Redis. */
    void check() {
        if (!outage) {
            return;
        }
        long now = nanos.getAsLong();
        if (now - pausedUntil.get() >= 0 && mayProbe(now)) {
            return;
        }
        throw new RedisConnectionFailureException("Redis paused after a failure; MySQL answers meanwhile");
    }

    private boolean mayProbe(long now) {
        Probe current = probe.get();
        Thread me = Thread.currentThread();
        if (current != null && current.thread() == me) {
            return true;
        }
        if (current != null && now - current.until() < 0) {
            return false;
        }
        return probe.compareAndSet(current, new Probe(me, now + pause.toNanos()));
    }

    /** Redis answered: the outage, if any, is over. */
    void answered() {
        if (outage) {
            outage = false;
            probe.set(null);
            log.info("Redis answers again");
        }
    }

    /** Pauses Redis when {@code failure} says it is unreachable or silent; any other error is an answer. */
    void failed(RuntimeException failure) {
        if (!isOutage(failure)) {
            answered();
            return;
        }
        long now = nanos.getAsLong();
        long previous = pausedUntil.getAndSet(now + pause.toNanos());
        outage = true;
        probe.set(null);
        if (previous - now <= 0) {
            log.warn("Redis unreachable ({}); not asked again for {} s", failure.getClass().getSimpleName(),
                    pause.toSeconds());
        }
    }

    boolean paused() {
        return outage && nanos.getAsLong() - pausedUntil.get() < 0;
    }

    static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RedisConnectionFailureException || t instanceof QueryTimeoutException
                    || t instanceof RedisConnectionException || t instanceof RedisCommandTimeoutException
                    || t instanceof IOException || isRefusedByClient(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Lettuce's own refusals ("Currently not connected. Commands are rejected.", "Connection disconnected" for the
     * commands in flight when it dropped) are plain {@link RedisException}s; an error reply from Redis is a
     * {@link RedisCommandExecutionException}, and an interrupted caller says nothing about Redis.
     */
    private static boolean isRefusedByClient(Throwable t) {
        return t instanceof RedisException && !(t instanceof RedisCommandExecutionException)
                && !(t instanceof RedisCommandInterruptedException);
    }
}
