package cn.yunxi.kepu.common.ratelimit;

import static cn.yunxi.kepu.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.ContentSecurityFake;
import cn.yunxi.kepu.support.Contents;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;
import cn.yunxi.kepu.support.WeChatFake;

/**
 * Calls that spend something shared (WeChat's msgSecCheck quota, database work, search) are limited per person,
 * with a Chinese 429 that says which limit was reached; other people are not affected.
 */
@KepuIntegrationTest
class CostlyCallLimitsIT {

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    @AfterEach
    void tearDown() {
        WeChatFake.reset();
    }

    static void assertLimited(ApiClient.Response r, String mentions) {
        assertProblem(r, 429, "RATE_LIMITED");
        assertThat(r.json().path("detail").asString()).contains(mentions);
    }

    @Test
    void commentsArePerResidentLimitedBeforeTheyCostAContentCheck() {
        ContentSecurityFake.textVerdict("LIMITMARK", "pass", 100);
        long id = Contents.published(api, Logins.districtAdminToken(api), "评论限额");
        String resident = Logins.residentToken(api);
        String body = ApiClient.json(Map.of("body", "写得好 LIMITMARK"));
        for (int i = 0; i < 10; i++) {
            ApiClient.Response r = api.post("/api/v1/contents/" + id + "/comments", resident, body);
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
        }
        int checks = WeChatFake.server().getAllServeEvents().size();
        assertLimited(api.post("/api/v1/contents/" + id + "/comments", resident, body), "评论");
        assertThat(WeChatFake.server().getAllServeEvents().size()).as("no msgSecCheck for a refused comment")
                .isEqualTo(checks);
        assertThat(api.post("/api/v1/contents/" + id + "/comments", Logins.residentToken(api), body).status())
                .isEqualTo(201);
    }

    @Test
    void theDataExportIsLimitedPerResident() {
        String resident = Logins.residentToken(api);
        for (int i = 0; i < 3; i++) {
            assertThat(api.get("/api/v1/me/export", resident).status()).isEqualTo(200);
        }
        assertLimited(api.get("/api/v1/me/export", resident), "导出");
    }

    @Test
    void searchIsLimitedPerResident() {
        String resident = Logins.residentToken(api);
        for (int i = 0; i < 30; i++) {
            assertThat(api.get("/api/v1/contents?keyword=%E7%A7%91%E6%99%AE" + i, resident).status()).isEqualTo(200);
        }
        assertLimited(api.get("/api/v1/contents?keyword=%E7%A7%91%E6%99%AE", resident), "搜索");
        // browsing without a keyword is not a search
        assertThat(api.get("/api/v1/contents", resident).status()).isEqualTo(200);
    }
}
