package cn.yunxi.kepu.content;

import static cn.yunxi.kepu.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
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
import cn.yunxi.kepu.support.Uploads;
import cn.yunxi.kepu.support.WeChatFake;
import cn.yunxi.kepu.support.WechatPushes;
import tools.jackson.databind.JsonNode;

/**
 * A comment may carry one image its author uploaded for comments: the author sees it at once, other residents only
 * once WeChat's image check passed; someone else's upload, an avatar or a flagged image cannot be attached.
 */
@KepuIntegrationTest
class CommentImagesIT {

    @LocalServerPort
    int port;
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
        WeChatFake.reset();
    }

    @Test
    void othersSeeTheImageOnlyAfterWechatsCheckPassed() {
        String marker = "IMG" + UUID.randomUUID().toString().substring(0, 8);
        long id = Contents.published(api, admin, "配图评论" + marker);
        JsonNode login = Logins.newResident(api);
        String author = login.path("accessToken").asString();
        String reader = Logins.residentToken(api);
        String trace = "trace-" + UUID.randomUUID();
        ContentSecurityFake.mediaCheckAccepted(trace);
        String imageKey = upload(author, "RESIDENT_IMAGE");
        ContentSecurityFake.textVerdict(marker, "pass", 100);

        ApiClient.Response posted = api.post("/api/v1/contents/" + id + "/comments", author,
                ApiClient.json(Map.of("body", "田里拍的 " + marker, "imageKey", imageKey)));

        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        assertThat(posted.json().path("status").asString()).isEqualTo("VISIBLE");
        assertThat(posted.json().path("imageUrl").asString()).isNotBlank();
        assertThat(posted.json().path("imageChecking").asBoolean()).isTrue();
        assertThat(Uploads.fetch(posted.json().path("imageUrl").asString()).body()).isEqualTo(Uploads.PNG);
        JsonNode beforeCheck = only(api.get("/api/v1/contents/" + id + "/comments", reader).json());
        assertThat(beforeCheck.path("body").asString()).isEqualTo("田里拍的 " + marker);
        assertThat(beforeCheck.path("imageUrl").isNull()).isTrue();

        assertThat(WechatPushes.post(api, WechatPushes.TOKEN, WechatPushes.mediaCheckBody(trace, "pass", 100)).status())
                .isEqualTo(200);

        JsonNode afterCheck = only(api.get("/api/v1/contents/" + id + "/comments", reader).json());
        assertThat(afterCheck.path("imageChecking").asBoolean()).isFalse();
        assertThat(Uploads.fetch(afterCheck.path("imageUrl").asString()).body()).isEqualTo(Uploads.PNG);
        // The export names the image the resident attached.
        JsonNode exported = api.get("/api/v1/me/export", author).json().path("sections").path("content").path("comments");
        assertThat(exported.get(0).path("imageKey").asString()).isEqualTo(imageKey);

        // Deleting the account erases the image reference with the text.
        assertThat(api.delete("/api/v1/me", author).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM content_comment WHERE content_id = ? AND image_key IS NOT NULL",
                        Integer.class, id)).isZero());
    }

    @Test
    void onlyTheAuthorsOwnCommentImageUploadCanBeAttached() {
        long id = Contents.published(api, admin, "配图校验" + UUID.randomUUID());
        String author = Logins.residentToken(api);
        String someoneElse = Logins.residentToken(api);
        ContentSecurityFake.mediaCheckAcceptedWithFreshTraces();
        String theirs = upload(someoneElse, "RESIDENT_IMAGE");
        String avatar = upload(author, "AVATAR");

        assertProblem(comment(id, author, theirs), 400, "COMMENT_IMAGE_INVALID");
        assertProblem(comment(id, author, avatar), 400, "COMMENT_IMAGE_INVALID");
        assertProblem(comment(id, author, "r/1/image/20261129/" + "0".repeat(32) + ".png"), 400, "COMMENT_IMAGE_INVALID");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM content_comment WHERE content_id = ?", Integer.class, id))
                .isZero();
    }

    @Test
    void anImageWechatFlaggedIsRefused() {
        long id = Contents.published(api, admin, "配图风险" + UUID.randomUUID());
        String author = Logins.residentToken(api);
        String trace = "trace-" + UUID.randomUUID();
        ContentSecurityFake.mediaCheckAccepted(trace);
        String imageKey = upload(author, "RESIDENT_IMAGE");
        WechatPushes.post(api, WechatPushes.TOKEN, WechatPushes.mediaCheckBody(trace, "risky", 20002));

        assertProblem(comment(id, author, imageKey), 400, "COMMENT_IMAGE_REJECTED");
    }

    private String upload(String token, String purpose) {
        ApiClient.Response uploaded = Uploads.uploadPng(api, token, purpose);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(200);
        return uploaded.json().path("key").asString();
    }

    private ApiClient.Response comment(long contentId, String token, String imageKey) {
        return api.post("/api/v1/contents/" + contentId + "/comments", token,
                ApiClient.json(Map.of("body", "看看这张图", "imageKey", imageKey)));
    }

    private static JsonNode only(JsonNode page) {
        assertThat(page.path("items").size()).isEqualTo(1);
        return page.path("items").get(0);
    }
}
