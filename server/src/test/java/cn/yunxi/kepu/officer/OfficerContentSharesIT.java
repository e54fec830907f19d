package cn.yunxi.kepu.officer;

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
