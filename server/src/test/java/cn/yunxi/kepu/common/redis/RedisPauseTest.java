package cn.yunxi.kepu.common.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.RedisSystemException;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandInterruptedException;
import io.lettuce.core.RedisException;

/**
 * After a failure Redis is left alone for the pause; when it is over, one thread probes while every other caller is
 * still refused at once, until the probe gets an answer (the outage ends) or fails (a new pause).
 */
class RedisPauseTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final RedisPause pause = new RedisPause(Duration.ofSeconds(5), nanos::get);

    @Test
    void healthyRedisIsAskedByEveryone() {
        assertThatCode(pause::check).doesNotThrowAnyException();
        assertThat(otherThreadMayCall()).isTrue();
        pause.failed(new RedisSystemException("NOSCRIPT", new IllegalStateException()));
        assertThat(otherThreadMayCall()).as("an error Redis answered with is no outage").isTrue();
    }

    @Test
    void afterThePauseOneThreadProbesAndTheOthersWaitForItsAnswer() {
        pause.failed(new QueryTimeoutException("silent"));
        assertThatThrownBy(pause::check).isInstanceOf(RedisConnectionFailureException.class);
        assertThat(otherThreadMayCall()).isFalse();

        nanos.addAndGet(Duration.ofSeconds(5).toNanos());
        assertThatCode(pause::check).as("the first caller after the pause probes").doesNotThrowAnyException();
        assertThatCode(pause::check).as("its next call too").doesNotThrowAnyException();
        assertThat(otherThreadMayCall()).as("everyone else keeps to MySQL meanwhile").isFalse();

        pause.answered();
        assertThat(otherThreadMayCall()).as("Redis answered: everyone uses it again").isTrue();
        assertThatCode(pause::check).doesNotThrowAnyException();
    }

    @Test
    void aFailedProbeStartsANewPause() {
        pause.failed(new RedisConnectionFailureException("refused"));
        nanos.addAndGet(Duration.ofSeconds(6).toNanos());
        assertThatCode(pause::check).doesNotThrowAnyException();

        pause.failed(new QueryTimeoutException("still silent"));
        assertThatThrownBy(pause::check).isInstanceOf(RedisConnectionFailureException.class);
        assertThat(otherThreadMayCall()).isFalse();

        nanos.addAndGet(Duration.ofSeconds(5).toNanos());
        assertThat(otherThreadMayCall()).as("after the new pause another thread may be the one to probe").isTrue();
        assertThatThrownBy(pause::check).as("and then this one waits").isInstanceOf(RedisConnectionFailureException.class);
    }

    @Test
    void aProbeThatNeverReportsGivesWayAfterAPause() {
        pause.failed(new QueryTimeoutException("silent"));
        nanos.addAndGet(Duration.ofSeconds(5).toNanos());
        assertThatCode(pause::check).doesNotThrowAnyException();
        assertThat(otherThreadMayCall()).isFalse();

        nanos.addAndGet(Duration.ofSeconds(5).toNanos());
        assertThat(otherThreadMayCall()).isTrue();
    }

    @Test
    void aCommandRefusedForWantOfAConnectionIsAnOutage() {
        assertThat(RedisPause.isOutage(new RedisSystemException("Redis exception",
                new RedisException("Currently not connected. Commands are rejected.")))).isTrue();
        assertThat(RedisPause.isOutage(new RedisSystemException("Redis exception",
                new RedisException("Connection disconnected")))).isTrue();
        assertThat(RedisPause.isOutage(new RedisSystemException("Error in execution",
                new RedisCommandExecutionException("WRONGTYPE Operation against a key holding the wrong kind of value"))))
                .as("an error reply is an answer").isFalse();
        assertThat(RedisPause.isOutage(new RedisSystemException("Redis command interrupted",
                new RedisCommandInterruptedException(new InterruptedException())))).isFalse();

        pause.failed(new RedisSystemException("Redis exception",
                new RedisException("Currently not connected. Commands are rejected.")));
        assertThat(otherThreadMayCall()).as("Redis is paused").isFalse();
    }

    private boolean otherThreadMayCall() {
        return CompletableFuture.supplyAsync(() -> {
            try {
                pause.check();
                return true;
            } catch (RedisConnectionFailureException refused) {
                return false;
            }
        }, runnable -> new Thread(runnable).start()).join();
    }
}
