package cn.yunxi.kepu.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import cn.yunxi.kepu.KepuApplication;
import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.Contents;
import cn.yunxi.kepu.support.EmbeddedEngines;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;
import cn.yunxi.kepu.support.Pages;
import cn.yunxi.kepu.support.TestEngines;
import tools.jackson.databind.JsonNode;

/**
 * The feed with Redis gone, over HTTP: a second instance of the application runs on the same MySQL database as the
 * test context, its Redis URL pointing at a port nobody listens on. Residents must still get the right items, with
 * 200s, ETags and 304s, and no request may hang on Redis.
 */
@KepuIntegrationTest
class FeedWithoutRedisIT {

    /** Generous: a request that waits for Redis timeouts over and over would blow it; a loaded CI box would not. */
    private static final Duration SANITY_BOUND = Duration.ofSeconds(10);

    @LocalServerPort
    int port;
    @Autowired
    Environment environment;

    private ConfigurableApplicationContext withoutRedis;

    @AfterEach
    void tearDown() {
        if (withoutRedis != null) {
            withoutRedis.close();
        }
    }

    @Test
    void feedIsAnsweredFromMysqlWhenRedisIsDown() {
        ApiClient api = new ApiClient(port);
        String admin = Logins.districtAdminToken(api);
        String title = "无缓存" + UUID.randomUUID().toString().substring(0, 8);
        long id = Contents.published(api, admin, title);
        Contents.pin(api, admin, id);
        String resident = Logins.residentToken(api);
        List<Long> expected = ids(api.get("/api/v1/contents?size=100", resident).json());
        assertThat(Pages.ids(api, "/api/v1/contents", resident)).contains(id);

        ApiClient down = new ApiClient(startWithoutRedis());

        ApiClient.Response feed = timed(() -> down.get("/api/v1/contents?size=100", resident));
        assertThat(feed.status()).as(feed.toString()).isEqualTo(200);
        assertThat(ids(feed.json())).isEqualTo(expected);
        assertThat(feed.json().path("items").get(0).path("pinned").asBoolean()).isTrue();
        String etag = feed.header("ETag");
        assertThat(etag).isNotBlank();
        // The same feed gets the same ETag. A job of the shared test application (a scheduled item going live, an
        // emergency pin ending) may change the feed between two calls, and then the ETag must change with it.
        ApiClient.Response previous = feed;
        int unchanged = 0;
        for (int i = 0; i < 5; i++) {
            ApiClient.Response again = timed(() -> down.get("/api/v1/contents?size=100", resident));
            assertThat(again.status()).isEqualTo(200);
            if (again.body().equals(previous.body())) {
                assertThat(again.header("ETag")).isEqualTo(previous.header("ETag"));
                unchanged++;
            } else {
                assertThat(again.header("ETag")).isNotEqualTo(previous.header("ETag"));
            }
            previous = again;
        }
        assertThat(unchanged).as("calls that found the feed as it was").isPositive();
        String latest = previous.header("ETag");
        assertThat(timed(() -> down.get("/api/v1/contents?size=100", resident, "If-None-Match", latest)).status())
                .isEqualTo(304);

        ApiClient.Response search = timed(() -> down.get("/api/v1/contents?keyword=" + title.substring(3), resident));
        assertThat(search.status()).isEqualTo(200);
        assertThat(ids(search.json())).containsExactly(id);
        ApiClient.Response item = timed(() -> down.get("/api/v1/contents/" + id, resident));
        assertThat(item.status()).isEqualTo(200);
        assertThat(item.json().path("title").asString()).isEqualTo(title);
        ApiClient.Response filtered = timed(() -> down.get("/api/v1/contents?size=100&topic=HEALTH&group=FARMER", resident));
        assertThat(filtered.status()).isEqualTo(200);
        assertThat(ids(filtered.json())).contains(id);
    }

    /** The application again, same database and secrets (so the test context's tokens work), Redis unreachable. */
    private int startWithoutRedis() {
        TestEngines.Engines engines = TestEngines.get();
        String closedPort = Integer.toString(EmbeddedEngines.freePort());
        withoutRedis = new SpringApplicationBuilder(KepuApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + engines.jdbcUrl(),
                "--spring.datasource.username=" + engines.user(),
                "--spring.datasource.password=" + engines.password(),
                "--spring.data.redis.url=redis://127.0.0.1:" + closedPort,
                "--spring.data.redis.connect-timeout=500ms",
                "--spring.data.redis.timeout=500ms",
                // the other instance owns the event publications of the shared database
                "--spring.modulith.events.republish-outstanding-events-on-restart=false",
                "--kepu.wechat.api-base-url=" + environment.getProperty("kepu.wechat.api-base-url"),
                "--kepu.token.secret=" + environment.getProperty("kepu.token.secret"),
                "--kepu.data-key=" + environment.getProperty("kepu.data-key"),
                "--kepu.bootstrap-admin.username=" + environment.getProperty("kepu.bootstrap-admin.username"),
                "--kepu.bootstrap-admin.password=" + environment.getProperty("kepu.bootstrap-admin.password"),
                "--kepu.demo-data.visible=" + environment.getProperty("kepu.demo-data.visible"),
                "--kepu.jobs.scheduled=" + environment.getProperty("kepu.jobs.scheduled"));
        return ((WebServerApplicationContext) withoutRedis).getWebServer().getPort();
    }

    private static ApiClient.Response timed(java.util.function.Supplier<ApiClient.Response> call) {
        long start = System.nanoTime();
        ApiClient.Response response = call.get();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("answered without waiting on Redis")
                .isLessThan(SANITY_BOUND);
        return response;
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.path("items").forEach(i -> ids.add(i.path("id").asLong()));
        return ids;
    }
}
