package cn.yunxi.kepu.content;

import static cn.yunxi.kepu.support.ProblemAssert.assertProblem;
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

import cn.yunxi.kepu.common.participation.ParticipationRecorded;
import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.ContentSecurityFake;
import cn.yunxi.kepu.support.Contents;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;
import cn.yunxi.kepu.support.MutableClock;
import cn.yunxi.kepu.support.Pages;
import cn.yunxi.kepu.support.TestEnginesInitializer;
import cn.yunxi.kepu.support.Uploads;
import cn.yunxi.kepu.support.WeChatFake;
import tools.jackson.databind.JsonNode;

@KepuIntegrationTest
@org.springframework.context.annotation.Import(ContentIT.Recording.class)
class ContentIT {

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventRecorder recorder;

    /** Collects the events the application publishes (in its own threads), as a future listener would see them. */
    static class EventRecorder {
        final List<Object> events = new java.util.concurrent.CopyOnWriteArrayList<>();

        @org.springframework.context.event.EventListener
        void on(Object event) {
            if (event.getClass().getPackageName().startsWith("cn.yunxi.kepu")) {
                events.add(event);
            }
        }

        <T> List<T> of(Class<T> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    @org.springframework.boot.test.context.TestConfiguration(proxyBeanMethods = false)
    static class Recording {
        @org.springframework.context.annotation.Bean
        EventRecorder eventRecorder() {
            return new EventRecorder();
        }
    }

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

    private List<String> queueBodies(String token) {
        return Pages.all(api, "/api/admin/v1/comments", token).stream().map(c -> c.path("body").asString()).toList();
    }

    private String staff(String role) {
        return staff(role, 0);
    }

    private String staff(String role, int unitIndex) {
        String username = "c" + UUID.randomUUID().toString().substring(0, 8);
        String password = "Pw-" + UUID.randomUUID();
        Map<String, Object> body = new java.util.HashMap<>(Map.of("username", username, "displayName", "编辑",
                "password", password, "role", role));
        if (!role.equals("DISTRICT_ADMIN")) {
            body.put("unitId", api.get("/api/admin/v1/units", admin).json().get(unitIndex).path("id").asLong());
        }
        ApiClient.Response created = api.post("/api/admin/v1/staff", admin, ApiClient.json(body));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return Logins.staff(api, username, password).path("accessToken").asString();
    }

    private long draft(String token, String title, Map<String, Object> extra) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("type", "ARTICLE", "title", title,
                "summary", "摘要" + title, "bodyHtml", "<p>" + "科学".repeat(200) + "</p>", "topics", List.of("HEALTH"),
                "groups", List.of("FARMER"), "planSections", List.of("FARMER")));
        body.putAll(extra);
        ApiClient.Response r = api.post("/api/admin/v1/contents", token, ApiClient.json(body));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    private long published(String title, Map<String, Object> extra) {
        String author = staff("ORGANISER");
        long id = draft(author, title, extra);
        assertThat(api.post("/api/admin/v1/contents/" + id + "/submit", author, "{}").status()).isEqualTo(200);
        assertThat(api.post("/api/admin/v1/contents/" + id + "/approve", admin, "{}").status()).isEqualTo(200);
        assertThat(api.post("/api/admin/v1/contents/" + id + "/publish", admin, "{}").status()).isEqualTo(200);
        return id;
    }

    /** A published item edited by one person stays as approved until a second person approves the new revision. */
    @Test
    void editingAPublishedItemIsARevisionThatNeedsASecondReviewer() {
        String marker = "R" + UUID.randomUUID().toString().substring(0, 6);
        long id = published(marker + "原文", Map.of());
        String unitAdmin = staff("UNIT_ADMIN");
        Map<String, Object> edit = Map.of("type", "ARTICLE", "title", marker + "篡改", "summary", "篡改",
                "bodyHtml", "<p>篡改后的正文</p>", "groups", List.of("FARMER"));
        ApiClient.Response put = api.put("/api/admin/v1/contents/" + id, unitAdmin, ApiClient.json(edit));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.json().path("title").asString()).isEqualTo(marker + "原文");
        assertThat(put.json().path("revision").path("title").asString()).isEqualTo(marker + "篡改");
        assertThat(put.json().path("revision").path("status").asString()).isEqualTo("IN_REVIEW");

        String resident = Logins.residentToken(api);
        assertThat(api.get("/api/v1/contents/" + id, resident).json().path("title").asString()).isEqualTo(marker + "原文");
        assertProblem(api.post("/api/admin/v1/contents/" + id + "/revision/approve", unitAdmin, "{}"), 403,
                "CONTENT_SELF_REVIEW");
        assertProblem(api.post("/api/admin/v1/contents/" + id + "/revision/reject", admin, "{}"), 400,
                "CONTENT_REASON_REQUIRED");

        ApiClient.Response approved = api.post("/api/admin/v1/contents/" + id + "/revision/approve", admin, "{}");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().path("revision").isNull()).isTrue();
        assertThat(api.get("/api/v1/contents/" + id, resident).json().path("title").asString()).isEqualTo(marker + "篡改");
        assertProblem(api.post("/api/admin/v1/contents/" + id + "/revision/approve", admin, "{}"), 409, "CONTENT_STATE");
    }

    /** Pinning an item as an emergency is the district admin's decision alone, and every emergency ends. */
    @Test
    void onlyTheDistrictAdminPinsAnEmergencyAndEveryEmergencyEnds() {
        String unitAdmin = staff("UNIT_ADMIN");
        String until = java.time.OffsetDateTime.now(clock).plusDays(2).toString();
        Map<String, Object> pinned = new java.util.HashMap<>(Map.of("type", "ARTICLE", "title", "应急" + UUID.randomUUID(),
                "bodyHtml", "<p>应急</p>", "emergency", true, "emergencyUntil", until));
        assertProblem(api.post("/api/admin/v1/contents", unitAdmin, ApiClient.json(pinned)), 403,
                "CONTENT_EMERGENCY_FORBIDDEN");
        pinned.remove("emergencyUntil");
        assertProblem(api.post("/api/admin/v1/contents", admin, ApiClient.json(pinned)), 400,
                "CONTENT_EMERGENCY_END_REQUIRED");

        long id = published("普通" + UUID.randomUUID(), Map.of());
        String path = "/api/admin/v1/contents/" + id + "/emergency";
        assertProblem(api.post(path, unitAdmin, ApiClient.json(Map.of("emergency", true, "until", until))), 403,
                "CONTENT_EMERGENCY_FORBIDDEN");
        assertProblem(api.post(path, admin, ApiClient.json(Map.of("emergency", true))), 400,
                "CONTENT_EMERGENCY_END_REQUIRED");
        ApiClient.Response set = api.post(path, admin, ApiClient.json(Map.of("emergency", true, "until", until)));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().path("emergency").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/contents/" + id, Logins.residentToken(api)).json().path("pinned").asBoolean()).isTrue();

        // Nothing, seeded or not, is an emergency without an end, and the database refuses one.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM content_item WHERE emergency AND emergency_until IS NULL",
                Integer.class)).isZero();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update(
                "UPDATE content_item SET emergency_until = NULL WHERE id = ?", id))
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    }

    @Test
    void workflowEnforcesTheTwoPersonRuleAndRecordsEveryStep() {
        long id = draft(admin, "两人审核规则" + UUID.randomUUID(), Map.of());
        api.post("/api/admin/v1/contents/" + id + "/submit", admin, "{}");
        assertProblem(api.post("/api/admin/v1/contents/" + id + "/approve", admin, "{}"), 403, "CONTENT_SELF_REVIEW");
        String reviewer = staff("DISTRICT_ADMIN");
        assertProblem(api.post("/api/admin/v1/contents/" + id + "/reject", reviewer, "{}"), 400, "CONTENT_REASON_REQUIRED");
        assertThat(api.post("/api/admin/v1/contents/" + id + "/reject", reviewer, "{\"reason\":\"数据需注明来源\"}")
                .json().path("status").asString()).isEqualTo("REJECTED");
        assertProblem(api.post("/api/admin/v1/contents/" + id + "/publish", reviewer, "{}"), 409, "CONTENT_STATE");
        api.post("/api/admin/v1/contents/" + id + "/submit", admin, "{}");
        api.post("/api/admin/v1/contents/" + id + "/approve", reviewer, "{}");
        JsonNode done = api.post("/api/admin/v1/contents/" + id + "/publish", reviewer, "{}").json();
        assertThat(done.path("status").asString()).isEqualTo("PUBLISHED");
        List<String> actions = new ArrayList<>();
        done.path("transitions").forEach(t -> actions.add(t.path("action").asString()));
        assertThat(actions).containsExactly("CREATE", "SUBMIT", "REJECT", "SUBMIT", "APPROVE", "PUBLISH");
        assertThat(done.path("transitions").get(2).path("reason").asString()).isEqualTo("数据需注明来源");

        // an organiser may write but not review; a unit admin does not see the district's items
        String organiser = staff("ORGANISER");
        long own = draft(organiser, "组织者草稿" + UUID.randomUUID(), Map.of());
        api.post("/api/admin/v1/contents/" + own + "/submit", organiser, "{}");
        assertProblem(api.post("/api/admin/v1/contents/" + own + "/approve", organiser, "{}"), 403, "CONTENT_REVIEWER_ROLE");
        assertProblem(api.get("/api/admin/v1/contents/" + id, staff("UNIT_ADMIN")), 404, "CONTENT_NOT_FOUND");
    }

    /** Unit staff write for their own unit only: naming another unit is refused; another unit's items are not there. */
    @Test
    void unitStaffNeitherWriteForNorSeeAnotherUnitsContent() {
        long otherUnit = api.get("/api/admin/v1/units", admin).json().get(1).path("id").asLong();
        String title = "别的单位" + UUID.randomUUID();
        for (String role : List.of("ORGANISER", "UNIT_ADMIN")) {
            String writer = staff(role, 0);
            Map<String, Object> body = new java.util.HashMap<>(Contents.article(title));
            body.put("unitId", otherUnit);
            assertProblem(api.post("/api/admin/v1/contents", writer, ApiClient.json(body)), 403,
                    "CONTENT_UNIT_FORBIDDEN");
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM content_item WHERE title = ?", Integer.class, title))
                .isZero();

        long theirs = draft(staff("ORGANISER", 1), title, Map.of());
        String ours = staff("UNIT_ADMIN", 0);
        assertProblem(api.get("/api/admin/v1/contents/" + theirs, ours), 404, "CONTENT_NOT_FOUND");
        assertProblem(api.put("/api/admin/v1/contents/" + theirs, ours, ApiClient.json(Contents.article("改标题"))), 404,
                "CONTENT_NOT_FOUND");
        assertProblem(api.post("/api/admin/v1/contents/" + theirs + "/submit", ours, "{}"), 404, "CONTENT_NOT_FOUND");
        assertThat(Pages.ids(api, "/api/admin/v1/contents", ours)).doesNotContain(theirs);
        assertThat(jdbc.queryForObject("SELECT title FROM content_item WHERE id = ?", String.class, theirs))
                .isEqualTo(title);
        // the district may file an item under any unit
        Map<String, Object> byDistrict = new java.util.HashMap<>(Contents.article("区级代发" + UUID.randomUUID()));
        byDistrict.put("unitId", otherUnit);
        assertThat(api.post("/api/admin/v1/contents", admin, ApiClient.json(byDistrict)).json().path("unitId").asLong())
                .isEqualTo(otherUnit);
    }

    @Test
    void scheduledItemsAppearWhenDue() {
        String author = staff("ORGANISER");
        String title = "定时发布" + UUID.randomUUID();
        long id = draft(author, title, Map.of());
        api.post("/api/admin/v1/contents/" + id + "/submit", author, "{}");
        api.post("/api/admin/v1/contents/" + id + "/approve", admin, "{}");
        String at = java.time.OffsetDateTime.now(clock).plusHours(2).toString();
        assertThat(api.post("/api/admin/v1/contents/" + id + "/publish", admin, "{\"at\":\"" + at + "\"}")
                .json().path("status").asString()).isEqualTo("SCHEDULED");
        String resident = Logins.residentToken(api);
        assertProblem(api.get("/api/v1/contents/" + id, resident), 404, "CONTENT_NOT_FOUND");
        // the publishing job runs only when the test runs it: not yet due, nothing happens to the item
        clock.advance(Duration.ofHours(1));
        adminService.publishDue();
        assertThat(api.get("/api/admin/v1/contents/" + id, Logins.districtAdminToken(api)).json().path("status")
                .asString()).isEqualTo("SCHEDULED");
        clock.advance(Duration.ofHours(2));
        assertThat(adminService.publishDue()).isGreaterThanOrEqualTo(1);
        assertThat(api.get("/api/admin/v1/contents/" + id, Logins.districtAdminToken(api)).json().path("status")
                .asString()).isEqualTo("PUBLISHED");
        assertThat(api.get("/api/v1/contents/" + id, Logins.residentToken(api)).status()).isEqualTo(200);
    }

    @Autowired
    ContentAdminService adminService;

    @Test
    void feedPinsEmergenciesPutsTheReadersGroupFirstAndAnswersEtags() {
        String marker = "F" + UUID.randomUUID().toString().substring(0, 6);
        long plain = published(marker + "普通", Map.of("groups", List.of("OFFICIAL")));
        long emergency = published(marker + "应急", Map.of("groups", List.of("OFFICIAL")));
        assertThat(api.post("/api/admin/v1/contents/" + emergency + "/emergency", admin, ApiClient.json(Map.of(
                "emergency", true, "until", java.time.OffsetDateTime.now(clock).plusDays(1).toString()))).status())
                .isEqualTo(200);
        long farmers = published(marker + "农民", Map.of("groups", List.of("FARMER")));
        String resident = Logins.residentToken(api);
        api.patch("/api/v1/me", resident, "{\"populationGroup\":\"FARMER\"}");

        ApiClient.Response feed = api.get("/api/v1/contents?keyword=" + marker, resident);
        assertThat(feed.status()).isEqualTo(200);
        assertThat(ids(feed.json())).containsExactly(emergency, farmers, plain);

        ApiClient.Response page = api.get("/api/v1/contents?size=50", resident);
        String etag = page.header("ETag");
        assertThat(etag).isNotBlank();
        assertThat(page.json().path("items").get(0).path("pinned").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/contents?size=50", resident, "If-None-Match", etag).status()).isEqualTo(304);
        // Written directly (a plain GET) and through Spring's ResponseEntity processing (a precondition header that
        // changes nothing sends it there): the same answer, header for header.
        ApiClient.Response viaSpring = api.get("/api/v1/contents?size=50", resident, "If-Modified-Since",
                "Thu, 01 Jan 2026 00:00:00 GMT");
        assertThat(viaSpring.status()).isEqualTo(page.status());
        assertThat(comparableHeaders(viaSpring)).isEqualTo(comparableHeaders(page)).containsKeys("etag", "cache-control");
        assertThat(viaSpring.body()).isEqualTo(page.body());

        // an edit invalidates the cached page and item
        JsonNode item = api.get("/api/v1/contents/" + plain, resident).json();
        Map<String, Object> edit = Map.of("type", "ARTICLE", "title", marker + "普通（更正）", "summary", "更正后",
                "bodyHtml", "<p>更正</p>", "groups", List.of("OFFICIAL"));
        assertThat(api.put("/api/admin/v1/contents/" + plain, admin, ApiClient.json(edit)).status()).isEqualTo(200);
        assertThat(api.post("/api/admin/v1/contents/" + plain + "/revision/approve", staff("UNIT_ADMIN"), "{}").status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/contents?size=50", resident, "If-None-Match", etag).status()).isEqualTo(200);
        JsonNode after = api.get("/api/v1/contents/" + plain, resident).json();
        assertThat(after.path("title").asString()).endsWith("（更正）");
        assertThat(after.path("version").asInt()).isGreaterThan(item.path("version").asInt());

        // filters
        assertThat(ids(api.get("/api/v1/contents?size=100&group=FARMER&keyword=" + marker, resident).json()))
                .containsExactly(farmers);
        assertProblem(api.get("/api/v1/contents?type=POEM", resident), 400, "VALIDATION_FAILED");
    }

    @Test
    void searchHandlesShortLongPunctuationAndEmojiQueries() {
        String marker = "S" + UUID.randomUUID().toString().substring(0, 6);
        long id = published(marker + "防汛_避险100%指南", Map.of());
        String resident = Logins.residentToken(api);
        for (String q : List.of("汛", marker + "防汛_避险100%", "100%", "_", "%", "\\", "'", "!!", "😀", "🌊防汛", "防" .repeat(60),
                "；，。？", " ")) {
            ApiClient.Response r = api.get("/api/v1/contents?keyword=" + java.net.URLEncoder.encode(q,
                    java.nio.charset.StandardCharsets.UTF_8), resident);
            assertThat(r.status()).as(q + " -> " + r).isEqualTo(200);
        }
        assertThat(ids(api.get("/api/v1/contents?keyword=" + java.net.URLEncoder.encode(marker + "防汛_避险100%",
                java.nio.charset.StandardCharsets.UTF_8), resident).json())).containsExactly(id);
        // '_' and '%' are literal, not wildcards
        assertThat(ids(api.get("/api/v1/contents?keyword=" + java.net.URLEncoder.encode(marker + "防汛x避险",
                java.nio.charset.StandardCharsets.UTF_8), resident).json())).isEmpty();
    }

    @Test
    void readingCreditCountsEffectiveTimeOnlyAndPublishesOnce() {
        long id = published("阅读计时" + UUID.randomUUID(), Map.of("lengthSeconds", 100));
        // Server time moves only when the test moves it, however slow the machine is.
        clock.pin(java.time.Instant.now());
        String resident = Logins.residentToken(api);
        long session = api.post("/api/v1/contents/" + id + "/read-sessions", resident, "{}").json().path("sessionId").asLong();

        // forged: claims the whole item at once
        assertThat(progress(session, resident, 100).path("creditedSeconds").asInt()).isZero();
        clock.advance(Duration.ofSeconds(10));
        JsonNode r = progress(session, resident, 100);
        assertThat(r.path("creditedSeconds").asInt()).isEqualTo(10);
        // duplicate of the same report: nothing more
        assertThat(progress(session, resident, 100).path("creditedSeconds").asInt()).isEqualTo(10);
        // a gap longer than allowed credits nothing
        clock.advance(Duration.ofMinutes(10));
        assertThat(progress(session, resident, 100).path("creditedSeconds").asInt()).isEqualTo(10);
        // honest reading until complete (article: 60% of 100 s)
        int credited = 10;
        for (int i = 0; i < 6; i++) {
            clock.advance(Duration.ofSeconds(15));
            r = progress(session, resident, 200);
            credited = r.path("creditedSeconds").asInt();
        }
        assertThat(credited).isGreaterThanOrEqualTo(60).isLessThanOrEqualTo(100);
        assertThat(r.path("completed").asBoolean()).isTrue();
        assertThat(recorder.of(ContentRead.class).stream().filter(e -> e.contentId() == id).count()).isEqualTo(1);
        assertThat(recorder.of(ParticipationRecorded.class).stream().filter(e -> e.sourceId() == id)
                .map(ParticipationRecorded::recordKey).toList()).singleElement().asString().startsWith("read:");

        // someone else's session is not there
        assertProblem(api.post("/api/v1/read-sessions/" + session + "/progress", Logins.residentToken(api),
                "{\"position\":5}"), 404, "READ_SESSION_NOT_FOUND");
    }

    @Test
    void sharesAttributeOpensToTheSharer() {
        long id = published("分享归属" + UUID.randomUUID(), Map.of());
        String sharer = Logins.residentToken(api);
        JsonNode share = api.post("/api/v1/contents/" + id + "/shares", sharer, "{}").json();
        String token = share.path("shareToken").asString();
        assertThat(share.path("path").asString()).contains("st=" + token);
        String friend = Logins.residentToken(api);
        JsonNode opened = api.post("/api/v1/contents/" + id + "/read-sessions", friend,
                "{\"shareToken\":\"" + token + "\"}").json();
        assertThat(opened.path("attributedToShare").asBoolean()).isTrue();
        api.post("/api/v1/contents/" + id + "/read-sessions", friend, "{\"shareToken\":\"" + token + "\"}");
        assertThat(recorder.of(SharedContentOpened.class).stream().filter(e -> e.contentId() == id).count()).isEqualTo(1);
        assertThat(recorder.of(ContentShared.class).stream().filter(e -> e.contentId() == id).count()).isEqualTo(1);
        assertProblem(api.post("/api/v1/contents/" + id + "/read-sessions", friend, "{\"shareToken\":\"nope\"}"),
                400, "SHARE_TOKEN_INVALID");
    }

    @Test
    void likesAndFavourites() {
        long id = published("点赞收藏" + UUID.randomUUID(), Map.of());
        String resident = Logins.residentToken(api);
        api.put("/api/v1/contents/" + id + "/like", resident, "");
        JsonNode state = api.put("/api/v1/contents/" + id + "/like", resident, "").json();
        assertThat(state.path("liked").asBoolean()).isTrue();
        assertThat(state.path("likeCount").asInt()).isEqualTo(1);
        api.put("/api/v1/contents/" + id + "/favourite", resident, "");
        assertThat(ids(api.get("/api/v1/me/favourites", resident).json())).containsExactly(id);
        api.delete("/api/v1/contents/" + id + "/favourite", resident);
        assertThat(ids(api.get("/api/v1/me/favourites", resident).json())).isEmpty();
    }

    @Test
    void commentsAreModeratedByWechat() {
        long id = published("评论审核" + UUID.randomUUID(), Map.of());
        String resident = Logins.residentToken(api);
        ContentSecurityFake.textVerdict("PASSMARK", "pass", 100);
        ContentSecurityFake.textVerdict("RISKYMARK", "risky", 20001);
        ContentSecurityFake.textVerdict("REVIEWMARK", "review", 21000);
        ContentSecurityFake.textError("ERRORMARK", 40003, "invalid openid");
        // longer than the WeChat timeout the tests run with (kepu.wechat.timeout=8s)
        ContentSecurityFake.textTimesOut("SLOWMARK", 10000);

        assertThat(comment(id, resident, "很有用 PASSMARK")).isEqualTo("VISIBLE");
        assertThat(comment(id, resident, "RISKYMARK")).isEqualTo("HIDDEN");
        assertThat(comment(id, resident, "REVIEWMARK")).isEqualTo("IN_REVIEW");
        assertThat(comment(id, resident, "ERRORMARK")).isEqualTo("IN_REVIEW");
        assertThat(comment(id, resident, "SLOWMARK")).isEqualTo("IN_REVIEW");

        String other = Logins.residentToken(api);
        List<String> seen = new ArrayList<>();
        api.get("/api/v1/contents/" + id + "/comments", other).json().path("items")
                .forEach(c -> seen.add(c.path("body").asString()));
        assertThat(seen).containsExactly("很有用 PASSMARK");
        assertThat(api.get("/api/v1/contents/" + id + "/comments", resident).json().path("total").asLong()).isEqualTo(5);

        long queued = -1;
        for (JsonNode c : Pages.all(api, "/api/admin/v1/comments", admin)) {
            if (c.path("body").asString().equals("REVIEWMARK")) {
                queued = c.path("id").asLong();
            }
        }
        assertThat(queued).isPositive();
        // unit admins see the comments on their own unit's items only
        assertThat(queueBodies(staff("UNIT_ADMIN", 0))).contains("REVIEWMARK", "ERRORMARK", "SLOWMARK");
        assertThat(queueBodies(staff("UNIT_ADMIN", 1))).doesNotContain("REVIEWMARK", "ERRORMARK", "SLOWMARK");
        assertThat(api.post("/api/admin/v1/comments/" + queued + "/review", admin, "{\"approve\":true}").json()
                .path("status").asString()).isEqualTo("VISIBLE");
        assertProblem(api.post("/api/admin/v1/comments/" + queued + "/review", admin, "{\"approve\":false}"), 409,
                "COMMENT_STATE");
    }

    @Test
    void sanitisesOnSaveAndSyndicates() {
        String marker = "R" + UUID.randomUUID().toString().substring(0, 6);
        long id = published(marker + "联播", Map.of("bodyHtml", "<p>安全</p><script>alert(1)</script><img src=x onerror=alert(1)>",
                "topics", List.of("ECOLOGY")));
        JsonNode item = api.get("/api/v1/contents/" + id, Logins.residentToken(api)).json();
        assertThat(item.path("bodyHtml").asString()).contains("安全").doesNotContain("script", "onerror");
        ApiClient.Response rss = api.get("/api/v1/syndication/rss.xml?topic=ECOLOGY", null);
        assertThat(rss.status()).isEqualTo(200);
        assertThat(rss.contentType()).startsWith("application/rss+xml");
        assertThat(rss.body()).contains("<rss version=\"2.0\">", marker + "联播",
                TestEnginesInitializer.PUBLIC_BASE_URL + "/api/v1/syndication/items/" + id);
        JsonNode json = api.get("/api/v1/syndication/feed.json?topic=ECOLOGY", null).json();
        assertThat(json.path("version").asString()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(json.path("items").get(0).path("url").asString()).startsWith(TestEnginesInitializer.PUBLIC_BASE_URL);
        assertThat(api.get("/api/v1/syndication/items/" + id, null).body()).contains("安全").doesNotContain("<script");
    }

    /** Feeds are publicly cached: a forged Host / X-Forwarded-Host must never end up in their links. */
    @Test
    void feedLinksComeFromConfigurationNeverFromTheRequest() {
        published("H" + UUID.randomUUID().toString().substring(0, 6) + "链接", Map.of("topics", List.of("HEALTH")));
        for (String path : List.of("/api/v1/syndication/rss.xml", "/api/v1/syndication/feed.json")) {
            ApiClient.Response r = api.get(path, null, "X-Forwarded-Host", "evil.example");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).doesNotContain("evil.example").contains(TestEnginesInitializer.PUBLIC_BASE_URL);
        }
    }

    @Test
    void staffFilterTheirListByStatusTopicGroupSectionAndKeyword() {
        String marker = "F" + UUID.randomUUID().toString().substring(0, 6);
        String author = staff("UNIT_ADMIN", 2);
        long health = draft(author, marker + "健康饮食", Map.of("topics", List.of("HEALTH"), "groups", List.of("ELDERLY"),
                "planSections", List.of("ELDERLY")));
        long chemical = draft(author, marker + "化工园区", Map.of("topics", List.of("CHEMICAL"),
                "groups", List.of("INDUSTRIAL_WORKER"), "planSections", List.of("WORKER")));
        api.post("/api/admin/v1/contents/" + chemical + "/submit", author, "{}");
        String list = "/api/admin/v1/contents?size=100&keyword=" + java.net.URLEncoder.encode(marker, java.nio.charset.StandardCharsets.UTF_8);

        assertThat(ids(api.get(list, author).json())).containsExactlyInAnyOrder(health, chemical);
        assertThat(ids(api.get(list + "&status=IN_REVIEW", author).json())).containsExactly(chemical);
        assertThat(ids(api.get(list + "&topic=HEALTH", author).json())).containsExactly(health);
        assertThat(ids(api.get(list + "&group=INDUSTRIAL_WORKER", author).json())).containsExactly(chemical);
        assertThat(ids(api.get(list + "&section=ELDERLY", author).json())).containsExactly(health);
        assertThat(ids(api.get(list + "&mine=true", staff("UNIT_ADMIN", 2)).json())).isEmpty();
        assertThat(ids(api.get(list, staff("UNIT_ADMIN", 3)).json())).as("another unit sees none of them").isEmpty();
        assertThat(ids(api.get(list + "%25", author).json())).as("LIKE wildcards match themselves").isEmpty();
        assertProblem(api.get("/api/admin/v1/contents?status=GONE", author), 400, "VALIDATION_FAILED");

        JsonNode item = api.get("/api/admin/v1/contents/" + chemical, author).json();
        assertThat(item.path("authorName").asString()).isEqualTo("编辑");
        assertThat(item.path("unitName").asString()).isNotBlank();
        assertThat(item.path("transitions").get(1).path("actorName").asString()).isEqualTo("编辑");
    }

    @Test
    void theListsTheEditorOffersComeFromTheApi() {
        JsonNode topics = api.get("/api/admin/v1/content-topics", admin).json();
        assertThat(topics.size()).isEqualTo(9);
        assertThat(topics.get(0).path("code").asString()).isEqualTo("EMERGENCY");
        assertThat(topics.get(0).path("name").asString()).isEqualTo("应急科普");
        JsonNode groups = api.get("/api/admin/v1/population-groups", admin).json();
        assertThat(groups.toString()).contains("\"code\":\"ELDERLY\"", "\"label\":\"老年人\"");
        assertThat(api.get("/api/admin/v1/contents/plan-sections", admin).json().size()).isEqualTo(10);
    }

    @Test
    void imagesInTheBodyAreStoredAsReferencesAndReadWithFreshUrls() {
        String author = staff("ORGANISER");
        ApiClient.Response policy = api.post("/api/admin/v1/media/upload-policy", author,
                "{\"purpose\":\"CONTENT_IMAGE\",\"contentType\":\"image/png\",\"size\":" + Uploads.PNG.length + "}");
        assertThat(policy.status()).as(policy.toString()).isEqualTo(200);
        String key = policy.json().path("key").asString();
        assertThat(Uploads.upload(policy.json(), Uploads.PNG).statusCode()).isEqualTo(200);
        String body = "<p>图文</p><img src=\"media:" + key + "\" alt=\"示意图\">";

        assertProblem(api.post("/api/admin/v1/contents", author, ApiClient.json(Map.of("type", "ARTICLE",
                "title", "引用不存在的文件", "bodyHtml", "<img src=\"media:s/1/content-image/none.png\">"))),
                400, "CONTENT_MEDIA_UNKNOWN");
        long id = draft(author, "图文" + UUID.randomUUID(), Map.of("bodyHtml", body));
        JsonNode staffView = api.get("/api/admin/v1/contents/" + id, author).json();
        assertThat(staffView.path("bodyHtml").asString()).contains("src=\"media:" + key + "\"");
        assertThat(staffView.path("mediaUrls").path(key).asString()).startsWith("http");

        api.post("/api/admin/v1/contents/" + id + "/submit", author, "{}");
        api.post("/api/admin/v1/contents/" + id + "/approve", admin, "{}");
        api.post("/api/admin/v1/contents/" + id + "/publish", admin, "{}");
        String resident = api.get("/api/v1/contents/" + id, Logins.residentToken(api)).json().path("bodyHtml").asString();
        assertThat(resident).doesNotContain("media:").contains("alt=\"示意图\"");
        String url = org.jsoup.Jsoup.parse(resident).selectFirst("img").attr("src");
        assertThat(Uploads.fetch(url).body()).isEqualTo(Uploads.PNG);
    }

    private String comment(long id, String token, String body) {
        ApiClient.Response r = api.post("/api/v1/contents/" + id + "/comments", token,
                ApiClient.json(Map.of("body", body)));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("status").asString();
    }

    private JsonNode progress(long session, String token, int position) {
        ApiClient.Response r = api.post("/api/v1/read-sessions/" + session + "/progress", token,
                "{\"position\":" + position + "}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.path("items").forEach(i -> ids.add(i.path("id").asLong()));
        return ids;
    }

    /** Every response header but the date and the request id, which differ from one request to the next. */
    static java.util.Map<String, java.util.List<String>> comparableHeaders(ApiClient.Response response) {
        java.util.Map<String, java.util.List<String>> headers = new java.util.TreeMap<>(response.raw().headers().map());
        headers.keySet().removeIf(name -> name.equalsIgnoreCase("date") || name.equalsIgnoreCase("x-request-id"));
        return headers;
    }
}
