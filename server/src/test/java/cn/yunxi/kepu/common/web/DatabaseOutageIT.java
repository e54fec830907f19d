package cn.yunxi.kepu.common.web;

import static cn.yunxi.kepu.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.FaultProxy;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;
import cn.yunxi.kepu.support.ProxiedInstance;

/**
 * MariaDB restarting, seen from a second instance through a fault proxy that drops every connection and refuses new
 * ones: requests fail fast with 503, {@code Retry-After} and a Chinese problem, nothing they meant to write is
 * written, and once the database is back the instance answers again by itself.
 */
@KepuIntegrationTest
class DatabaseOutageIT {

    /** The pool's 3 s connection timeout plus slack for a loaded machine; far below a 30 s hang. */
    private static final Duration FAST = Duration.ofSeconds(6);

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
    void aRestartingDatabaseGivesFast503sWithRetryAfterAndTheInstanceRecoversByItself() throws Exception {
        ApiClient main = new ApiClient(port);
        String resident = Logins.residentToken(main);
        behindProxy = ProxiedInstance.toDatabase(environment);
        FaultProxy proxy = behindProxy.proxy();
        ApiClient api = behindProxy.api();
        ApiClient.Response before = api.get("/api/v1/me", resident);
        assertThat(before.status()).as(before.toString()).isEqualTo(200);
        String nickname = before.json().path("nickname").asString();

        proxy.reset();
        ApiClient.Response read = timed(() -> api.get("/api/v1/me", resident));
        assertProblem(read, 503, "DATABASE_UNAVAILABLE");
        assertThat(read.header("Retry-After")).isEqualTo("5");
        assertThat(read.json().path("detail").asString()).contains("请稍后重试");
        ApiClient.Response write = timed(() -> api.patch("/api/v1/me", resident,
                ApiClient.json(Map.of("nickname", "停机时改名"))));
        assertProblem(write, 503, "DATABASE_UNAVAILABLE");

        proxy.heal();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        ApiClient.Response after = api.get("/api/v1/me", resident);
        while (after.status() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            after = api.get("/api/v1/me", resident);
        }
        assertThat(after.status()).as("recovered without a restart: " + after).isEqualTo(200);
        assertThat(after.json().path("nickname").asString()).as("the refused write left nothing").isEqualTo(nickname);
    }

    private static ApiClient.Response timed(java.util.function.Supplier<ApiClient.Response> call) {
        long start = System.nanoTime();
        ApiClient.Response response = call.get();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("failed fast").isLessThan(FAST);
        return response;
    }
}
