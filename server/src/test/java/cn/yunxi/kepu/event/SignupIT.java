package cn.yunxi.kepu.event;

import static cn.yunxi.kepu.event.EventFixtures.event;
import static cn.yunxi.kepu.event.EventFixtures.published;
import static cn.yunxi.kepu.event.EventFixtures.signup;
import static cn.yunxi.kepu.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

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
import cn.yunxi.kepu.support.MutableClock;
import cn.yunxi.kepu.support.Pages;
import cn.yunxi.kepu.support.WeChatFake;
import tools.jackson.databind.JsonNode;

@KepuIntegrationTest
class SignupIT {

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;
    String staff;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        String admin = Logins.districtAdminToken(api);
        staff = EventFixtures.staffToken(api, admin, "UNIT_ADMIN", EventFixtures.unitId(api, admin, "区科协"));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void signupConfirmsWhileSeatsRemainThenWaitlistsInOrder() {
        long id = published(api, staff, event().set("capacity", 2)).path("id").asLong();

        JsonNode first = signup(api, Logins.residentToken(api), id).json();
        JsonNode second = signup(api, Logins.residentToken(api), id).json();
        Response third = signup(api, Logins.residentToken(api), id);
        Response fourth = signup(api, Logins.residentToken(api), id);

        assertThat(first.path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(first.path("ticket").asString()).startsWith("t2.");
        assertThat(second.path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(third.status()).isEqualTo(201);
        assertThat(third.json().path("status").asString()).isEqualTo("WAITLISTED");
        assertThat(third.json().path("waitlistPosition").asInt()).isEqualTo(1);
        assertThat(third.json().path("ticket").isNull()).isTrue();
        assertThat(fourth.json().path("waitlistPosition").asInt()).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT taken FROM event WHERE id = ?", Integer.class, id)).isEqualTo(2);
    }

    @Test
    void aFullEventWithoutWaitlistRefusesClearly() {
        long id = published(api, staff, event().set("capacity", 1).set("waitlistEnabled", false)).path("id").asLong();
        assertThat(signup(api, Logins.residentToken(api), id).status()).isEqualTo(201);

        // The first refusal comes from the seat allocator (through the exception handler); the event is then known
        // to be full and later ones are answered before the controller: the same answer, byte for byte in meaning.
        ApiClient.Response fromAllocator = signup(api, Logins.residentToken(api), id);
        assertProblem(fromAllocator, 409, "EVENT_FULL");
        ApiClient.Response early = signup(api, Logins.residentToken(api), id);
        assertProblem(early, 409, "EVENT_FULL");
        assertThat(early.json()).isEqualTo(fromAllocator.json());
        assertThat(early.json().path("instance").asString()).isEqualTo("/api/v1/events/" + id + "/signups");
        assertThat(early.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        // Still behind authentication: without a token the answer is 401, not what the event looks like.
        assertThat(api.post("/api/v1/events/" + id + "/signups", null, "{}").status()).isEqualTo(401);
        // Refused before the form is read: even a form the server could not parse gets the same answer.
        assertProblem(signup(api, Logins.residentToken(api), id, "{\"form\": [not json"), 409, "EVENT_FULL");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM event_signup WHERE event_id = ?", Integer.class, id))
                .isEqualTo(1);
        // An event with room still reads (and rejects) a malformed form.
        long open = published(api, staff, event().set("capacity", 5)).path("id").asLong();
        assertProblem(signup(api, Logins.residentToken(api), open, "{\"form\": [not json"), 400, "MALFORMED_REQUEST");
    }

    @Test
    void signingUpTwiceIsRefused() {
        long id = published(api, staff, event()).path("id").asLong();
        String resident = Logins.residentToken(api);
        assertThat(signup(api, resident, id).status()).isEqualTo(201);

        assertProblem(signup(api, resident, id), 409, "ALREADY_SIGNED_UP");
        assertThat(jdbc.queryForObject("SELECT taken FROM event WHERE id = ?", Integer.class, id)).isEqualTo(1);
    }

    @Test
    void signupOutsideTheWindowOrOfADraftIsRefused() {
        String resident = Logins.residentToken(api);
        long notYet = published(api, staff, event().set("signupOpensAt", EventFixtures.now().plusHours(3).toString()))
                .path("id").asLong();
        assertProblem(signup(api, resident, notYet), 409, "SIGNUP_NOT_OPEN");

        long closing = published(api, staff, event().set("signupClosesAt", EventFixtures.now().plusMinutes(10).toString()))
                .path("id").asLong();
        clock.advance(Duration.ofMinutes(15));
        assertProblem(signup(api, resident, closing), 409, "SIGNUP_CLOSED");
        clock.reset();

        long draft = EventFixtures.created(api, staff, event()).path("id").asLong();
        assertProblem(signup(api, resident, draft), 404, "EVENT_NOT_FOUND");
        assertProblem(api.get("/api/v1/events/" + draft, resident), 404, "EVENT_NOT_FOUND");
    }

    @Test
    void eligibilityIsChecked() {
        long farmersOnly = published(api, staff, event().set("eligibleGroups", List.of("FARMER"))).path("id").asLong();
        String resident = Logins.residentToken(api);

        assertProblem(signup(api, resident, farmersOnly), 403, "NOT_ELIGIBLE");

        Response profile = api.patch("/api/v1/me", resident, "{\"populationGroup\":\"FARMER\"}");
        assertThat(profile.status()).as(profile.toString()).isEqualTo(200);
        assertThat(signup(api, resident, farmersOnly).status()).isEqualTo(201);

        long elders = published(api, staff, event().set("minAge", 60)).path("id").asLong();
        assertProblem(signup(api, resident, elders), 403, "NOT_ELIGIBLE");
    }

    @Test
    void formAnswersAreValidatedOnTheServer() {
        List<Map<String, Object>> fields = List.of(
                Map.of("key", "acres", "label", "种植面积（亩）", "type", "NUMBER", "required", true, "min", 0, "max", 10000),
                Map.of("key", "crop", "label", "主要作物", "type", "SINGLE_SELECT", "required", true,
                        "options", List.of("水稻", "柑橘", "茶叶")),
                Map.of("key", "topics", "label", "想学的内容", "type", "MULTI_SELECT", "required", false,
                        "options", List.of("病虫害", "农机", "电商")),
                Map.of("key", "contact", "label", "紧急联系人电话", "type", "PHONE", "required", false),
                Map.of("key", "since", "label", "从业开始日期", "type", "DATE", "required", false),
                Map.of("key", "note", "label", "备注", "type", "TEXT", "required", false, "maxLength", 5));
        long id = published(api, staff, event().set("formFields", fields)).path("id").asLong();
        String resident = Logins.residentToken(api);

        Response bad = signup(api, resident, id, ApiClient.json(Map.of("form", Map.of(
                "acres", "很多", "crop", "小麦", "topics", List.of("病虫害", "炒股"), "contact", "12345",
                "since", "2026-13-01", "note", "这段备注太长了", "unknown", "x"))));
        assertProblem(bad, 400, "VALIDATION_FAILED");
        List<String> badFields = bad.json().path("errors").valueStream().map(e -> e.path("field").asString()).toList();
        assertThat(badFields).containsExactlyInAnyOrder("form.acres", "form.crop", "form.topics", "form.contact",
                "form.since", "form.note", "form.unknown");

        assertProblem(signup(api, resident, id, ApiClient.json(Map.of("form", Map.of("crop", "水稻")))),
                400, "VALIDATION_FAILED");
        assertProblem(signup(api, resident, id, ApiClient.json(Map.of("form", Map.of("acres", -1, "crop", "水稻")))),
                400, "VALIDATION_FAILED");

        Response ok = signup(api, resident, id, ApiClient.json(Map.of("form", Map.of(
                "acres", 12.5, "crop", "水稻", "topics", List.of("农机"), "contact", "13800001111",
                "since", "2019-03-01"))));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
        String stored = jdbc.queryForObject("SELECT form_answers FROM event_signup WHERE id = ?", String.class,
                ok.json().path("id").asLong());
        assertThat(stored).startsWith("v1:").doesNotContain("13800001111");
    }

    @Test
    void cancellingPassesTheSeatToTheFirstOnTheWaitlist() {
        long id = published(api, staff, event().set("capacity", 1)).path("id").asLong();
        String holder = Logins.residentToken(api);
        String waiting1 = Logins.residentToken(api);
        String waiting2 = Logins.residentToken(api);
        long held = signup(api, holder, id).json().path("id").asLong();
        long w1 = signup(api, waiting1, id).json().path("id").asLong();
        signup(api, waiting2, id);

        Response cancelled = api.post("/api/v1/signups/" + held + "/cancel", holder, "");
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asString()).isEqualTo("CANCELLED");

        JsonNode promoted = api.get("/api/v1/signups/" + w1, waiting1).json();
        assertThat(promoted.path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(promoted.path("ticket").asString()).startsWith("t2.");
        assertThat(api.get("/api/v1/events/" + id, waiting2).json().path("mySignup").path("waitlistPosition").asInt())
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT taken FROM event WHERE id = ?", Integer.class, id)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM event_notice WHERE signup_id = ? AND kind = 'PROMOTED'",
                Integer.class, w1)).isEqualTo(1);

        assertProblem(api.post("/api/v1/signups/" + held + "/cancel", holder, ""), 409, "SIGNUP_ALREADY_CANCELLED");
        // A cancelled person may sign up again; they join the end of the queue.
        Response again = signup(api, holder, id);
        assertThat(again.json().path("status").asString()).isEqualTo("WAITLISTED");
        assertThat(again.json().path("waitlistPosition").asInt()).isEqualTo(2);
    }

    @Test
    void cancellingAfterTheDeadlineIsRefused() {
        long id = published(api, staff, event().set("cancelDeadline", EventFixtures.now().plusMinutes(10).toString()))
                .path("id").asLong();
        String resident = Logins.residentToken(api);
        long signupId = signup(api, resident, id).json().path("id").asLong();

        clock.advance(Duration.ofMinutes(15));
        assertProblem(api.post("/api/v1/signups/" + signupId + "/cancel", resident, ""), 409, "CANCEL_DEADLINE_PASSED");
    }

    @Test
    void aResidentNeverSeesOrChangesAnothersSignup() {
        long id = published(api, staff, event()).path("id").asLong();
        String owner = Logins.residentToken(api);
        String other = Logins.residentToken(api);
        long signupId = signup(api, owner, id).json().path("id").asLong();

        assertProblem(api.get("/api/v1/signups/" + signupId, other), 404, "SIGNUP_NOT_FOUND");
        assertProblem(api.post("/api/v1/signups/" + signupId + "/cancel", other, ""), 404, "SIGNUP_NOT_FOUND");
        assertThat(api.get("/api/v1/me/signups", other).json().path("total").asLong()).isZero();
        assertThat(api.get("/api/v1/events/" + id, other).json().path("mySignup").isNull()).isTrue();

        JsonNode mine = api.get("/api/v1/me/signups", owner).json();
        assertThat(mine.path("total").asLong()).isEqualTo(1);
        assertThat(mine.path("items").get(0).path("id").asLong()).isEqualTo(signupId);
        assertThat(api.get("/api/v1/signups/" + signupId, owner).json().path("status").asString()).isEqualTo("CONFIRMED");
    }

    @Test
    void proxySignupsAreDeduplicatedByPhoneAndCanBeClaimed() {
        long id = published(api, staff, event()).path("id").asLong();
        String cadre = Logins.residentToken(api);
        String daughter = Logins.residentToken(api);
        String phone = "139" + String.format("%08d", System.nanoTime() % 100_000_000);
        String grandpa = ApiClient.json(Map.of("name", "李大爷", "phone", phone, "regionCode", "430603100"));

        Response byCadre = api.post("/api/v1/events/" + id + "/proxy-signups", cadre, grandpa);
        assertThat(byCadre.status()).as(byCadre.toString()).isEqualTo(201);
        assertThat(byCadre.json().path("participantName").asString()).isEqualTo("李**");
        assertThat(byCadre.json().path("participantPhone").asString()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        // The same phone by someone else (or by the organiser) is the same person.
        assertProblem(api.post("/api/v1/events/" + id + "/proxy-signups", daughter, grandpa), 409, "ALREADY_SIGNED_UP");
        assertProblem(api.post("/api/admin/v1/events/" + id + "/proxy-signups", staff, grandpa), 409, "ALREADY_SIGNED_UP");
        String personKey = jdbc.queryForObject("SELECT person_key FROM event_signup WHERE id = ?", String.class,
                byCadre.json().path("id").asLong());
        assertThat(personKey).startsWith("P:").doesNotContain(phone);

        // The cadre sees what they signed up; the daughter does not.
        assertThat(api.get("/api/v1/me/proxy-signups", cadre).json().path("total").asLong()).isEqualTo(1);
        assertProblem(api.get("/api/v1/signups/" + byCadre.json().path("id").asLong(), daughter), 404, "SIGNUP_NOT_FOUND");

        // Grandpa starts using the mini-program, binds his phone and claims the record.
        JsonNode login = Logins.newResident(api);
        String grandpaToken = login.path("accessToken").asString();
        assertProblem(api.post("/api/v1/signups/claim", grandpaToken, ApiClient.json(Map.of("phone", phone))),
                403, "PHONE_NOT_YOURS");
        WeChatFake.phoneSucceeds("phone-code-" + phone, phone);
        Response bound = api.post("/api/v1/me/phone", grandpaToken, ApiClient.json(Map.of("code", "phone-code-" + phone)));
        assertThat(bound.status()).as(bound.toString()).isEqualTo(200);
        Response claimed = api.post("/api/v1/signups/claim", grandpaToken, ApiClient.json(Map.of("phone", phone)));
        assertThat(claimed.status()).as(claimed.toString()).isEqualTo(200);
        assertThat(claimed.json()).hasSize(1);
        assertThat(api.get("/api/v1/me/signups", grandpaToken).json().path("total").asLong()).isEqualTo(1);
        assertProblem(signup(api, grandpaToken, id), 409, "ALREADY_SIGNED_UP");

        // A phone bound to an account never attaches a new proxy signup to that account: it stays the proxier's
        // until the account holder claims it (ProxySignupAbuseIT plays the takeover this prevents).
        long other = published(api, staff, event()).path("id").asLong();
        Response proxied = api.post("/api/v1/events/" + other + "/proxy-signups", cadre, grandpa);
        assertThat(proxied.status()).isEqualTo(201);
        assertThat(jdbc.queryForObject("SELECT resident_id FROM event_signup WHERE id = ?", Long.class,
                proxied.json().path("id").asLong())).isNull();
        assertThat(api.post("/api/v1/signups/claim", grandpaToken, ApiClient.json(Map.of("phone", phone))).json())
                .hasSize(1);
        assertProblem(signup(api, grandpaToken, other), 409, "ALREADY_SIGNED_UP");
    }

    @Test
    void signupsAreInTheDataExportAndPersonalAnswersGoWithTheAccount() throws Exception {
        long id = published(api, staff, event().set("formFields", List.of(
                Map.of("key", "contact", "label", "紧急联系人电话", "type", "PHONE", "required", true)))).path("id").asLong();
        String resident = Logins.residentToken(api);
        long signupId = signup(api, resident, id, ApiClient.json(Map.of("form", Map.of("contact", "13600001111"))))
                .json().path("id").asLong();

        JsonNode export = api.get("/api/v1/me/export", resident).json();
        JsonNode mine = export.path("sections").path("eventSignups").get(0);
        assertThat(mine.path("signupId").asLong()).isEqualTo(signupId);
        assertThat(mine.path("formAnswers").asString()).contains("13600001111");

        assertThat(api.delete("/api/v1/me", resident).status()).isEqualTo(204);
        String answers = "pending";
        for (int i = 0; i < 100 && answers != null; i++) {
            answers = jdbc.queryForObject("SELECT form_answers FROM event_signup WHERE id = ?", String.class, signupId);
            Thread.sleep(100);
        }
        assertThat(answers).isNull();
        // The anonymous signup still counts.
        assertThat(jdbc.queryForObject("SELECT status FROM event_signup WHERE id = ?", String.class, signupId))
                .isEqualTo("CONFIRMED");
    }

    @Test
    void eventListShowsPublishedUpcomingEvents() {
        long id = published(api, staff, event()).path("id").asLong();
        long draft = EventFixtures.created(api, staff, event()).path("id").asLong();
        String resident = Logins.residentToken(api);

        assertThat(Pages.ids(api, "/api/v1/events", resident)).contains(id).doesNotContain(draft);

        JsonNode detail = api.get("/api/v1/events/" + id, resident).json();
        assertThat(detail.path("organiserUnitName").asString()).isEqualTo("区科协");
        assertThat(detail.path("sessions")).hasSize(1);
        assertThat(detail.path("trainingHours").asDouble()).isEqualTo(2.0);
        assertThat(detail.path("seatsLeft").asInt()).isEqualTo(50);
    }
}
