package cn.yunxi.kepu.officer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import tools.jackson.databind.JsonNode;

/** An officer's shares of science content, made in the content feature, count as their activity and reach. */
@KepuIntegrationTest
class OfficerContentSharesIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void sharingContentKeepsAnOfficerActiveAndOpensAreTheirReach() {
        ApiClient api = new ApiClient(port);
        String admin = Logins.districtAdminToken(api);
        String village = "430603100202";
        JsonNode officer = Logins.newResident(api);
        String officerToken = officer.path("accessToken").asString();
        Response applied = api.post("/api/v1/officers/applications", officerToken, ApiClient.json(Map.of(
                "role", "INFO_OFFICER", "regionCode", village, "realName", "李四", "phone", "13900002222",
                "motivation", "分享科普")));
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        Response approved = api.post("/api/admin/v1/officers/" + applied.json().path("id").asLong() + "/approve",
                admin, "{}");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        long contentId = publishedArticle(api, admin);

        JsonNode share = api.post("/api/v1/contents/" + contentId + "/shares", officerToken, "{}").json();
        String shareToken = share.path("shareToken").asString();
        for (String friend : List.of(Logins.residentToken(api), Logins.residentToken(api))) {
            Response opened = api.post("/api/v1/contents/" + contentId + "/read-sessions", friend,
                    "{\"shareToken\":\"" + shareToken + "\"}");
            assertThat(opened.status()).as(opened.toString()).isLessThan(300);
        }
        // A resident who is not an officer shares too: nothing is recorded for them.
        String plainResident = Logins.residentToken(api);
        api.post("/api/v1/contents/" + contentId + "/shares", plainResident, "{}");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode reach = api.get("/api/v1/officers/me/reach", officerToken).json();
            assertThat(reach.path("shares").asLong()).isEqualTo(1);
            assertThat(reach.path("reachedResidents").asLong()).isEqualTo(2);
            assertThat(reach.path("active").asBoolean()).isTrue();
        });
    }

    @Test
    void reachByVillageCountsOpensAndTheReadersByTheVillageTheyLiveIn() {
        ApiClient api = new ApiClient(port);
        String admin = Logins.districtAdminToken(api);
        String officerToken = Logins.residentToken(api);
        long applicationId = apply(api, officerToken, "PROMOTER", "430603100202", "13900003333");
        // Before approval there is nothing to count: the same 404 as the reach summary.
        ProblemAssert.assertProblem(api.get("/api/v1/officers/me/reach/villages", officerToken), 404, "NOT_OFFICER");
        approve(api, admin, applicationId);
        long first = publishedArticle(api, admin);
        long second = publishedArticle(api, admin);
        String firstShare = api.post("/api/v1/contents/" + first + "/shares", officerToken, "{}").json()
                .path("shareToken").asString();
        String secondShare = api.post("/api/v1/contents/" + second + "/shares", officerToken, "{}").json()
                .path("shareToken").asString();

        String villageA = "430603100201";
        String villageB = "430603001002";
        String readerA1 = readerIn(api, villageA);
        String readerA2 = readerIn(api, villageA);
        String readerB = readerIn(api, villageB);
        String readerNowhere = Logins.residentToken(api);
        open(api, readerA1, first, firstShare);
        open(api, readerA1, second, secondShare);
        open(api, readerA1, first, firstShare); // the same reader and share again: still one open
        open(api, readerA2, first, firstShare);
        open(api, readerB, second, secondShare);
        open(api, readerNowhere, first, firstShare);
        open(api, officerToken, first, firstShare); // the officer's own open is not reach

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            Response reach = api.get("/api/v1/officers/me/reach/villages", officerToken);
            assertThat(reach.status()).as(reach.toString()).isEqualTo(200);
            JsonNode body = reach.json();
            assertThat(body.path("opens").asLong()).isEqualTo(5);
            assertThat(body.path("reachedResidents").asLong()).isEqualTo(4);
            JsonNode villages = body.path("villages");
            assertThat(villages.size()).isEqualTo(3);
            assertThat(villages.get(0).path("regionCode").asString()).isEqualTo(villageA);
            assertThat(villages.get(0).path("regionName").asString()).isEqualTo("陆城样例村1");
            assertThat(villages.get(0).path("townName").asString()).isEqualTo("陆城镇");
            assertThat(villages.get(0).path("residents").asLong()).isEqualTo(2);
            assertThat(villages.get(1).path("regionName").asString()).isEqualTo("云溪样例社区2");
            assertThat(villages.get(1).path("residents").asLong()).isEqualTo(1);
            assertThat(villages.get(2).path("regionCode").isNull()).isTrue();
            assertThat(villages.get(2).path("regionName").asString()).isEqualTo("未填写村（社区）");
            assertThat(villages.get(2).path("residents").asLong()).isEqualTo(1);
        });
    }

    @Test
    void thePosterCodeOpensTheSharedItemWithTheOfficersShareToken() {
        ApiClient api = new ApiClient(port);
        String admin = Logins.districtAdminToken(api);
        String officerToken = Logins.residentToken(api);
        approve(api, admin, apply(api, officerToken, "INFO_OFFICER", "430603100203", "13900004444"));
        long contentId = publishedArticle(api, admin);
        String shareToken = api.post("/api/v1/contents/" + contentId + "/shares", officerToken, "{}").json()
                .path("shareToken").asString();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
        WeChatFake.reset();
        try {
            WeChatFake.server().stubFor(post(urlPathEqualTo("/wxa/getwxacodeunlimit"))
                    .withRequestBody(containing("\"scene\":\"" + contentId + "." + shareToken + "\""))
                    .withRequestBody(containing("\"page\":\"pages/content/detail\""))
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "image/png").withBody(png)));

            Response code = api.post("/api/v1/officers/me/share-codes", officerToken, ApiClient.json(Map.of(
                    "contentId", contentId, "shareToken", shareToken)));

            assertThat(code.status()).as(code.toString()).isEqualTo(200);
            String key = code.json().path("key").asString();
            assertThat(key).endsWith("-content-" + contentId + "-" + shareToken + "-wxacode.png");
            assertThat(code.json().path("url").asString()).isNotBlank();
            assertThat(jdbc.queryForObject("SELECT size_bytes FROM media_object WHERE object_key = ? AND owner_type = 'SYSTEM'",
                    Long.class, key)).isEqualTo(png.length);
            assertThat(WeChatFake.server().findAll(postRequestedFor(urlPathEqualTo("/wxa/getwxacodeunlimit")))).hasSize(1);

            // Only approved officers get codes; a malformed token never reaches WeChat.
            ProblemAssert.assertProblem(api.post("/api/v1/officers/me/share-codes", Logins.residentToken(api),
                    ApiClient.json(Map.of("contentId", contentId, "shareToken", shareToken))), 404, "NOT_OFFICER");
            Response bad = api.post("/api/v1/officers/me/share-codes", officerToken,
                    ApiClient.json(Map.of("contentId", contentId, "shareToken", "not a token!")));
            assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
            assertThat(WeChatFake.server().findAll(postRequestedFor(urlPathEqualTo("/wxa/getwxacodeunlimit")))).hasSize(1);
        } finally {
            WeChatFake.reset();
        }
    }

    private static long apply(ApiClient api, String token, String role, String village, String phone) {
        Response applied = api.post("/api/v1/officers/applications", token, ApiClient.json(Map.of(
                "role", role, "regionCode", village, "realName", "王五", "phone", phone)));
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        return applied.json().path("id").asLong();
    }

    private static void approve(ApiClient api, String admin, long applicationId) {
        Response approved = api.post("/api/admin/v1/officers/" + applicationId + "/approve", admin, "{}");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
    }

    private static String readerIn(ApiClient api, String village) {
        String token = Logins.residentToken(api);
        Response moved = api.patch("/api/v1/me", token, ApiClient.json(Map.of("regionCode", village,
                "privacyPolicyVersion", "2026-11-01")));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        return token;
    }

    private static void open(ApiClient api, String reader, long contentId, String shareToken) {
        Response opened = api.post("/api/v1/contents/" + contentId + "/read-sessions", reader,
                "{\"shareToken\":\"" + shareToken + "\"}");
        assertThat(opened.status()).as(opened.toString()).isLessThan(300);
    }

    private long publishedArticle(ApiClient api, String admin) {
        String username = "w" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> staff = new HashMap<>(Map.of("username", username, "displayName", "编辑",
                "password", "writer-password-1", "role", "ORGANISER"));
        staff.put("unitId", jdbc.queryForObject("SELECT id FROM org_unit WHERE code = 'KX'", Long.class));
        assertThat(api.post("/api/admin/v1/staff", admin, ApiClient.json(staff)).status()).isEqualTo(201);
        String writer = Logins.staff(api, username, "writer-password-1").path("accessToken").asString();
        Response draft = api.post("/api/admin/v1/contents", writer, ApiClient.json(Map.of("type", "ARTICLE",
                "title", "防范电信诈骗" + UUID.randomUUID(), "summary", "识别常见骗局",
                "bodyHtml", "<p>" + "科学".repeat(200) + "</p>", "topics", List.of("HEALTH"),
                "groups", List.of("ELDERLY"), "planSections", List.of("ELDERLY"))));
        assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
        long id = draft.json().path("id").asLong();
        assertThat(api.post("/api/admin/v1/contents/" + id + "/submit", writer, "{}").status()).isEqualTo(200);
        assertThat(api.post("/api/admin/v1/contents/" + id + "/approve", admin, "{}").status()).isEqualTo(200);
        assertThat(api.post("/api/admin/v1/contents/" + id + "/publish", admin, "{}").status()).isEqualTo(200);
        return id;
    }
}
