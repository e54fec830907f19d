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
