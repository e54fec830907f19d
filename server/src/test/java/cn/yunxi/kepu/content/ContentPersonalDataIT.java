package cn.yunxi.kepu.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.ContentSecurityFake;
import cn.yunxi.kepu.support.Contents;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;
import cn.yunxi.kepu.support.MutableClock;
import cn.yunxi.kepu.support.WeChatFake;
import tools.jackson.databind.JsonNode;

/** A resident's comments, favourites, likes and reads in "export my data", and what account deletion leaves. */
@KepuIntegrationTest
class ContentPersonalDataIT {

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;
    String admin;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        admin = Logins.districtAdminToken(api);
    }

    @AfterEach
    void tearDown() {
        clock.reset();
        WeChatFake.reset();
    }

    @Test
    void exportHoldsTheResidentsCommentsFavouritesLikesAndReads() {
        String marker = "EXP" + UUID.randomUUID().toString().substring(0, 8);
        long id = Contents.published(api, admin, "导出测试" + marker);
        JsonNode login = Logins.newResident(api);
        String resident = login.path("accessToken").asString();
        interactWith(id, resident, marker);
        // someone else's comment on the same item is not in this resident's export
        ContentSecurityFake.textVerdict("OTHER" + marker, "pass", 100);
        comment(id, Logins.residentToken(api), "别人的评论 OTHER" + marker);

        ApiClient.Response export = api.get("/api/v1/me/export", resident);

        assertThat(export.status()).isEqualTo(200);
        JsonNode content = export.json().path("sections").path("content");
        assertThat(longs(content.path("completedReads"))).containsExactly(id);
        assertThat(longs(content.path("favourites"))).containsExactly(id);
        assertThat(longs(content.path("likes"))).containsExactly(id);
        assertThat(content.path("comments")).hasSize(1);
        assertThat(content.path("comments").get(0).path("contentId").asLong()).isEqualTo(id);
        assertThat(content.path("comments").get(0).path("body").asString()).isEqualTo("讲得清楚 " + marker);
        assertThat(content.path("comments").get(0).path("status").asString()).isEqualTo("VISIBLE");
        assertThat(export.body()).doesNotContain("OTHER" + marker);
    }

    @Test
    void deletingTheAccountErasesCommentTextAndAuthorshipAndKeepsAnonymousCounts() throws Exception {
        String marker = "DEL" + UUID.randomUUID().toString().substring(0, 8);
        long id = Contents.published(api, admin, "注销测试" + marker);
        JsonNode login = Logins.newResident(api);
        String resident = login.path("accessToken").asString();
        long residentId = login.path("resident").path("id").asLong();
        interactWith(id, resident, marker);
        long commentId = jdbc.queryForObject("SELECT id FROM content_comment WHERE resident_id = ?", Long.class, residentId);
        Map<String, Object> countsBefore = counts(id);
        assertThat(countsBefore).containsEntry("comment_count", 1).containsEntry("read_count", 1)
                .containsEntry("like_count", 1).containsEntry("favourite_count", 1);
        String reader = Logins.residentToken(api);
        assertThat(api.get("/api/v1/contents/" + id + "/comments", reader).body()).contains(marker);

        assertThat(api.delete("/api/v1/me", resident).status()).isEqualTo(204);

        // Erasure runs after the deletion commits (a module listener): wait for it.
        Map<String, Object> comment = awaitErased(commentId);
        assertThat(comment.get("resident_id")).isNull();
        assertThat(comment.get("body")).isEqualTo("");
        assertThat(comment.get("status")).isEqualTo("DELETED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM content_like WHERE resident_id = ?", Long.class, residentId)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM content_favourite WHERE resident_id = ?", Long.class, residentId)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM content_read WHERE resident_id = ?", Long.class, residentId)).isZero();
        // the read itself stays, anonymous, for the plan's statistics
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM content_read WHERE content_id = ? AND resident_id IS NULL",
                Long.class, id)).isEqualTo(1);
        // the item's counts are anonymous and stay as they were
        assertThat(counts(id)).isEqualTo(countsBefore);
        // others no longer see the text
        ApiClient.Response comments = api.get("/api/v1/contents/" + id + "/comments", reader);
        assertThat(comments.status()).isEqualTo(200);
        assertThat(comments.body()).doesNotContain(marker);
    }

    /** Likes, favourites, reads to completion and comments (WeChat says pass). */
    private void interactWith(long id, String resident, String marker) {
        assertThat(api.put("/api/v1/contents/" + id + "/like", resident, "{}").status()).isEqualTo(200);
        assertThat(api.put("/api/v1/contents/" + id + "/favourite", resident, "{}").status()).isEqualTo(200);
        long session = api.post("/api/v1/contents/" + id + "/read-sessions", resident, "{}").json()
                .path("sessionId").asLong();
        clock.advance(Duration.ofSeconds(30));
        ApiClient.Response progress = api.post("/api/v1/read-sessions/" + session + "/progress", resident,
                "{\"position\":30}");
        assertThat(progress.json().path("completed").asBoolean()).as(progress.toString()).isTrue();
        ContentSecurityFake.textVerdict(marker, "pass", 100);
        assertThat(comment(id, resident, "讲得清楚 " + marker)).isEqualTo("VISIBLE");
    }

    private String comment(long id, String token, String body) {
        ApiClient.Response r = api.post("/api/v1/contents/" + id + "/comments", token, ApiClient.json(Map.of("body", body)));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("status").asString();
    }

    private Map<String, Object> counts(long id) {
        return jdbc.queryForMap("SELECT like_count, favourite_count, comment_count, read_count, share_count "
                + "FROM content_item WHERE id = ?", id);
    }

    private Map<String, Object> awaitErased(long commentId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM content_comment WHERE id = ?", commentId);
        while (row.get("resident_id") != null && System.nanoTime() < deadline) {
            Thread.sleep(100);
            row = jdbc.queryForMap("SELECT * FROM content_comment WHERE id = ?", commentId);
        }
        return row;
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asLong()));
        return out;
    }
}
