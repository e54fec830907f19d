package cn.yunxi.kepu.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Content items made the way the console makes them: an organiser writes, a district admin approves and publishes. */
public final class Contents {

    private Contents() {
    }

    /** The request body of a short article (about 30 seconds of reading) with {@code title}. */
    public static Map<String, Object> article(String title) {
        return new HashMap<>(Map.of("type", "ARTICLE", "title", title, "summary", "摘要" + title,
                "bodyHtml", "<p>短文：" + title + "</p>", "topics", List.of("HEALTH"), "groups", List.of("FARMER"),
                "planSections", List.of("FARMER")));
    }

    /** Creates, submits, approves and publishes an article; returns its id. */
    public static long published(ApiClient api, String adminToken, String title) {
        return published(api, adminToken, article(title));
    }

    /** Creates, submits, approves and publishes the item {@code body} describes; returns its id. */
    public static long published(ApiClient api, String adminToken, Map<String, Object> body) {
        String author = organiser(api, adminToken);
        ApiClient.Response created = api.post("/api/admin/v1/contents", author, ApiClient.json(body));
        require(created, 201);
        long id = created.json().path("id").asLong();
        require(api.post("/api/admin/v1/contents/" + id + "/submit", author, "{}"), 200);
        require(api.post("/api/admin/v1/contents/" + id + "/approve", adminToken, "{}"), 200);
        require(api.post("/api/admin/v1/contents/" + id + "/publish", adminToken, "{}"), 200);
        return id;
    }

    /** A new organiser of the first unit, logged in. */
    public static String organiser(ApiClient api, String adminToken) {
        return staff(api, adminToken, "ORGANISER");
    }

    /** A new unit admin (a reviewer) of the first unit, logged in. */
    public static String reviewer(ApiClient api, String adminToken) {
        return staff(api, adminToken, "UNIT_ADMIN");
    }

    /** Pins a published item as an emergency until tomorrow (the district admin's call). */
    public static void pin(ApiClient api, String adminToken, long id) {
        require(api.post("/api/admin/v1/contents/" + id + "/emergency", adminToken, ApiClient.json(Map.of(
                "emergency", true, "until", java.time.OffsetDateTime.now().plusDays(1).toString()))), 200);
    }

    private static String staff(ApiClient api, String adminToken, String role) {
        String username = "o" + UUID.randomUUID().toString().substring(0, 8);
        String password = "Pw-" + UUID.randomUUID();
        long unitId = api.get("/api/admin/v1/units", adminToken).json().get(0).path("id").asLong();
        require(api.post("/api/admin/v1/staff", adminToken, ApiClient.json(Map.of("username", username,
                "displayName", "编辑", "password", password, "role", role, "unitId", unitId))), 201);
        return Logins.staff(api, username, password).path("accessToken").asString();
    }

    private static void require(ApiClient.Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException("expected " + status + ": " + response);
        }
    }
}
