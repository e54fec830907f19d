package cn.yunxi.kepu.event;

import static cn.yunxi.kepu.event.EventFixtures.event;
import static cn.yunxi.kepu.event.EventFixtures.published;
import static cn.yunxi.kepu.event.EventFixtures.signup;
import static cn.yunxi.kepu.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.yunxi.kepu.common.participation.ParticipationKind;
import cn.yunxi.kepu.common.participation.ParticipationRecorded;
import cn.yunxi.kepu.common.time.Zones;
import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.ApiClient.Response;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;
import cn.yunxi.kepu.support.MutableClock;
import tools.jackson.databind.JsonNode;

/**
 * Check-in with a rotating venue code (clock under test control), tickets, bulk check-in, the geofence, and the
 * hours rule; what gets published for points and indicators.
 */
@KepuIntegrationTest
class CheckinIT {

    static final double VENUE_LAT = 29.4730;
    static final double VENUE_LON = 113.2720;

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AttendanceService attendanceService;
    @Autowired
    ParticipationProbe probe;

    ApiClient api;
    String staff;
    Instant base;
    long eventId;
    long sessionId;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        String admin = Logins.districtAdminToken(api);
        staff = EventFixtures.staffToken(api, admin, "ORGANISER", EventFixtures.unitId(api, admin, "陆城镇"));
        String unitAdmin = EventFixtures.staffToken(api, admin, "TOWN_ADMIN", EventFixtures.unitId(api, admin, "陆城镇"));
        // A 40-minute session that started a minute ago; 60 % attendance (24 minutes) earns its hours.
        base = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        OffsetDateTime start = base.atZone(Zones.SHANGHAI).toOffsetDateTime().minusMinutes(1);
        JsonNode event = published(api, unitAdmin, event()
                .set("signupOpensAt", start.minusHours(2).toString())
                .singleSession(start, Duration.ofMinutes(40))
                .set("signupClosesAt", start.plusMinutes(30).toString()));
        eventId = event.path("id").asLong();
        sessionId = event.path("sessions").get(0).path("id").asLong();
        clock.pin(base);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String venueToken(String purpose) {
        Response r = api.get("/api/admin/v1/events/" + eventId + "/sessions/" + sessionId + "/checkin-token?purpose="
                + purpose, staff);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("token").asString();
    }

    private Response scan(String resident, String token, Double lat, Double lon) {
        Map<String, Object> body = new HashMap<>();
        body.put("token", token);
        if (lat != null) {
            body.put("latitude", lat);
            body.put("longitude", lon);
        }
        return api.post("/api/v1/checkins", resident, ApiClient.json(body));
    }

    private String signedUpResident() {
        String resident = Logins.residentToken(api);
        Response r = signup(api, resident, eventId);
        assertThat(r.json().path("status").asString()).as(r.toString()).isEqualTo("CONFIRMED");
        return resident;
    }

    @Test
    void theVenueCodeRotatesAndAForwardedScreenshotStopsWorking() {
        String resident = signedUpResident();
        long window = base.getEpochSecond() - Math.floorMod(base.getEpochSecond(), 30);
        clock.pin(Instant.ofEpochSecond(window));
        String first = venueToken("IN");
        assertThat(api.get("/api/admin/v1/events/" + eventId + "/sessions/" + sessionId + "/checkin-token", staff)
                .json().path("refreshAfterSeconds").asLong()).isEqualTo(30);

        clock.advance(Duration.ofSeconds(29));
        assertThat(venueToken("IN")).isEqualTo(first);
        clock.advance(Duration.ofSeconds(1));
        String second = venueToken("IN");
        assertThat(second).isNotEqualTo(first);

        // 61 s after it first appeared, the first code is refused; the current one works.
        clock.advance(Duration.ofSeconds(31));
        assertProblem(scan(resident, first, null, null), 400, "CHECKIN_TOKEN_EXPIRED");
        Response ok = scan(resident, second, null, null);
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);

        // A forged or altered code is refused outright.
        String tampered = second.replace("." + eventId + ".", "." + (eventId + 1) + ".");
        assertProblem(scan(resident, tampered, null, null), 400, "CHECKIN_TOKEN_INVALID");
        assertProblem(scan(resident, "not-a-token", null, null), 400, "CHECKIN_TOKEN_INVALID");
    }

    @Test
    void checkInIsIdempotentAndRecordsWhetherTheLocationWasVerified() {
        String near = signedUpResident();
        String noLocation = signedUpResident();
        String far = signedUpResident();
        String token = venueToken("IN");

        // About 111 m north of the venue, inside the 300 m radius.
        Response first = scan(near, token, VENUE_LAT + 0.001, VENUE_LON);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().path("locationVerified").asBoolean()).isTrue();
        assertThat(first.json().path("distanceM").asInt()).isBetween(105, 118);
        assertThat(first.json().path("alreadyRecorded").asBoolean()).isFalse();

        Response again = scan(near, token, VENUE_LAT + 0.001, VENUE_LON);
        assertThat(again.json().path("id").asLong()).isEqualTo(first.json().path("id").asLong());
        assertThat(again.json().path("alreadyRecorded").asBoolean()).isTrue();
        assertThat(again.json().path("checkInAt").asString()).isEqualTo(first.json().path("checkInAt").asString());

        // No position (the elder's phone denied location): accepted, marked as not verified.
        Response unverified = scan(noLocation, token, null, null);
        assertThat(unverified.status()).isEqualTo(200);
        assertThat(unverified.json().path("locationVerified").asBoolean()).isFalse();
        assertThat(unverified.json().path("distanceM").isNull()).isTrue();

        // About 1.1 km away: refused, with the distance in the message.
        Response tooFar = scan(far, token, VENUE_LAT + 0.01, VENUE_LON);
        assertProblem(tooFar, 403, "TOO_FAR_FROM_VENUE");
        assertThat(tooFar.json().path("detail").asString()).contains("米");

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM event_attendance WHERE event_id = ?", Integer.class, eventId))
                .isEqualTo(2);
    }

    @Test
    void onlyConfirmedParticipantsCheckIn() {
        String stranger = Logins.residentToken(api);
        assertProblem(scan(stranger, venueToken("IN"), null, null), 403, "NOT_SIGNED_UP");
    }

    @Test
    void hoursAreCreditedOnlyWhenTheAttendedShareReachesTheMinimum() {
        String leavesEarly = signedUpResident();
        String stays = signedUpResident();
        String in = venueToken("IN");
        scan(leavesEarly, in, null, null);
        scan(stays, in, null, null);

        clock.advance(Duration.ofMinutes(20));
        Response out = scan(leavesEarly, venueToken("OUT"), null, null);
        assertThat(out.status()).as(out.toString()).isEqualTo(200);
        assertThat(out.json().path("credited").asBoolean()).isFalse();
        assertThat(out.json().path("attendedMinutes").asInt()).isEqualTo(20);
        assertThat(out.json().path("hours").decimalValue()).isEqualByComparingTo(BigDecimal.ZERO);
        // Scanning the check-out code again changes nothing.
        clock.advance(Duration.ofMinutes(5));
        Response outAgain = scan(leavesEarly, venueToken("OUT"), null, null);
        assertThat(outAgain.json().path("checkOutAt").asString()).isEqualTo(out.json().path("checkOutAt").asString());
        assertThat(outAgain.json().path("alreadyRecorded").asBoolean()).isTrue();

        // The other never checks out: at the session's end they are counted until then (39 of 40 minutes).
        clock.advance(Duration.ofMinutes(16));
        assertThat(attendanceService.settleEnded(500)).isGreaterThanOrEqualTo(1);
        assertThat(attendanceService.settleEnded(500)).isZero();

        Map<String, Object> stayed = jdbc.queryForMap("SELECT a.credited, a.hours, a.attended_minutes, a.person_key "
                + "FROM event_attendance a JOIN event_signup s ON s.id = a.signup_id WHERE a.event_id = ? "
                + "AND a.check_out_at IS NULL", eventId);
        assertThat(stayed.get("credited")).isEqualTo(true);
        assertThat((BigDecimal) stayed.get("hours")).isEqualByComparingTo("0.50");
        assertThat(stayed.get("attended_minutes")).isEqualTo(39);

        List<ParticipationRecorded> published = probe.forEvent(eventId);
        assertThat(published).hasSize(1);
        ParticipationRecorded p = published.get(0);
        assertThat(p.kind()).isEqualTo(ParticipationKind.EVENT_ATTENDANCE);
        assertThat(p.personKey()).isEqualTo(stayed.get("person_key"));
        assertThat(p.recordKey()).startsWith("attendance:");
        assertThat(p.indicatorCodes()).containsExactly("HIGH_QUALITY_FARMERS");
        assertThat(p.hours()).isEqualByComparingTo("0.50");
        assertThat(p.sourceType()).isEqualTo("EVENT");
        assertThat(probe.attendanceFor(eventId)).hasSize(1);
    }

    @Test
    void organisersCheckInByTicketAndInBulkForProxySignups() {
        String resident = signedUpResident();
        String ticket = api.get("/api/v1/me/signups", resident).json().path("items").get(0).path("ticket").asString();
        Response byTicket = api.post("/api/admin/v1/events/" + eventId + "/checkins/ticket", staff,
                ApiClient.json(Map.of("ticket", ticket)));
        assertThat(byTicket.status()).as(byTicket.toString()).isEqualTo(200);
        assertThat(byTicket.json().path("method").asString()).isEqualTo("TICKET");
        assertThat(byTicket.json().path("sessionId").asLong()).isEqualTo(sessionId);
        assertProblem(api.post("/api/admin/v1/events/" + eventId + "/checkins/ticket", staff,
                ApiClient.json(Map.of("ticket", ticket.substring(0, ticket.length() - 2) + "xx"))), 400, "TICKET_INVALID");

        List<Long> proxies = List.of(proxy("王奶奶", "13700000001"), proxy("赵爷爷", "13700000002"));
        Response bulk = api.post("/api/admin/v1/events/" + eventId + "/sessions/" + sessionId + "/bulk-checkin", staff,
                ApiClient.json(Map.of("signupIds", List.of(proxies.get(0), proxies.get(1), 999_999_999L))));
        assertThat(bulk.status()).as(bulk.toString()).isEqualTo(200);
        assertThat(bulk.json().path("recorded").asInt()).isEqualTo(2);
        assertThat(bulk.json().path("skippedSignupIds").get(0).asLong()).isEqualTo(999_999_999L);
        Response bulkAgain = api.post("/api/admin/v1/events/" + eventId + "/sessions/" + sessionId + "/bulk-checkin",
                staff, ApiClient.json(Map.of("signupIds", proxies)));
        assertThat(bulkAgain.json().path("alreadyRecorded").asInt()).isEqualTo(2);

        List<Map<String, Object>> rows = jdbc.queryForList("SELECT check_in_method, checked_in_by, credited, person_key "
                + "FROM event_attendance WHERE signup_id IN (?, ?)", proxies.get(0), proxies.get(1));
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("check_in_method")).isEqualTo("BULK");
            assertThat(r.get("checked_in_by")).isNotNull();
            assertThat(r.get("credited")).isEqualTo(true);
            assertThat((String) r.get("person_key")).startsWith("P:");
        });
        assertThat(probe.forEvent(eventId)).extracting(ParticipationRecorded::personLabel)
                .containsExactlyInAnyOrder("王**", "赵**");
    }

    private long proxy(String name, String phone) {
        Response r = api.post("/api/admin/v1/events/" + eventId + "/proxy-signups", staff,
                ApiClient.json(Map.of("name", name, "phone", phone)));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("id").asLong();
    }
}
