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
    /** The driver's 5 s socket timeout plus the same slack: a hung database must not hold a request longer. */
    private static final Duration HUNG = Duration.ofSeconds(8);

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

    @Test
    void aHangingDatabaseGivesFast503sWithRetryAfterAndTheInstanceRecoversByItself() throws Exception {
        ApiClient main = new ApiClient(port);
        String resident = Logins.residentToken(main);
        behindProxy = ProxiedInstance.toDatabase(environment);
        FaultProxy proxy = behindProxy.proxy();
        ApiClient api = behindProxy.api();
        assertThat(api.get("/api/v1/me", resident).status()).isEqualTo(200);
        ApiClient.Response before = api.get("/api/v1/me", resident);
        assertThat(before.status()).as(before.toString()).isEqualTo(200);
        String nickname = before.json().path("nickname").asString();

        // A partition: connections stay open, nothing comes back. The first request finds a connection used a
        // moment ago (the pool hands it out unchecked) and waits the driver's socket timeout; later ones find
        // connections the pool checks first, or must open new ones, and give up within the pool's timeout.
        proxy.hang();
        ApiClient.Response inFlight = timed(HUNG, () -> api.get("/api/v1/me", resident));
        assertProblem(inFlight, 503, "DATABASE_UNAVAILABLE");
        assertThat(inFlight.header("Retry-After")).isEqualTo("5");
        ApiClient.Response write = timed(HUNG, () -> api.patch("/api/v1/me", resident,
                ApiClient.json(Map.of("nickname", "断网时改名"))));
        assertProblem(write, 503, "DATABASE_UNAVAILABLE");
        Thread.sleep(1000);
        ApiClient.Response read = timed(HUNG, () -> api.get("/api/v1/me", resident));
        assertProblem(read, 503, "DATABASE_UNAVAILABLE");
        assertThat(read.json().path("detail").asString()).contains("请稍后重试");

        proxy.heal();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        ApiClient.Response after = api.get("/api/v1/me", resident);
        while (after.status() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            after = api.get("/api/v1/me", resident);
        }
        assertThat(after.status()).as("recovered without a restart: " + after).isEqualTo(200);
        // the held bytes of the abandoned write reach the server once the partition heals, without a commit
        Thread.sleep(1000);
        assertThat(api.get("/api/v1/me", resident).json().path("nickname").asString())
                .as("the abandoned write left nothing").isEqualTo(nickname);
        assertThat(main.get("/api/v1/me", resident).json().path("nickname").asString()).isEqualTo(nickname);
    }

    private static ApiClient.Response timed(java.util.function.Supplier<ApiClient.Response> call) {
        return timed(FAST, call);
    }

    private static ApiClient.Response timed(Duration limit, java.util.function.Supplier<ApiClient.Response> call) {
        long start = System.nanoTime();
        ApiClient.Response response = call.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).as("failed fast").isLessThan(limit);
        return response;
    }

}
