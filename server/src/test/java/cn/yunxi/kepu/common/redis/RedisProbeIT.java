package cn.yunxi.kepu.common.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.core.StringRedisTemplate;

import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;
import cn.yunxi.kepu.support.ProxiedInstance;

/**
 * Redis silent (a partition, through a fault proxy) past the end of a pause: of the callers arriving together, one
 * probes Redis and waits for its command timeout, every other one is refused at once and takes its MySQL path.
 * Once Redis answers again everyone uses it.
 */
@KepuIntegrationTest
class RedisProbeIT {

    private static final int CALLERS = 8;

    @LocalServerPort
    int port;
    @Autowired
    Environment environment;

    private ProxiedInstance behindProxy;

    @AfterEach
    void tearDown() {
        if (behindProxy != null) {
            behindProxy.close();
        }
    }

    @Test
    void afterAPauseOneCallerProbesASilentRedisAndTheOthersDoNotWaitForIt() throws Exception {
        String resident = Logins.residentToken(new ApiClient(port));
        behindProxy = ProxiedInstance.toRedis(environment);
        StringRedisTemplate redis = behindProxy.context().getBean(StringRedisTemplate.class);
        RedisPause pause = behindProxy.context().getBean(RedisPause.class);
        assertThat(redis.opsForValue().get("kepu:probe")).isNull();

        behindProxy.proxy().hang();
        assertThatThrownBy(() -> redis.opsForValue().get("kepu:probe")).isInstanceOf(QueryTimeoutException.class);
        assertThat(pause.paused()).isTrue();
        awaitEndOf(pause);

        List<Object> outcomes = together(() -> redis.opsForValue().get("kepu:probe"));
        assertThat(outcomes).as("one caller probed and met the timeout")
                .filteredOn(QueryTimeoutException.class::isInstance).hasSize(1);
        assertThat(outcomes).as("the others were refused at once")
                .filteredOn(RedisConnectionFailureException.class::isInstance).hasSize(CALLERS - 1);
        assertThat(pause.paused()).as("the failed probe started a new pause").isTrue();

        awaitEndOf(pause);
        ApiClient api = behindProxy.api();
        assertThat(together(() -> api.get("/api/v1/contents?size=20", resident).status()))
                .as("residents get the feed from MySQL").containsOnly(200);

        behindProxy.proxy().heal();
        behindProxy.awaitRedis();
        assertThat(together(() -> redis.opsForValue().get("kepu:probe"))).as("everyone uses Redis again")
                .containsOnlyNulls();
    }

    /**
     * Redis stopped (its connections dropped, new ones refused) while residents read the feed: nobody waits for a
     * command timeout. The connection knows at once that it is gone, so a command is refused instead of being held
     * for a reconnect; the first refusal pauses Redis and the probe after the pause is refused just as fast. The
     * command timeout is raised to 20 s here so a held command could not pass for a slow machine.
     */
    @Test
    void aStoppedRedisCostsNoRequestATimeout() throws Exception {
        String resident = Logins.residentToken(new ApiClient(port));
        behindProxy = ProxiedInstance.toRedis(environment, "spring.data.redis.timeout=20s");
        StringRedisTemplate redis = behindProxy.context().getBean(StringRedisTemplate.class);
        RedisPause pause = behindProxy.context().getBean(RedisPause.class);
        ApiClient api = behindProxy.api();
        assertThat(api.get("/api/v1/contents?size=20", resident).status()).isEqualTo(200);

        behindProxy.proxy().reset();
        // A fresh token: its revocation is looked up again (in Redis first), as on the first request after a recheck.
        String other = Logins.residentToken(new ApiClient(port));
        long started = System.nanoTime();
        assertThat(together(() -> api.get("/api/v1/contents?size=20", other).status()))
                .as("residents get the feed from MySQL").containsOnly(200);
        assertThat(together(() -> api.get("/api/v1/contents?size=20", resident).status())).containsOnly(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("nobody waited for the command timeout")
                .isLessThan(Duration.ofSeconds(10));
        assertThat(pause.paused()).isTrue();

        awaitEndOf(pause);
        long probed = System.nanoTime();
        List<Object> outcomes = together(() -> redis.opsForValue().get("kepu:probe"));
        assertThat(Duration.ofNanos(System.nanoTime() - probed)).as("the probe was refused at once as well")
                .isLessThan(Duration.ofSeconds(10));
        assertThat(outcomes).as("nobody met the command timeout").noneMatch(QueryTimeoutException.class::isInstance)
                .allMatch(RuntimeException.class::isInstance);
        assertThat(pause.paused()).as("the refused probe started a new pause").isTrue();

        behindProxy.proxy().heal();
        behindProxy.awaitRedis();
        assertThat(together(() -> redis.opsForValue().get("kepu:probe"))).as("everyone uses Redis again")
                .containsOnlyNulls();
    }

    /** Each caller's result, or the exception it got. */
    private static List<Object> together(Callable<Object> call) throws Exception {
        CyclicBarrier start = new CyclicBarrier(CALLERS);
        ExecutorService threads = Executors.newFixedThreadPool(CALLERS);
        try {
            List<Future<Object>> calls = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                calls.add(threads.submit(() -> {
                    start.await();
                    try {
                        return call.call();
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> f : calls) {
                outcomes.add(f.get());
            }
            return outcomes;
        } finally {
            threads.shutdownNow();
        }
    }

    private static void awaitEndOf(RedisPause pause) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (pause.paused()) {
            assertThat(System.nanoTime()).as("the pause ends").isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
