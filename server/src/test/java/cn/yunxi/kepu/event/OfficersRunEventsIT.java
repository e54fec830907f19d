package cn.yunxi.kepu.event;

import static cn.yunxi.kepu.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import cn.yunxi.kepu.common.time.Zones;
import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.ApiClient.Response;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;
import cn.yunxi.kepu.support.MutableClock;
import cn.yunxi.kepu.support.Participations;
import tools.jackson.databind.JsonNode;

/**
 * A 科普信息员 is "active" (the plan's 科普信息员覆盖率) when they run activities: organising or co-organising an event
 * that took place, or helping at a session, checked in with the venue code. Each counts once.
 */
@KepuIntegrationTest
class OfficersRunEventsIT {

    static final String VILLAGE = "430603100202"; // 陆城样例村2
    /** 2025-03-10 09:00 in Shanghai. */
    static final OffsetDateTime START = OffsetDateTime.of(2025, 3, 10, 9, 0, 0, 0,
            Zones.SHANGHAI.getRules().getOffset(java.time.LocalDateTime.of(2025, 3, 10, 9, 0)));

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;

    ApiClient api;
    String admin;
    String organiser;

    /** Everything a test does happens at one moment: logins last half an hour. */
    private void at(OffsetDateTime moment) {
        clock.pin(moment.toInstant());
        api = new ApiClient(port);
        admin = Logins.districtAdminToken(api);
        organiser = EventFixtures.staffToken(api, admin, "TOWN_ADMIN", EventFixtures.unitId(api, admin, "陆城镇"));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A resident who applied for {@code role} and was approved by the district; returns their login. */
    private JsonNode officer(String role, String realName) {
        JsonNode resident = Logins.newResident(api);
        String token = resident.path("accessToken").asString();
        Response applied = api.post("/api/v1/officers/applications", token, ApiClient.json(Map.of("role", role,
                "regionCode", VILLAGE, "realName", realName, "phone", "13900002222")));
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        Response approved = api.post("/api/admin/v1/officers/" + applied.json().path("id").asLong() + "/approve",
                admin, "{}");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().path("residentId").asLong()).isEqualTo(resident.path("resident").path("id").asLong());
        return resident;
    }

    private JsonNode reach(JsonNode officer) {
        Response r = api.get("/api/v1/officers/me/reach", officer.path("accessToken").asString());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static long id(JsonNode resident) {
        return resident.path("resident").path("id").asLong();
    }

    private EventFixtures.EventSpec training() {
        return EventFixtures.event()
                .set("signupOpensAt", START.minusDays(5).toString())
                .set("indicatorCodes", List.of())
                .singleSession(START, Duration.ofHours(2));
    }

    private String venueToken(long eventId, long sessionId, String purpose) {
        Response r = api.get("/api/admin/v1/events/" + eventId + "/sessions/" + sessionId
                + "/checkin-token?purpose=" + purpose, organiser);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("token").asString();
    }

    private void awaitListeners() {
        new Participations(events, transactions, jdbc).awaitListeners();
    }

    @Test
    void officersNamedAsOrganisersOfAFinishedEventBecomeActive() {
        // staff record the event afterwards, as often happens in a village: set up and finished the same evening
        at(START.plusHours(8));
        JsonNode lead = officer("INFO_OFFICER", "欧阳明");
        JsonNode co = officer("PROMOTER", "司马亮");
        JsonNode notAnOfficer = Logins.newResident(api);

        Response refused = api.post("/api/admin/v1/events", organiser, training()
                .set("organiserOfficerResidentIds", List.of(id(lead), id(notAnOfficer), id(lead))).json());
        assertProblem(refused, 400, "VALIDATION_FAILED");
        assertThat(fields(refused)).containsExactly("organiserOfficerResidentIds[1]", "organiserOfficerResidentIds[2]");

        JsonNode event = EventFixtures.published(api, organiser, training()
                .set("organiserOfficerResidentIds", List.of(id(lead), id(co))));
        long eventId = event.path("id").asLong();
        JsonNode named = api.get("/api/admin/v1/events/" + eventId, organiser).json().path("organiserOfficers");
        assertThat(named.findValuesAsString("name")).containsExactly("欧**", "司**");
        assertThat(named.findValuesAsString("roleLabel")).containsExactly("科普信息员", "科普宣传员");
        // residents see the event, not who the officers are
        assertThat(api.get("/api/v1/events/" + eventId, Logins.residentToken(api)).json().path("organiserOfficers")
                .isNull()).isTrue();

        // an edit that does not mention them keeps them
        Response edited = api.put("/api/admin/v1/events/" + eventId, organiser, training().set("title", "改名后的培训").json());
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.json().path("organiserOfficers").size()).isEqualTo(2);

        // naming is not running: nothing counts until the event has taken place
        assertThat(reach(lead).path("activities").asLong()).isZero();
        assertThat(reach(lead).path("active").asBoolean()).isFalse();

        Response finished = api.post("/api/admin/v1/events/" + eventId + "/finish", organiser, "");
        assertThat(finished.status()).as(finished.toString()).isEqualTo(200);
        awaitListeners();

        for (JsonNode officer : List.of(lead, co)) {
            JsonNode reach = reach(officer);
            assertThat(reach.path("activities").asLong()).isEqualTo(1);
            assertThat(reach.path("active").asBoolean()).isTrue();
            assertThat(reach.path("lastActiveOn").asString()).isEqualTo("2025-03-10");
        }
        assertThat(coverageRow().path("person").asString()).contains("欧**");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM participation_record WHERE kind = 'OFFICER_ACTIVITY' "
                + "AND record_key LIKE ?", Long.class, "event-organiser:" + eventId + ":%")).isEqualTo(2);
    }

    @Test
    void anOfficerWhoChecksInAsAHelperBecomesActiveOncePerSession() {
        at(START.plusMinutes(5));
        JsonNode helper = officer("INFO_OFFICER", "诸葛云");
        String notAnOfficer = Logins.residentToken(api);
        JsonNode event = EventFixtures.published(api, organiser, training());
        long eventId = event.path("id").asLong();
        long sessionId = event.path("sessions").get(0).path("id").asLong();
        String token = helper.path("accessToken").asString();

        // check-in opens an hour before a session starts: not yet for an afternoon session
        JsonNode later = EventFixtures.published(api, organiser, training().singleSession(START.plusHours(5),
                Duration.ofHours(2)));
        assertProblem(api.post("/api/v1/helper-checkins", token, ApiClient.json(Map.of("token", venueToken(
                later.path("id").asLong(), later.path("sessions").get(0).path("id").asLong(), "IN")))), 409,
                "CHECKIN_NOT_OPEN");
        assertProblem(api.post("/api/v1/helper-checkins", notAnOfficer, ApiClient.json(Map.of("token",
                venueToken(eventId, sessionId, "IN")))), 403, "NOT_AN_OFFICER");
        assertProblem(api.post("/api/v1/helper-checkins", token, ApiClient.json(Map.of("token",
                venueToken(eventId, sessionId, "OUT")))), 400, "CHECKIN_TOKEN_INVALID");
        Response far = api.post("/api/v1/helper-checkins", token, ApiClient.json(Map.of("token",
                venueToken(eventId, sessionId, "IN"), "latitude", 29.60, "longitude", 113.40)));
        assertProblem(far, 403, "TOO_FAR_FROM_VENUE");
        assertRevealsNothingOfTheVenue(far);

        Response first = api.post("/api/v1/helper-checkins", token, ApiClient.json(Map.of("token",
                venueToken(eventId, sessionId, "IN"), "latitude", 29.4731, "longitude", 113.2721)));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().path("alreadyRecorded").asBoolean()).isFalse();
        assertThat(first.json().path("locationVerified").asBoolean()).isTrue();
        assertThat(first.json().path("presenceConfirmed").asBoolean()).isTrue();
        Response again = api.post("/api/v1/helper-checkins", token, ApiClient.json(Map.of("token",
                venueToken(eventId, sessionId, "IN"))));
        assertThat(again.json().path("alreadyRecorded").asBoolean()).as(again.toString()).isTrue();
        assertThat(again.json().path("id").asLong()).isEqualTo(first.json().path("id").asLong());
        awaitListeners();

        JsonNode reach = reach(helper);
        assertThat(reach.path("activities").asLong()).isEqualTo(1);
        assertThat(reach.path("active").asBoolean()).isTrue();
        JsonNode helpers = api.get("/api/admin/v1/events/" + eventId + "/helpers", organiser).json();
        assertThat(helpers.findValuesAsString("name")).containsExactly("诸**");
        assertThat(helpers.get(0).path("sessionId").asLong()).isEqualTo(sessionId);
        assertThat(helpers.get(0).path("presenceConfirmed").asBoolean()).isTrue();
        assertThat(helpers.get(0).path("confirmable").asBoolean()).isFalse();
    }

    @Test
    void aHelperCheckinWithoutAPositionCountsOnlyOnceTheOrganiserConfirmsIt() {
        at(START.plusMinutes(5));
        JsonNode helper = officer("INFO_OFFICER", "皇甫青");
        String token = helper.path("accessToken").asString();
        JsonNode event = EventFixtures.published(api, organiser, training());
        long eventId = event.path("id").asLong();
        long sessionId = event.path("sessions").get(0).path("id").asLong();

        // the officer's phone refused to share a position: recorded, but it could be a screenshot scanned at home
        Response unverified = api.post("/api/v1/helper-checkins", token, ApiClient.json(Map.of("token",
                venueToken(eventId, sessionId, "IN"))));
        assertThat(unverified.status()).as(unverified.toString()).isEqualTo(200);
        assertThat(unverified.json().path("locationVerified").asBoolean()).isFalse();
        assertThat(unverified.json().path("presenceConfirmed").asBoolean()).isFalse();
        long checkinId = unverified.json().path("id").asLong();
        awaitListeners();
        assertThat(reach(helper).path("activities").asLong()).isZero();
        assertThat(reach(helper).path("active").asBoolean()).isFalse();
        assertThat(helperRecords(checkinId)).isZero();
        JsonNode exported = api.get("/api/v1/me/export", token).json().path("sections").path("eventOfficerRoles")
                .path("helperCheckins").get(0);
        assertThat(exported.path("locationVerified").asBoolean()).isFalse();
        assertThat(exported.path("presenceConfirmed").asBoolean()).isFalse();

        JsonNode listed = api.get("/api/admin/v1/events/" + eventId + "/helpers", organiser).json().get(0);
        assertThat(listed.path("id").asLong()).isEqualTo(checkinId);
        assertThat(listed.path("presenceConfirmed").asBoolean()).isFalse();
        assertThat(listed.path("confirmable").asBoolean()).isTrue();

        // another town's staff cannot confirm it; an unknown check-in is not found
        String otherTown = EventFixtures.staffToken(api, admin, "TOWN_ADMIN", EventFixtures.unitId(api, admin, "路口镇"));
        assertProblem(api.post("/api/admin/v1/events/" + eventId + "/helpers/" + checkinId + "/confirm", otherTown,
                ""), 404, "EVENT_NOT_FOUND");
        assertProblem(api.post("/api/admin/v1/events/" + eventId + "/helpers/" + (checkinId + 1_000_000)
                + "/confirm", organiser, ""), 404, "HELPER_CHECKIN_NOT_FOUND");

        // the organiser saw them helping: it counts, once, on the session's day
        Response confirmed = api.post("/api/admin/v1/events/" + eventId + "/helpers/" + checkinId + "/confirm",
                organiser, "");
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.json().path("presenceConfirmed").asBoolean()).isTrue();
        assertThat(confirmed.json().path("confirmable").asBoolean()).isFalse();
        Response twice = api.post("/api/admin/v1/events/" + eventId + "/helpers/" + checkinId + "/confirm",
                organiser, "");
        assertThat(twice.status()).as(twice.toString()).isEqualTo(200);
        awaitListeners();
        JsonNode reach = reach(helper);
        assertThat(reach.path("activities").asLong()).isEqualTo(1);
        assertThat(reach.path("active").asBoolean()).isTrue();
        assertThat(reach.path("lastActiveOn").asString()).isEqualTo("2025-03-10");
        assertThat(helperRecords(checkinId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT confirmed_by IS NOT NULL AND confirmed_at IS NOT NULL "
                + "FROM event_helper_checkin WHERE id = ?", Boolean.class, checkinId)).isTrue();
    }

    @Test
    void aLaterScanNearTheVenueVerifiesAnUnverifiedHelperCheckin() {
        at(START.plusMinutes(5));
        JsonNode helper = officer("PROMOTER", "夏侯静");
        String token = helper.path("accessToken").asString();
        JsonNode event = EventFixtures.published(api, organiser, training());
        long eventId = event.path("id").asLong();
        long sessionId = event.path("sessions").get(0).path("id").asLong();

        long checkinId = api.post("/api/v1/helper-checkins", token, ApiClient.json(Map.of("token",
                venueToken(eventId, sessionId, "IN")))).json().path("id").asLong();
        // a second scan far away is refused without saying where the venue is, and changes nothing
        Response far = api.post("/api/v1/helper-checkins", token, ApiClient.json(Map.of("token",
                venueToken(eventId, sessionId, "IN"), "latitude", 29.60, "longitude", 113.40)));
        assertProblem(far, 403, "TOO_FAR_FROM_VENUE");
        assertRevealsNothingOfTheVenue(far);

        Response near = api.post("/api/v1/helper-checkins", token, ApiClient.json(Map.of("token",
                venueToken(eventId, sessionId, "IN"), "latitude", 29.4731, "longitude", 113.2721)));
        assertThat(near.status()).as(near.toString()).isEqualTo(200);
        assertThat(near.json().path("id").asLong()).isEqualTo(checkinId);
        assertThat(near.json().path("alreadyRecorded").asBoolean()).isTrue();
        assertThat(near.json().path("locationVerified").asBoolean()).isTrue();
        assertThat(near.json().path("presenceConfirmed").asBoolean()).isTrue();
        // once verified, another scan (or the organiser's confirmation) does not count it again
        api.post("/api/v1/helper-checkins", token, ApiClient.json(Map.of("token", venueToken(eventId, sessionId, "IN"),
                "latitude", 29.4731, "longitude", 113.2721)));
        assertThat(api.post("/api/admin/v1/events/" + eventId + "/helpers/" + checkinId + "/confirm", organiser, "")
                .status()).isEqualTo(200);
        awaitListeners();
        assertThat(reach(helper).path("activities").asLong()).isEqualTo(1);
        assertThat(helperRecords(checkinId)).isEqualTo(1);
    }

    @Test
    void aVenueWithoutCoordinatesLeavesHelperCheckinsToTheOrganiserOnTheirPhone() {
        at(START.plusMinutes(5));
        JsonNode helper = officer("INFO_OFFICER", "慕容晴");
        String token = helper.path("accessToken").asString();
        JsonNode event = EventFixtures.published(api, organiser, training().set("latitude", null)
                .set("longitude", null));
        long eventId = event.path("id").asLong();
        long sessionId = event.path("sessions").get(0).path("id").asLong();

        // a position cannot be checked against a venue that has none
        Response checkedIn = api.post("/api/v1/helper-checkins", token, ApiClient.json(Map.of("token",
                venueToken(eventId, sessionId, "IN"), "latitude", 29.4731, "longitude", 113.2721)));
        assertThat(checkedIn.status()).as(checkedIn.toString()).isEqualTo(200);
        assertThat(checkedIn.json().path("presenceConfirmed").asBoolean()).isFalse();
        long checkinId = checkedIn.json().path("id").asLong();

        // the organiser confirms from the mini-program, with their WeChat bound to a staff account
        EventFixtures.StaffAccount staff = EventFixtures.staffAccount(api, admin, "ORGANISER",
                EventFixtures.unitId(api, admin, "陆城镇"));
        String wechat = Logins.residentToken(api);
        assertThat(api.post("/api/v1/organiser/binding", wechat, ApiClient.json(Map.of("username", staff.username(),
                "password", staff.password()))).status()).isEqualTo(201);
        String base = "/api/v1/organiser/events/" + eventId + "/helpers";
        JsonNode listed = api.get(base, wechat).json();
        assertThat(listed.findValuesAsString("name")).containsExactly("慕**");
        assertThat(listed.get(0).path("confirmable").asBoolean()).isTrue();
        assertProblem(api.post(base + "/" + checkinId + "/confirm", Logins.residentToken(api), ""), 403,
                "NOT_AN_ORGANISER");
        awaitListeners();
        assertThat(reach(helper).path("activities").asLong()).isZero();

        Response confirmed = api.post(base + "/" + checkinId + "/confirm", wechat, "");
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.json().path("presenceConfirmed").asBoolean()).isTrue();
        awaitListeners();
        assertThat(reach(helper).path("activities").asLong()).isEqualTo(1);
        assertThat(helperRecords(checkinId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT confirmed_by FROM event_helper_checkin WHERE id = ?", Long.class,
                checkinId)).isEqualTo(staff.id());
    }

    @Test
    void anUnverifiedHelperCheckinOfADeletedAccountCannotBeConfirmed() {
        at(START.plusMinutes(5));
        JsonNode helper = officer("INFO_OFFICER", "东方白");
        String token = helper.path("accessToken").asString();
        JsonNode event = EventFixtures.published(api, organiser, training());
        long eventId = event.path("id").asLong();
        long checkinId = api.post("/api/v1/helper-checkins", token, ApiClient.json(Map.of("token", venueToken(
                eventId, event.path("sessions").get(0).path("id").asLong(), "IN")))).json().path("id").asLong();

        assertThat(api.delete("/api/v1/me", token).status()).isBetween(200, 299);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                api.get("/api/admin/v1/events/" + eventId + "/helpers", organiser).json().get(0)
                        .path("confirmable").asBoolean()).isFalse());
        assertProblem(api.post("/api/admin/v1/events/" + eventId + "/helpers/" + checkinId + "/confirm", organiser,
                ""), 409, "HELPER_NOT_CONFIRMABLE");
        assertThat(helperRecords(checkinId)).isZero();
    }

    private long helperRecords(long checkinId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM participation_record WHERE kind = 'OFFICER_ACTIVITY' "
                + "AND record_key = ?", Long.class, "event-helper:" + checkinId);
    }

    /** A refusal says only 不在活动现场附近: no distance, radius or coordinates to tune a fake position with. */
    private static void assertRevealsNothingOfTheVenue(Response refusal) {
        assertThat(refusal.json().path("detail").asString()).contains("不在活动现场附近");
        assertThat(refusal.body()).doesNotContain("29.47", "113.27", "300", "米", "distance", "radius");
    }

    @Test
    void aDeletedAccountIsNoLongerNamedOnEvents() {
        at(START.minusDays(3));
        JsonNode lead = officer("INFO_OFFICER", "上官文");
        JsonNode event = EventFixtures.published(api, organiser, training()
                .set("organiserOfficerResidentIds", List.of(id(lead))));
        long eventId = event.path("id").asLong();
        assertThat(api.get("/api/v1/me/export", lead.path("accessToken").asString()).json()
                .path("sections").path("eventOfficerRoles").path("organisedEventIds").get(0).asLong()).isEqualTo(eventId);

        assertThat(api.delete("/api/v1/me", lead.path("accessToken").asString()).status()).isBetween(200, 299);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                api.get("/api/admin/v1/events/" + eventId, organiser).json().path("organiserOfficers").size()).isZero());
    }

    private JsonNode coverageRow() {
        long planId = -1;
        for (JsonNode p : api.get("/api/admin/v1/plans", admin).json()) {
            if ("YUNXI-2022-2025".equals(p.path("code").asString())) {
                planId = p.path("id").asLong();
            }
        }
        String admin2 = Logins.districtAdminToken(api);
        for (JsonNode f : api.get("/api/admin/v1/plans/" + planId + "/dashboard", admin2).json().path("indicators")) {
            if ("OFFICER_COVERAGE".equals(f.path("code").asString())) {
                String name = jdbc.queryForObject("SELECT name FROM region WHERE code = ?", String.class, VILLAGE);
                JsonNode rows = api.get("/api/admin/v1/indicators/" + f.path("id").asLong() + "/records?size=100",
                        admin2).json().path("items");
                for (JsonNode row : rows) {
                    if (name.equals(row.path("source").asString())) {
                        assertThat(row.path("counts").asInt()).isEqualTo(1);
                        return row;
                    }
                }
            }
        }
        throw new AssertionError("no coverage row for " + VILLAGE);
    }

    private static List<String> fields(Response problem) {
        List<String> out = new ArrayList<>();
        problem.json().path("errors").forEach(e -> out.add(e.path("field").asString()));
        return out;
    }
}
