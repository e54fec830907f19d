package cn.yunxi.kepu.emergency;

import static cn.yunxi.kepu.support.ProblemAssert.assertProblem;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.AtOnce;
import cn.yunxi.kepu.support.ApiClient.Response;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;
import cn.yunxi.kepu.support.MutableClock;
import cn.yunxi.kepu.support.WeChatFake;
import tools.jackson.databind.JsonNode;

/**
 * 应急科普 end to end against real MariaDB/Redis, with WeChat's subscribeMessage.send faked at the HTTP level
 * (POST /cgi-bin/message/subscribe/send, body {touser, template_id, page, data:{thing1:{value}…}}, answering
 * {"errcode":0,"errmsg":"ok"}, 43101 "user refuse to accept the msg" or 40003 "invalid openid"). Jobs are off in
 * tests: the test runs the sender itself.
 */
@KepuIntegrationTest
@TestPropertySource(properties = "kepu.emergency.template-id=tmpl-emergency")
class EmergencyIT {

    static final String SEND = "/cgi-bin/message/subscribe/send";
    /** 陆城镇 and two of its villages; 路口镇's village is outside a 陆城镇 emergency. */
    static final String LUCHENG = "430603100";
    static final String LUCHENG_VILLAGE = "430603100201";
    static final String LUKOU_VILLAGE = "430603101201";
    static final String LUKOU = "430603101";

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EmergencySender sender;

    ApiClient api;
    String admin;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        admin = Logins.districtAdminToken(api);
        WeChatFake.reset();
        drain();
    }

    @AfterEach
    void tearDown() {
        clock.reset();
        WeChatFake.reset();
    }

    // ---- helpers

    record Resident(long id, String token, String openid) {
    }

    private Resident resident(String village, int acceptances) {
        JsonNode login = Logins.newResident(api);
        String token = login.path("accessToken").asString();
        long id = login.path("resident").path("id").asLong();
        if (village != null) {
            assertThat(api.patch("/api/v1/me", token, ApiClient.json(Map.of("regionCode", village))).status())
                    .isEqualTo(200);
        }
        for (int i = 0; i < acceptances; i++) {
            assertThat(api.post("/api/v1/emergencies/subscription", token, "").status()).isEqualTo(200);
        }
        String openid = jdbc.queryForObject("SELECT openid FROM resident WHERE id = ?", String.class, id);
        return new Resident(id, token, openid);
    }

    private String secondAdmin() {
        String username = "e" + UUID.randomUUID().toString().substring(0, 8);
        String password = "Pw-" + UUID.randomUUID();
        Response created = api.post("/api/admin/v1/staff", admin, ApiClient.json(Map.of("username", username,
                "displayName", "值班副主任", "password", password, "role", "DISTRICT_ADMIN")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return Logins.staff(api, username, password).path("accessToken").asString();
    }

    private long templateId() {
        for (JsonNode t : api.get("/api/admin/v1/emergency-templates?activeOnly=true", admin).json()) {
            if (t.path("hazard").asString().equals("RAINSTORM")) {
                return t.path("id").asLong();
            }
        }
        throw new IllegalStateException("no rainstorm template");
    }

    private Map<String, Object> fromTemplate(List<String> regions, OffsetDateTime endsAt, String confirm) {
        Map<String, Object> body = new HashMap<>(Map.of("templateId", templateId(), "wholeDistrict", regions.isEmpty(),
                "regionCodes", regions, "endsAt", endsAt.toString()));
        if (confirm != null) {
            body.put("confirmText", confirm);
        }
        return body;
    }

    private OffsetDateTime inHours(int hours) {
        return OffsetDateTime.now(clock).plusHours(hours).withNano(0);
    }

    private long publish(List<String> regions, OffsetDateTime endsAt) {
        Response r = api.post("/api/admin/v1/emergencies/from-template", admin,
                ApiClient.json(fromTemplate(regions, endsAt, "确认发布")));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    private void wechatAnswers(int errcode, String errmsg) {
        WeChatFake.server().stubFor(post(urlPathEqualTo(SEND))
                .willReturn(okJson("{\"errcode\":" + errcode + ",\"errmsg\":\"" + errmsg + "\"}")));
    }

    private void wechatAnswersFor(String openid, int errcode, String errmsg) {
        WeChatFake.server().stubFor(post(urlPathEqualTo(SEND)).withRequestBody(containing(openid)).atPriority(1)
                .willReturn(okJson("{\"errcode\":" + errcode + ",\"errmsg\":\"" + errmsg + "\"}")));
    }

    private List<LoggedRequest> sentTo(String openid) {
        return WeChatFake.server().findAll(postRequestedFor(urlPathEqualTo(SEND)).withRequestBody(containing(openid)));
    }

    /** Messages other tests left queued are sent first, so each test counts only its own. */
    private void drain() {
        wechatAnswers(0, "ok");
        while (sender.sendDue(100) > 0) {
            // drain
        }
        WeChatFake.reset();
    }

    private String noticeStatus(long emergencyId, long residentId) {
        return jdbc.queryForList("SELECT status FROM emergency_notice WHERE emergency_id = ? AND resident_id = ?",
                String.class, emergencyId, residentId).stream().findFirst().orElse("NONE");
    }

    private int remaining(long residentId) {
        return jdbc.queryForObject("SELECT remaining FROM emergency_quota WHERE resident_id = ?", Integer.class,
                residentId);
    }

    private List<Long> banner(Resident r) {
        Response active = api.get("/api/v1/emergencies/active", r.token());
        assertThat(active.status()).isEqualTo(200);
        return active.json().valueStream().filter(e -> !e.path("read").asBoolean())
                .map(e -> e.path("id").asLong()).toList();
    }

    // ---- publishing

    @Test
    void aTemplateGoesOutOnlyWhenTheAdminTypesTheConfirmation() {
        assertProblem(api.post("/api/admin/v1/emergencies/from-template", admin,
                ApiClient.json(fromTemplate(List.of(), inHours(6), null))), 400, "EMERGENCY_CONFIRMATION_REQUIRED");
        assertProblem(api.post("/api/admin/v1/emergencies/from-template", admin,
                ApiClient.json(fromTemplate(List.of(), inHours(6), "确认"))), 400, "EMERGENCY_CONFIRMATION_REQUIRED");
        Map<String, Object> noEnd = fromTemplate(List.of(), inHours(6), "确认发布");
        noEnd.remove("endsAt");
        assertProblem(api.post("/api/admin/v1/emergencies/from-template", admin, ApiClient.json(noEnd)), 400,
                "VALIDATION_FAILED");
        assertProblem(api.post("/api/admin/v1/emergencies/from-template", admin,
                ApiClient.json(fromTemplate(List.of(), inHours(-1), "确认发布"))), 400, "EMERGENCY_END_REQUIRED");

        long id = publish(List.of(), inHours(6));

        JsonNode view = api.get("/api/admin/v1/emergencies/" + id, admin).json();
        assertThat(view.path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(view.path("statusLabel").asString()).isEqualTo("已发布");
        assertThat(view.path("title").asString()).startsWith("暴雨预警");
        assertThat(view.path("audit").valueStream().map(a -> a.path("action").asString()).toList())
                .containsExactly("DRAFTED", "CONFIRMED");
        assertThat(view.path("approvedBy").asLong()).isEqualTo(view.path("draftedBy").asLong());
    }

    @Test
    void freeTextNeedsASecondDistrictAdminAndTheAuthorCanNeverApproveIt() {
        String second = secondAdmin();
        Resident villager = resident(LUCHENG_VILLAGE, 0);
        Response drafted = api.post("/api/admin/v1/emergencies", admin, ApiClient.json(Map.of(
                "title", "山洪预警", "body", "上游降雨，请远离河道。", "wholeDistrict", false,
                "regionCodes", List.of(LUCHENG), "endsAt", inHours(3).toString())));
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        long id = drafted.json().path("id").asLong();
        assertThat(drafted.json().path("status").asString()).isEqualTo("PENDING");
        assertThat(banner(villager)).as("not before approval").doesNotContain(id);

        Response own = api.post("/api/admin/v1/emergencies/" + id + "/approve", admin, "");
        assertProblem(own, 403, "EMERGENCY_SELF_APPROVAL");
        assertThat(own.json().path("detail").asString()).contains("不能审批自己起草的应急通知");
        // and the database would refuse it too
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update(
                "UPDATE emergency SET status = 'PUBLISHED', approved_by = drafted_by, published_at = NOW() WHERE id = ?",
                id)).isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);

        Response approved = api.post("/api/admin/v1/emergencies/" + id + "/approve", second, "");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(approved.json().path("approvedByName").asString()).isEqualTo("值班副主任");
        assertThat(approved.json().path("audit").valueStream().map(a -> a.path("action").asString()).toList())
                .containsExactly("DRAFTED", "APPROVED");
        assertProblem(api.post("/api/admin/v1/emergencies/" + id + "/approve", second, ""), 409, "EMERGENCY_STATE");
        assertThat(banner(villager)).contains(id);
    }

    @Test
    void onlyDistrictAdminsPublishAndResidentsCannotReachTheConsole() {
        Resident villager = resident(LUCHENG_VILLAGE, 0);
        assertThat(api.get("/api/admin/v1/emergencies", villager.token()).status()).isEqualTo(403);
        String town = cn.yunxi.kepu.support.StaffAccounts.token(api, admin, "TOWN_ADMIN", "陆城镇");
        assertProblem(api.post("/api/admin/v1/emergencies/from-template", town,
                ApiClient.json(fromTemplate(List.of(), inHours(6), "确认发布"))), 403, "FORBIDDEN");
        assertThat(api.get("/api/v1/emergencies/active", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/emergencies/active", admin).status()).isEqualTo(403);
    }

    /**
     * A town follows the emergencies its residents see, read-only: published ones for the whole district, the
     * town or one of its villages. Another town's, and the district's drafts, are not there (404 by address).
     */
    @Test
    void aTownAdminSeesTheEmergenciesForItsTownAndChangesNothing() {
        String town = cn.yunxi.kepu.support.StaffAccounts.token(api, admin, "TOWN_ADMIN", "陆城镇");
        long forTown = publish(List.of(LUCHENG), inHours(6));
        long forVillage = publish(List.of(LUCHENG_VILLAGE), inHours(6));
        long forDistrict = publish(List.of(), inHours(6));
        long forOtherTown = publish(List.of(LUKOU), inHours(6));
        long ended = publish(List.of(LUCHENG), inHours(6));
        assertThat(api.post("/api/admin/v1/emergencies/" + ended + "/end", admin, "").status()).isEqualTo(200);
        Response drafted = api.post("/api/admin/v1/emergencies", admin, ApiClient.json(Map.of("title", "镇内积水",
                "body", "陆城镇部分路段积水，请绕行。", "wholeDistrict", false, "regionCodes", List.of(LUCHENG),
                "endsAt", inHours(6).toString())));
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        long draft = drafted.json().path("id").asLong();

        Response list = api.get("/api/admin/v1/emergencies?size=100", town);
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        List<Long> seen = list.json().path("items").valueStream().map(e -> e.path("id").asLong()).toList();
        assertThat(seen).contains(forTown, forVillage, forDistrict, ended).doesNotContain(forOtherTown, draft);
        List<Long> running = api.get("/api/admin/v1/emergencies?status=PUBLISHED&size=100", town).json().path("items")
                .valueStream().map(e -> e.path("id").asLong()).toList();
        assertThat(running).contains(forTown).doesNotContain(ended, forOtherTown);
        assertThat(api.get("/api/admin/v1/emergencies?status=PENDING&size=100", town).json().path("items")
                .valueStream().map(e -> e.path("id").asLong()).toList()).doesNotContain(draft);

        JsonNode detail = api.get("/api/admin/v1/emergencies/" + forVillage, town).json();
        assertThat(detail.path("title").asString())
                .isEqualTo(api.get("/api/admin/v1/emergencies/" + forVillage, admin).json().path("title").asString());
        assertThat(detail.path("audit").size()).isEqualTo(2);
        assertProblem(api.get("/api/admin/v1/emergencies/" + forOtherTown, town), 404, "EMERGENCY_NOT_FOUND");
        assertProblem(api.get("/api/admin/v1/emergencies/" + draft, town), 404, "EMERGENCY_NOT_FOUND");

        // read-only: ending, approving, rejecting and the templates stay with the district
        assertProblem(api.post("/api/admin/v1/emergencies/" + forTown + "/end", town, ""), 403, "FORBIDDEN");
        assertProblem(api.post("/api/admin/v1/emergencies/" + draft + "/approve", town, ""), 403, "FORBIDDEN");
        assertProblem(api.post("/api/admin/v1/emergencies/" + draft + "/reject", town,
                ApiClient.json(Map.of("reason", "不同意"))), 403, "FORBIDDEN");
        assertThat(api.get("/api/admin/v1/emergency-templates", town).status()).isEqualTo(403);
        assertThat(api.get("/api/admin/v1/emergencies/" + forTown, admin).json().path("status").asString())
                .isEqualTo("PUBLISHED");

        // other staff still see nothing
        String unit = cn.yunxi.kepu.support.StaffAccounts.token(api, admin, "UNIT_ADMIN", "区科协");
        assertThat(api.get("/api/admin/v1/emergencies", unit).status()).isEqualTo(403);
    }

    /** "Export my data" holds the banners the resident dismissed, the acceptances left and the messages sent. */
    @Test
    void theResidentsExportHoldsTheirReadReceiptsAcceptancesAndMessages() {
        Resident villager = resident(LUCHENG_VILLAGE, 2);
        wechatAnswers(0, "ok");
        long id = publish(List.of(LUCHENG), inHours(6));
        sender.sendDue(100);
        assertThat(api.post("/api/v1/emergencies/" + id + "/read", villager.token(), "").status()).isEqualTo(204);

        Response export = api.get("/api/v1/me/export", villager.token());
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        JsonNode section = export.json().path("sections").path("emergencies");
        assertThat(section.path("reads")).hasSize(1);
        assertThat(section.path("reads").get(0).path("emergencyId").asLong()).isEqualTo(id);
        assertThat(section.path("reads").get(0).path("title").asString())
                .isEqualTo(api.get("/api/admin/v1/emergencies/" + id, admin).json().path("title").asString());
        assertThat(section.path("reads").get(0).path("readAt").asString()).isNotBlank();
        assertThat(section.path("subscription").path("remaining").asInt()).isEqualTo(1);
        assertThat(section.path("subscription").path("updatedAt").asString()).isNotBlank();
        assertThat(section.path("messages")).hasSize(1);
        assertThat(section.path("messages").get(0).path("emergencyId").asLong()).isEqualTo(id);
        assertThat(section.path("messages").get(0).path("status").asString()).isEqualTo("SENT");

        Resident never = resident(null, 0);
        JsonNode empty = api.get("/api/v1/me/export", never.token()).json().path("sections").path("emergencies");
        assertThat(empty.path("reads")).isEmpty();
        assertThat(empty.path("messages")).isEmpty();
        assertThat(empty.path("subscription").path("remaining").asInt()).isZero();
    }

    // ---- targeting and delivery

    @Test
    void residentsOfTheChosenTownAreToldAndOthersAreNot() {
        Resident inside = resident(LUCHENG_VILLAGE, 1);
        Resident outside = resident(LUKOU_VILLAGE, 1);
        Resident nowhere = resident(null, 1);
        wechatAnswers(0, "ok");

        long id = publish(List.of(LUCHENG), inHours(6));
        sender.sendDue(100);

        assertThat(noticeStatus(id, inside.id())).isEqualTo("SENT");
        assertThat(noticeStatus(id, outside.id())).isEqualTo("NONE");
        assertThat(noticeStatus(id, nowhere.id())).isEqualTo("NONE");
        List<LoggedRequest> toInside = sentTo(inside.openid());
        assertThat(toInside).hasSize(1);
        assertThat(toInside.get(0).getBodyAsString()).contains("tmpl-emergency").contains("暴雨预警")
                .contains("pages/index/index");
        assertThat(sentTo(outside.openid())).isEmpty();
        assertThat(remaining(inside.id())).isZero();
        assertThat(remaining(outside.id())).as("untouched").isEqualTo(1);

        assertThat(banner(inside)).contains(id);
        assertThat(banner(outside)).doesNotContain(id);
        assertThat(banner(nowhere)).doesNotContain(id);
        assertProblem(api.post("/api/v1/emergencies/" + id + "/read", outside.token(), ""), 404, "EMERGENCY_NOT_FOUND");

        assertThat(api.post("/api/v1/emergencies/" + id + "/read", inside.token(), "").status()).isEqualTo(204);
        assertThat(banner(inside)).as("read: the banner goes").doesNotContain(id);
        JsonNode delivery = api.get("/api/admin/v1/emergencies/" + id, admin).json().path("delivery");
        assertThat(delivery.path("read").asInt()).isEqualTo(1);
    }

    /**
     * A sender killed between claiming a message and hearing WeChat's answer leaves it SENDING. Once the claim is
     * older than any live send could take, it is recorded as UNKNOWN (WeChat may have delivered it) and never sent
     * again; the resident's acceptance is not given back.
     */
    @Test
    void aMessageClaimedByASenderThatDiedIsRecordedUnknownAndNotResent() {
        Resident r = resident(LUCHENG_VILLAGE, 1);
        wechatAnswers(0, "ok");
        long id = publish(List.of(LUCHENG), inHours(6));
        int claimed = jdbc.update("UPDATE emergency_notice SET status = 'SENDING', claim_token = 'killed-sender', "
                        + "claimed_at = NOW(3) - INTERVAL ? SECOND WHERE emergency_id = ? AND resident_id = ?",
                EmergencySender.STALE_CLAIM.plusMinutes(1).toSeconds(), id, r.id());
        assertThat(claimed).as("the message waited to be sent").isEqualTo(1);

        sender.sendDue(100);

        assertThat(noticeStatus(id, r.id())).isEqualTo("UNKNOWN");
        assertThat(sentTo(r.openid())).as("never sent a second time").isEmpty();
    }

    @Test
    void aRefusalAndAMissingAcceptanceAreRecordedAndTheBannerStillShows() {
        Resident refusing = resident(LUCHENG_VILLAGE, 2);
        Resident usedUp = resident(LUCHENG_VILLAGE, 1);
        jdbc.update("UPDATE emergency_quota SET remaining = 0 WHERE resident_id = ?", usedUp.id());
        Resident neverAccepted = resident(LUCHENG_VILLAGE, 0);
        Resident invalid = resident(LUCHENG_VILLAGE, 1);
        wechatAnswers(0, "ok");
        wechatAnswersFor(refusing.openid(), 43101, "user refuse to accept the msg rid: 6744a1b2");
        wechatAnswersFor(invalid.openid(), 40003, "invalid openid rid: 6744a1b3");

        long id = publish(List.of(LUCHENG_VILLAGE), inHours(6));
        sender.sendDue(100);
        sender.sendDue(100);

        assertThat(noticeStatus(id, refusing.id())).isEqualTo("REFUSED");
        assertThat(remaining(refusing.id())).as("WeChat has none left: ours is set to match").isZero();
        assertThat(sentTo(refusing.openid())).as("asked once, never again").hasSize(1);
        assertThat(noticeStatus(id, usedUp.id())).isEqualTo("NO_QUOTA");
        assertThat(sentTo(usedUp.openid())).isEmpty();
        assertThat(noticeStatus(id, neverAccepted.id())).isEqualTo("NONE");
        assertThat(noticeStatus(id, invalid.id())).isEqualTo("FAILED");
        assertThat(remaining(invalid.id())).as("the acceptance was spent on the attempt").isZero();

        for (Resident r : List.of(refusing, usedUp, neverAccepted, invalid)) {
            assertThat(banner(r)).as("the banner on next open").contains(id);
        }
        // (residents of earlier tests live in the same village: the counts are compared with the rows)
        JsonNode delivery = api.get("/api/admin/v1/emergencies/" + id, admin).json().path("delivery");
        assertThat(delivery.path("refused").asInt()).isEqualTo(rows(id, "REFUSED")).isPositive();
        assertThat(delivery.path("noQuota").asInt()).isEqualTo(rows(id, "NO_QUOTA")).isPositive();
        assertThat(delivery.path("failed").asInt()).isEqualTo(rows(id, "FAILED")).isPositive();
        assertThat(delivery.path("sent").asInt()).isEqualTo(rows(id, "SENT"));
        assertThat(delivery.path("pending").asInt()).isZero();
    }

    private int rows(long emergencyId, String status) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM emergency_notice WHERE emergency_id = ? AND status = ?",
                Integer.class, emergencyId, status);
    }

    @Test
    void sendersAtOnceSendEachMessageOnce() {
        List<Resident> subscribers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            subscribers.add(resident(LUCHENG_VILLAGE, 1));
        }
        wechatAnswers(0, "ok");
        long id = publish(List.of(LUCHENG), inHours(6));

        // Six senders racing for two rows each: their claims may deadlock, and the loser must claim again.
        for (int round = 0; round < 3; round++) {
            AtOnce.run(6, () -> sender.sendDue(2));
        }
        while (sender.sendDue(2) > 0) {
            // the rest
        }

        for (Resident r : subscribers) {
            assertThat(sentTo(r.openid())).as("one message each").hasSize(1);
            assertThat(noticeStatus(id, r.id())).isEqualTo("SENT");
            assertThat(remaining(r.id())).isZero();
        }
    }

    // ---- the end

    @Test
    void afterItsEndAnEmergencyLeavesTheBannerAndItsUnsentMessagesAreDropped() {
        Resident villager = resident(LUCHENG_VILLAGE, 1);
        // (shorter than an access token lives, so the resident stays logged in across the clock's jump)
        long id = publish(List.of(), OffsetDateTime.now(clock).plusMinutes(10).withNano(0));
        assertThat(banner(villager)).contains(id);

        clock.advance(Duration.ofMinutes(10).plusSeconds(1));

        assertThat(banner(villager)).doesNotContain(id);
        wechatAnswers(0, "ok");
        sender.sendDue(100);
        assertThat(noticeStatus(id, villager.id())).isEqualTo("SKIPPED");
        assertThat(sentTo(villager.openid())).isEmpty();
        assertThat(remaining(villager.id())).as("an acceptance is only spent on a message").isEqualTo(1);
        JsonNode view = api.get("/api/admin/v1/emergencies/" + id, admin).json();
        assertThat(view.path("status").asString()).isEqualTo("ENDED");
        assertThat(api.get("/api/admin/v1/emergencies?status=ENDED&size=100", admin).json().path("items")
                .valueStream().map(e -> e.path("id").asLong()).toList()).contains(id);
    }

    @Test
    void endingEarlyTakesTheBannerDownAtOnce() {
        Resident villager = resident(LUCHENG_VILLAGE, 0);
        long id = publish(List.of(LUCHENG), inHours(6));
        assertThat(banner(villager)).contains(id);

        Response ended = api.post("/api/admin/v1/emergencies/" + id + "/end", admin, "");
        assertThat(ended.status()).isEqualTo(200);
        assertThat(ended.json().path("status").asString()).isEqualTo("ENDED");
        assertThat(banner(villager)).doesNotContain(id);
        assertProblem(api.post("/api/admin/v1/emergencies/" + id + "/end", admin, ""), 409, "EMERGENCY_STATE");
    }
}
