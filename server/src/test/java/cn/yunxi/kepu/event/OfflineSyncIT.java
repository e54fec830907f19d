package cn.yunxi.kepu.event;

import static cn.yunxi.kepu.event.EventFixtures.event;
import static cn.yunxi.kepu.event.EventFixtures.published;
import static cn.yunxi.kepu.event.EventFixtures.signup;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.yunxi.kepu.common.time.Zones;
import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.ApiClient.Response;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;
import cn.yunxi.kepu.support.MutableClock;
import tools.jackson.databind.JsonNode;

/** Scans made without network, synced later: exactly once, in the session's window, conflicts across phones. */
@KepuIntegrationTest
class OfflineSyncIT {

    static final OffsetDateTime START = LocalDateTime.of(2025, 8, 4, 9, 0).atZone(Zones.SHANGHAI).toOffsetDateTime();

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;
    String admin;
    long luCheng;
    long eventId;
    long sessionId;
    JsonNode phoneA;
    JsonNode phoneB;

    @BeforeEach
    void setUp() {
        clock.pin(START.minusMinutes(2).toInstant());
        api = new ApiClient(port);
        admin = Logins.districtAdminToken(api);
        luCheng = EventFixtures.unitId(api, admin, "陆城镇");
        String townAdmin = EventFixtures.staffToken(api, admin, "TOWN_ADMIN", luCheng);
        JsonNode event = published(api, townAdmin, event().set("signupOpensAt", START.minusDays(2).toString())
                .singleSession(START, Duration.ofMinutes(40)));
        eventId = event.path("id").asLong();
        sessionId = event.path("sessions").get(0).path("id").asLong();
        phoneA = boundPhone();
        phoneB = boundPhone();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private JsonNode boundPhone() {
        EventFixtures.StaffAccount account = EventFixtures.staffAccount(api, admin, "ORGANISER", luCheng);
        JsonNode login = Logins.newResident(api);
        assertThat(api.post("/api/v1/organiser/binding", login.path("accessToken").asString(), ApiClient.json(Map.of(
                "username", account.username(), "password", account.password()))).status()).isEqualTo(201);
        return login;
    }

    private String token(JsonNode login) {
        Response r = api.post("/api/v1/auth/refresh", null, ApiClient.json(Map.of("refreshToken",
                login.path("refreshToken").asString())));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        ((tools.jackson.databind.node.ObjectNode) login).put("refreshToken", r.json().path("refreshToken").asString());
        return r.json().path("accessToken").asString();
    }

    private String ticket() {
        String resident = Logins.residentToken(api);
        assertThat(signup(api, resident, eventId).status()).isEqualTo(201);
        return api.get("/api/v1/me/signups", resident).json().path("items").get(0).path("ticket").asString();
    }

    private Map<String, Object> op(String ticket, String purpose, int minute) {
        return Map.of("opId", UUID.randomUUID().toString(), "kind", "TICKET", "ticket", ticket, "sessionId", sessionId,
                "purpose", purpose, "at", START.plusMinutes(minute).toString());
    }

    /** A resident signed up (a proxy signup looks the same on the roster): the roster's signup id. */
    private long signupId() {
        String resident = Logins.residentToken(api);
        assertThat(signup(api, resident, eventId).status()).isEqualTo(201);
        return api.get("/api/v1/me/signups", resident).json().path("items").get(0).path("id").asLong();
    }

    private Map<String, Object> tickOp(long signupId, String purpose, int minute) {
        return Map.of("opId", UUID.randomUUID().toString(), "kind", "TICK", "signupId", signupId,
                "sessionId", sessionId, "purpose", purpose, "at", START.plusMinutes(minute).toString());
    }

    private JsonNode sync(JsonNode phone, List<Map<String, Object>> ops) {
        Response r = api.post("/api/v1/organiser/events/" + eventId + "/sync", token(phone),
                ApiClient.json(Map.of("ops", ops)));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    @Test
    void aResentBatchCountsOnceAndALateSyncOfTheSessionIsAccepted() {
        String ticket = ticket();
        List<Map<String, Object>> ops = List.of(op(ticket, "IN", 2), op(ticket, "OUT", 35));
        // the phone gets signal back after the session has ended
        clock.pin(START.plusMinutes(50).toInstant());
        JsonNode first = sync(phoneA, ops);
        assertThat(first.findValuesAsString("outcome")).containsExactly("APPLIED", "APPLIED");
        JsonNode again = sync(phoneA, ops);
        assertThat(again.findValuesAsString("outcome")).containsExactly("APPLIED", "APPLIED");
        assertThat(again.findValues("duplicate")).allSatisfy(d -> assertThat(d.asBoolean()).isTrue());

        Map<String, Object> row = jdbc.queryForMap("SELECT check_in_at, check_out_at, presence_confirmed, "
                + "(SELECT COUNT(*) FROM event_attendance WHERE event_id = ?) AS n FROM event_attendance "
                + "WHERE event_id = ?", eventId, eventId);
        assertThat(row.get("n")).isEqualTo(1L);
        assertThat(row.get("check_in_at")).isEqualTo(START.plusMinutes(2).toLocalDateTime());
        assertThat(row.get("check_out_at")).isEqualTo(START.plusMinutes(35).toLocalDateTime());
        assertThat(row.get("presence_confirmed")).isEqualTo(true);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM organiser_sync_op WHERE event_id = ?", Integer.class,
                eventId)).isEqualTo(2);
    }

    @Test
    void whatHappenedOutsideTheSessionsWindowOrAfterSettlingIsRefused() {
        String ticket = ticket();
        clock.pin(START.plusMinutes(50).toInstant());
        JsonNode late = sync(phoneA, List.of(op(ticket, "IN", 45), op(ticket, "IN", 70)));
        assertThat(late.findValuesAsString("outcome")).as(late.toString()).containsExactly("REFUSED", "REFUSED");
        assertThat(late.get(0).path("code").asString()).isEqualTo("CHECKIN_NOT_OPEN");
        // the time on the phone is in the future
        assertThat(late.get(1).path("detail").asString()).contains("手机时间");

        // once the event is finished and settled, nothing more is taken
        assertThat(api.post("/api/admin/v1/events/" + eventId + "/finish", Logins.districtAdminToken(api), "")
                .status()).isEqualTo(200);
        JsonNode afterSettling = sync(phoneA, List.of(op(ticket, "IN", 3)));
        assertThat(afterSettling.get(0).path("outcome").asString()).as(afterSettling.toString()).isEqualTo("REFUSED");
        assertThat(afterSettling.get(0).path("code").asString()).isEqualTo("EVENT_NOT_PUBLISHED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM event_attendance WHERE event_id = ?", Integer.class,
                eventId)).isZero();
    }

    @Test
    void theSameTicketScannedOnTwoPhonesIsAConflictAndTheEarlierTimeStands() {
        String ticket = ticket();
        clock.pin(START.plusMinutes(20).toInstant());
        JsonNode fromB = sync(phoneB, List.of(op(ticket, "IN", 3)));
        assertThat(fromB.get(0).path("outcome").asString()).as(fromB.toString()).isEqualTo("APPLIED");
        JsonNode fromA = sync(phoneA, List.of(op(ticket, "IN", 1)));
        assertThat(fromA.get(0).path("outcome").asString()).as(fromA.toString()).isEqualTo("CONFLICT");
        assertThat(fromA.get(0).path("detail").asString()).contains("09:01");
        assertThat(jdbc.queryForObject("SELECT check_in_at FROM event_attendance WHERE event_id = ?",
                LocalDateTime.class, eventId)).isEqualTo(START.plusMinutes(1).toLocalDateTime());
        // an operation id is one phone's: another account reusing it is refused
        Map<String, Object> reused = op(ticket, "OUT", 15);
        assertThat(sync(phoneA, List.of(reused)).get(0).path("outcome").asString()).isEqualTo("APPLIED");
        JsonNode stolen = sync(phoneB, List.of(reused));
        assertThat(stolen.get(0).path("code").asString()).isEqualTo("SYNC_OP_TAKEN");
    }

    @Test
    void rosterTicksMadeOfflineCountOnceAtTheTimeTheyHappened() {
        long signupId = signupId();
        List<Map<String, Object>> ticks = List.of(tickOp(signupId, "IN", 4), tickOp(signupId, "OUT", 38));
        // the network returns 20 minutes after the session ended: still inside the settle grace
        clock.pin(START.plusMinutes(60).toInstant());
        JsonNode first = sync(phoneA, ticks);
        assertThat(first.findValuesAsString("outcome")).as(first.toString()).containsExactly("APPLIED", "APPLIED");
        assertThat(first.findValues("duplicate")).allSatisfy(d -> assertThat(d.asBoolean()).isFalse());
        // the answer was lost on the way back: the phone sends both again, one at a time
        for (Map<String, Object> tick : ticks) {
            JsonNode again = sync(phoneA, List.of(tick));
            assertThat(again.get(0).path("outcome").asString()).isEqualTo("APPLIED");
            assertThat(again.get(0).path("duplicate").asBoolean()).isTrue();
        }

        Map<String, Object> row = jdbc.queryForMap("SELECT check_in_at, check_out_at, presence_confirmed, check_in_method, "
                + "(SELECT COUNT(*) FROM event_attendance WHERE event_id = ?) AS n FROM event_attendance "
                + "WHERE event_id = ?", eventId, eventId);
        assertThat(row.get("n")).isEqualTo(1L);
        assertThat(row.get("check_in_at")).isEqualTo(START.plusMinutes(4).toLocalDateTime());
        assertThat(row.get("check_out_at")).isEqualTo(START.plusMinutes(38).toLocalDateTime());
        assertThat(row.get("presence_confirmed")).isEqualTo(true);
        assertThat(row.get("check_in_method")).isEqualTo("TICK");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM organiser_sync_op WHERE event_id = ?", Integer.class,
                eventId)).isEqualTo(2);
    }

    @Test
    void aRosterTickOutsideTheSessionsWindowIsRefusedAndChangesNothing() {
        long signupId = signupId();
        clock.pin(START.plusMinutes(150).toInstant());
        JsonNode answers = sync(phoneA, List.of(
                // checked in after the session ended (40 minutes), and 61 minutes before it began
                tickOp(signupId, "IN", 45), tickOp(signupId, "IN", -61)));
        assertThat(answers.findValuesAsString("outcome")).as(answers.toString()).containsExactly("REFUSED", "REFUSED");
        assertThat(answers.findValuesAsString("code")).containsExactly("CHECKIN_NOT_OPEN", "CHECKIN_NOT_OPEN");
        assertThat(answers.get(0).path("detail").asString()).isNotBlank();
        // a refusal is recorded too: the same operation sent again is refused again, not judged anew
        JsonNode again = sync(phoneA, List.of(Map.of("opId", answers.get(0).path("opId").asString(), "kind", "TICK",
                "signupId", signupId, "sessionId", sessionId, "purpose", "IN", "at", START.plusMinutes(5).toString())));
        assertThat(again.get(0).path("outcome").asString()).isEqualTo("REFUSED");
        assertThat(again.get(0).path("duplicate").asBoolean()).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM event_attendance WHERE event_id = ?", Integer.class,
                eventId)).isZero();

        // ticked in during the session, then out more than 60 minutes after its end: the check-out is refused
        JsonNode in = sync(phoneA, List.of(tickOp(signupId, "IN", 5)));
        assertThat(in.get(0).path("outcome").asString()).as(in.toString()).isEqualTo("APPLIED");
        JsonNode out = sync(phoneA, List.of(tickOp(signupId, "OUT", 101)));
        assertThat(out.get(0).path("outcome").asString()).as(out.toString()).isEqualTo("REFUSED");
        assertThat(out.get(0).path("code").asString()).isEqualTo("CHECKIN_NOT_OPEN");
        assertThat(jdbc.queryForObject("SELECT check_out_at FROM event_attendance WHERE event_id = ?",
                LocalDateTime.class, eventId)).isNull();
    }

    @Test
    void aTickWithoutASignupOrForAnotherEventsSignupIsRefused() {
        clock.pin(START.plusMinutes(10).toInstant());
        Map<String, Object> noSignup = Map.of("opId", UUID.randomUUID().toString(), "kind", "TICK",
                "sessionId", sessionId, "purpose", "IN", "at", START.plusMinutes(5).toString());
        JsonNode answers = sync(phoneA, List.of(noSignup, tickOp(Long.MAX_VALUE - 1, "IN", 5)));
        assertThat(answers.findValuesAsString("outcome")).as(answers.toString()).containsExactly("REFUSED", "REFUSED");
        assertThat(answers.get(0).path("code").asString()).isEqualTo("SIGNUP_NOT_FOUND");
        assertThat(answers.get(1).path("detail").asString()).contains("不属于本活动");
    }

    @Test
    void aNameTickedOnTwoPhonesIsAConflictAndTheEarlierCheckInStands() {
        long signupId = signupId();
        clock.pin(START.plusMinutes(6).toInstant());
        // phone B has signal and ticks her live at 09:06
        Response live = api.post("/api/v1/organiser/events/" + eventId + "/sessions/" + sessionId + "/ticks",
                token(phoneB), ApiClient.json(Map.of("signupId", signupId, "purpose", "IN")));
        assertThat(live.status()).as(live.toString()).isEqualTo(200);
        // phone A, without network, had ticked her at 09:02 and syncs later
        clock.pin(START.plusMinutes(20).toInstant());
        JsonNode fromA = sync(phoneA, List.of(tickOp(signupId, "IN", 2)));
        assertThat(fromA.get(0).path("outcome").asString()).as(fromA.toString()).isEqualTo("CONFLICT");
        assertThat(fromA.get(0).path("detail").asString()).contains("09:02");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM event_attendance WHERE event_id = ?", Integer.class,
                eventId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT check_in_at FROM event_attendance WHERE event_id = ?",
                LocalDateTime.class, eventId)).isEqualTo(START.plusMinutes(2).toLocalDateTime());
        // a check-out ticked on both phones: the first one recorded stands
        JsonNode outB = sync(phoneB, List.of(tickOp(signupId, "OUT", 18)));
        assertThat(outB.get(0).path("outcome").asString()).isEqualTo("APPLIED");
        JsonNode outA = sync(phoneA, List.of(tickOp(signupId, "OUT", 19)));
        assertThat(outA.get(0).path("outcome").asString()).isEqualTo("CONFLICT");
        assertThat(outA.get(0).path("detail").asString()).contains("09:18");
    }
}
