package cn.yunxi.kepu.event;

import static cn.yunxi.kepu.event.EventFixtures.event;
import static cn.yunxi.kepu.event.EventFixtures.published;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.ApiClient.Response;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;
import cn.yunxi.kepu.support.ProblemAssert;
import cn.yunxi.kepu.support.WeChatFake;

@KepuIntegrationTest
class PosterIT {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;
    String staff;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        String admin = Logins.districtAdminToken(api);
        staff = EventFixtures.staffToken(api, admin, "UNIT_ADMIN", EventFixtures.unitId(api, admin, "区科协"));
        WeChatFake.reset();
    }

    @AfterEach
    void tearDown() {
        WeChatFake.reset();
    }

    @Test
    void thePosterCodeIsGeneratedOnceAndStored() {
        long id = published(api, staff, event()).path("id").asLong();
        WeChatFake.server().stubFor(post(urlPathEqualTo("/wxa/getwxacodeunlimit"))
                .withRequestBody(containing("\"scene\":\"e=" + id + "\""))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "image/png").withBody(PNG)));

        Response first = api.post("/api/admin/v1/events/" + id + "/wxacode", staff, "");
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        String key = first.json().path("key").asString();
        assertThat(key).endsWith("event-" + id + "-wxacode.png");
        assertThat(first.json().path("generated").asBoolean()).isTrue();
        // Stored through the media feature (local disk in tests) and recorded as a system object.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM media_object WHERE object_key = ? AND owner_type = 'SYSTEM'",
                Integer.class, key)).isEqualTo(1);
        assertThat(download(first.json().path("url").asString())).isEqualTo(PNG);

        Response again = api.post("/api/admin/v1/events/" + id + "/wxacode", staff, "");
        assertThat(again.json().path("generated").asBoolean()).isFalse();
        assertThat(again.json().path("key").asString()).isEqualTo(key);
        assertThat(download(again.json().path("url").asString())).isEqualTo(PNG);
        assertThat(WeChatFake.server().findAll(postRequestedFor(urlPathEqualTo("/wxa/getwxacodeunlimit")))).hasSize(1);
    }

    @Test
    void weChatErrorsBecomeOurs() {
        long id = published(api, staff, event()).path("id").asLong();
        WeChatFake.server().stubFor(post(urlPathEqualTo("/wxa/getwxacodeunlimit"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"errcode\":45009,\"errmsg\":\"reach max api daily quota limit\"}")));

        ProblemAssert.assertProblem(api.post("/api/admin/v1/events/" + id + "/wxacode", staff, ""), 429,
                "WECHAT_RATE_LIMITED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM media_object WHERE object_key LIKE ?", Integer.class,
                "%event-" + id + "-wxacode.png")).isZero();
    }

    private byte[] download(String url) {
        String absolute = url.startsWith("http") ? url : "http://127.0.0.1:" + port + url;
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(absolute)).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
