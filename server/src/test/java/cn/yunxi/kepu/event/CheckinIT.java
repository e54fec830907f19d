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
    String unitAdmin;
    Instant base;
    long eventId;
    long sessionId;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        String admin = Logins.districtAdminToken(api);
        staff = EventFixtures.staffToken(api, admin, "ORGANISER", EventFixtures.unitId(api, admin, "陆城镇"));
        unitAdmin = EventFixtures.staffToken(api, admin, "TOWN_ADMIN", EventFixtures.unitId(api, admin, "陆城镇"));
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
        assertThat(first.json().path("presenceConfirmed").asBoolean()).isTrue();

        Response again = scan(near, token, VENUE_LAT + 0.001, VENUE_LON);
        assertThat(again.json().path("id").asLong()).isEqualTo(first.json().path("id").asLong());
        assertThat(again.json().path("alreadyRecorded").asBoolean()).isTrue();
        assertThat(again.json().path("checkInAt").asString()).isEqualTo(first.json().path("checkInAt").asString());

        // No position (the elder's phone denied location): accepted, marked as not verified and not yet confirmed.
        Response unverified = scan(noLocation, token, null, null);
        assertThat(unverified.status()).isEqualTo(200);
        assertThat(unverified.json().path("locationVerified").asBoolean()).isFalse();
        assertThat(unverified.json().path("presenceConfirmed").asBoolean()).isFalse();
        assertThat(unverified.json().path("distanceM").isNull()).isTrue();

        // About 1.1 km away: refused, and the answer gives away neither the distance nor the venue's position.
        Response tooFar = scan(far, token, VENUE_LAT + 0.01, VENUE_LON);
        assertProblem(tooFar, 403, "TOO_FAR_FROM_VENUE");
        assertThat(tooFar.json().path("detail").asString()).contains("不在活动现场附近").doesNotContainPattern("[0-9]")
                .doesNotContain("米");
        assertThat(tooFar.body()).doesNotContain("29.47").doesNotContain("113.27").doesNotContain("1112");

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
        scan(leavesEarly, in, VENUE_LAT, VENUE_LON);
        scan(stays, in, VENUE_LAT, VENUE_LON);

        clock.advance(Duration.ofMinutes(20));
        Response out = scan(leavesEarly, venueToken("OUT"), null, null);
        assertThat(out.status()).as(out.toString()).isEqualTo(200);
        // a check-out is recorded, but hours are settled only after the session
        assertThat(out.json().path("checkOutMethod").asString()).isEqualTo("VENUE_QR");
        assertThat(out.json().path("credited").isNull()).isTrue();
        // Scanning the check-out code again changes nothing.
        clock.advance(Duration.ofMinutes(5));
        Response outAgain = scan(leavesEarly, venueToken("OUT"), null, null);
        assertThat(outAgain.json().path("checkOutAt").asString()).isEqualTo(out.json().path("checkOutAt").asString());
        assertThat(outAgain.json().path("alreadyRecorded").asBoolean()).isTrue();
        clock.advance(Duration.ofMinutes(4));
        assertThat(scan(stays, venueToken("OUT"), null, null).status()).isEqualTo(200);

        // The session ends at minute 39; within the settling grace nothing is settled yet.
        clock.advance(Duration.ofMinutes(11));
        attendanceService.settleEnded(500);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM event_attendance WHERE event_id = ? AND settled_at IS NULL",
                Integer.class, eventId)).isEqualTo(2);
        clock.advance(Duration.ofHours(12));
        assertThat(attendanceService.settleEnded(500)).isGreaterThanOrEqualTo(2);
        assertThat(attendanceService.settleEnded(500)).isZero();

        Map<String, Object> early = row("check_out_at < ?", base.plusSeconds(21 * 60).atZone(Zones.SHANGHAI)
                .toLocalDateTime());
        assertThat(early.get("credited")).isEqualTo(false);
        assertThat(early.get("attended_minutes")).isEqualTo(20);
        assertThat((BigDecimal) early.get("hours")).isEqualByComparingTo(BigDecimal.ZERO);
        // in from the start (a minute late) to 29 of the 40 minutes: 72 %, above the 60 % minimum
        Map<String, Object> stayed = row("check_out_at > ?", base.plusSeconds(21 * 60).atZone(Zones.SHANGHAI)
                .toLocalDateTime());
        assertThat(stayed.get("credited")).isEqualTo(true);
        assertThat((BigDecimal) stayed.get("hours")).isEqualByComparingTo("0.50");
        assertThat(stayed.get("attended_minutes")).isEqualTo(29);

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

    /** A forwarded venue code scanned at home carries no position: it earns nothing until an organiser vouches. */
    @Test
    void aCheckInWithoutAPositionEarnsHoursOnlyOnceTheOrganiserConfirmsIt() {
        String seen = signedUpResident();
        String neverSeen = signedUpResident();
        String in = venueToken("IN");
        assertThat(scan(seen, in, null, null).json().path("presenceConfirmed").asBoolean()).isFalse();
        assertThat(scan(neverSeen, in, null, null).json().path("presenceConfirmed").asBoolean()).isFalse();
        clock.advance(Duration.ofMinutes(29));
        String out = venueToken("OUT");
        assertThat(scan(seen, out, null, null).status()).isEqualTo(200);
        assertThat(scan(neverSeen, out, null, null).status()).isEqualTo(200);

        // the organiser finds her on the roster and ticks her: that confirms her presence, it adds no second row
        long seenSignup = signupOf(seen);
        Response tick = api.post("/api/admin/v1/events/" + eventId + "/sessions/" + sessionId + "/ticks", staff,
                ApiClient.json(Map.of("signupId", seenSignup, "purpose", "IN")));
        assertThat(tick.status()).as(tick.toString()).isEqualTo(200);
        assertThat(tick.json().path("presenceConfirmed").asBoolean()).isTrue();
        assertThat(tick.json().path("alreadyRecorded").asBoolean()).isTrue();
        assertThat(tick.json().path("method").asString()).isEqualTo("VENUE_QR");

        clock.advance(Duration.ofMinutes(11));
        attendanceService.settleEvent(eventId);
        assertThat(jdbc.queryForList("SELECT signup_id FROM event_attendance WHERE event_id = ? AND credited = TRUE",
                Long.class, eventId)).containsExactly(seenSignup);
        assertThat(jdbc.queryForObject("SELECT confirmed_by FROM event_attendance WHERE signup_id = ?", Long.class,
                seenSignup)).isNotNull();
        assertThat(probe.forEvent(eventId)).hasSize(1);
    }

    /** Nobody is assumed to have stayed to the end: hours need a check-out or the organiser's confirmation. */
    @Test
    void withoutACheckOutOrTheOrganisersEndConfirmationNoHoursCount() {
        String confirmed = signedUpResident();
        String forgot = signedUpResident();
        String in = venueToken("IN");
        scan(confirmed, in, VENUE_LAT, VENUE_LON);
        scan(forgot, in, VENUE_LAT, VENUE_LON);
        long confirmedSignup = signupOf(confirmed);
        long forgotSignup = signupOf(forgot);

        // not before the session is over
        assertProblem(api.post("/api/admin/v1/events/" + eventId + "/sessions/" + sessionId + "/end-confirmation",
                staff, ApiClient.json(Map.of("signupIds", List.of(confirmedSignup)))), 409, "SESSION_NOT_OVER");
        clock.advance(Duration.ofMinutes(40));
        staff = EventFixtures.staffToken(api, Logins.districtAdminToken(api), "ORGANISER",
                EventFixtures.unitId(api, Logins.districtAdminToken(api), "陆城镇"));
        Response end = api.post("/api/admin/v1/events/" + eventId + "/sessions/" + sessionId + "/end-confirmation",
                staff, ApiClient.json(Map.of("signupIds", List.of(confirmedSignup, 999_999_999L))));
        assertThat(end.status()).as(end.toString()).isEqualTo(200);
        assertThat(end.json().path("recorded").asInt()).isEqualTo(1);
        assertThat(end.json().path("skippedSignupIds").get(0).asLong()).isEqualTo(999_999_999L);

        attendanceService.settleEvent(eventId);
        Map<String, Object> stayed = jdbc.queryForMap("SELECT credited, attended_minutes, check_out_method, check_out_at "
                + "FROM event_attendance WHERE signup_id = ?", confirmedSignup);
        assertThat(stayed.get("credited")).isEqualTo(true);
        assertThat(stayed.get("attended_minutes")).isEqualTo(39);
        assertThat(stayed.get("check_out_method")).isEqualTo("END_CONFIRMED");
        Map<String, Object> left = jdbc.queryForMap("SELECT credited, attended_minutes, hours FROM event_attendance "
                + "WHERE signup_id = ?", forgotSignup);
        assertThat(left.get("credited")).isEqualTo(false);
        assertThat(left.get("attended_minutes")).isEqualTo(0);
        assertThat(probe.forEvent(eventId)).hasSize(1);
        // settled is settled: a late confirmation changes nothing
        assertThat(api.post("/api/admin/v1/events/" + eventId + "/sessions/" + sessionId + "/end-confirmation",
                staff, ApiClient.json(Map.of("signupIds", List.of(forgotSignup)))).json().path("skippedSignupIds")
                .get(0).asLong()).isEqualTo(forgotSignup);
    }

    @Test
    void anEventCannotBeFinishedBeforeItsLastSessionEnds() {
        String resident = signedUpResident();
        scan(resident, venueToken("IN"), VENUE_LAT, VENUE_LON);
        Response early = api.post("/api/admin/v1/events/" + eventId + "/finish", unitAdmin, "");
        assertProblem(early, 409, "EVENT_NOT_OVER");
        assertThat(jdbc.queryForObject("SELECT status FROM event WHERE id = ?", String.class, eventId))
                .isEqualTo("PUBLISHED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM event_attendance WHERE event_id = ? AND settled_at IS NULL",
                Integer.class, eventId)).isEqualTo(1);

        clock.advance(Duration.ofMinutes(39));
        Response finished = api.post("/api/admin/v1/events/" + eventId + "/finish",
                EventFixtures.staffToken(api, Logins.districtAdminToken(api), "TOWN_ADMIN",
                        EventFixtures.unitId(api, Logins.districtAdminToken(api), "陆城镇")), "");
        assertThat(finished.status()).as(finished.toString()).isEqualTo(200);
        // settled at finish; no check-out and no confirmation: nothing credited
        assertThat(jdbc.queryForObject("SELECT credited FROM event_attendance WHERE event_id = ?", Boolean.class,
                eventId)).isFalse();
        assertThat(probe.forEvent(eventId)).isEmpty();
    }

    private Map<String, Object> row(String condition, Object value) {
        return jdbc.queryForMap("SELECT a.credited, a.hours, a.attended_minutes, a.person_key FROM event_attendance a "
                + "WHERE a.event_id = ? AND a." + condition, eventId, value);
    }

    private long signupOf(String resident) {
        return api.get("/api/v1/me/signups", resident).json().path("items").get(0).path("id").asLong();
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

        attendanceService.settleEvent(eventId);
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

    @Test
    void aTicketOrBulkCheckInWithAnotherEventsSignupRecordsNothing() {
        JsonNode other = published(api, unitAdmin, event()
                .set("signupOpensAt", base.atZone(Zones.SHANGHAI).toOffsetDateTime().minusHours(2).toString())
                .singleSession(base.atZone(Zones.SHANGHAI).toOffsetDateTime().minusMinutes(1), Duration.ofMinutes(40))
                .set("signupClosesAt", base.atZone(Zones.SHANGHAI).toOffsetDateTime().plusMinutes(30).toString()));
        long otherEvent = other.path("id").asLong();
        long otherSession = other.path("sessions").get(0).path("id").asLong();
        String resident = Logins.residentToken(api);
        long otherSignup = signup(api, resident, otherEvent).json().path("id").asLong();
        String otherTicket = api.get("/api/v1/me/signups", resident).json().path("items").get(0).path("ticket")
                .asString();

        Response byTicket = api.post("/api/admin/v1/events/" + eventId + "/checkins/ticket", staff,
                ApiClient.json(Map.of("ticket", otherTicket)));
        assertProblem(byTicket, 400, "TICKET_INVALID");
        assertThat(byTicket.json().path("detail").asString()).contains("不属于本活动");
        // nor can another event's session be named on this event
        assertProblem(api.post("/api/admin/v1/events/" + eventId + "/checkins/ticket", staff,
                ApiClient.json(Map.of("ticket", otherTicket, "sessionId", otherSession))), 400, "TICKET_INVALID");
        assertProblem(api.post("/api/admin/v1/events/" + eventId + "/sessions/" + otherSession + "/bulk-checkin",
                staff, ApiClient.json(Map.of("signupIds", List.of(otherSignup)))), 404, "SESSION_NOT_FOUND");

        long ours = proxy("钱阿姨", "13700000003");
        Response bulk = api.post("/api/admin/v1/events/" + eventId + "/sessions/" + sessionId + "/bulk-checkin", staff,
                ApiClient.json(Map.of("signupIds", List.of(otherSignup, ours))));
        assertThat(bulk.status()).as(bulk.toString()).isEqualTo(200);
        assertThat(bulk.json().path("recorded").asInt()).isEqualTo(1);
        assertThat(bulk.json().path("skippedSignupIds").valueStream().map(JsonNode::asLong).toList())
                .containsExactly(otherSignup);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM event_attendance WHERE signup_id = ?", Integer.class,
                otherSignup)).isZero();
        assertThat(jdbc.queryForList("SELECT signup_id FROM event_attendance WHERE event_id = ?", Long.class, eventId))
                .containsExactly(ours);
        assertThat(probe.forEvent(otherEvent)).isEmpty();
    }

    /**
     * Check-in opens an hour before a session and closes at its end; check-out stays open an hour after the end;
     * a bulk check-in waits for the session to start; and checking out needs a check-in.
     */
    @Test
    void checkInsAndOutsOutsideTheirWindowsAreRefused() {
        OffsetDateTime now = base.atZone(Zones.SHANGHAI).toOffsetDateTime();
        JsonNode later = published(api, unitAdmin, event()
                .set("signupOpensAt", now.minusHours(2).toString())
                .singleSession(now.plusHours(3), Duration.ofHours(1)));
        long laterEvent = later.path("id").asLong();
        long laterSession = later.path("sessions").get(0).path("id").asLong();
        String early = Logins.residentToken(api);
        long earlySignup = signup(api, early, laterEvent).json().path("id").asLong();
        String earlyTicket = api.get("/api/v1/me/signups", early).json().path("items").get(0).path("ticket").asString();

        // three hours before the session: too early for every way in
        String laterIn = api.get("/api/admin/v1/events/" + laterEvent + "/sessions/" + laterSession
                + "/checkin-token?purpose=IN", staff).json().path("token").asString();
        assertProblem(scan(early, laterIn, null, null), 409, "CHECKIN_NOT_OPEN");
        assertProblem(api.post("/api/admin/v1/events/" + laterEvent + "/checkins/ticket", staff,
                ApiClient.json(Map.of("ticket", earlyTicket))), 409, "CHECKIN_NOT_OPEN");
        assertProblem(api.post("/api/admin/v1/events/" + laterEvent + "/checkins/ticket", staff,
                ApiClient.json(Map.of("ticket", earlyTicket, "sessionId", laterSession))), 409, "CHECKIN_NOT_OPEN");
        assertProblem(api.post("/api/admin/v1/events/" + laterEvent + "/sessions/" + laterSession + "/bulk-checkin",
                staff, ApiClient.json(Map.of("signupIds", List.of(earlySignup)))), 409, "CHECKIN_NOT_OPEN");

        // during this session: checking out without having checked in
        JsonNode stays = Logins.newResident(api);
        JsonNode late = Logins.newResident(api);
        assertThat(signup(api, stays.path("accessToken").asString(), eventId).status()).isEqualTo(201);
        assertThat(signup(api, late.path("accessToken").asString(), eventId).status()).isEqualTo(201);
        assertProblem(scan(late.path("accessToken").asString(), venueToken("OUT"), null, null), 409, "NOT_CHECKED_IN");
        assertThat(scan(stays.path("accessToken").asString(), venueToken("IN"), null, null).status()).isEqualTo(200);

        // the session (40 minutes from a minute ago) is over: no more check-ins; logins are renewed on the moved clock
        clock.advance(Duration.ofMinutes(39));
        staff = EventFixtures.staffToken(api, Logins.districtAdminToken(api), "ORGANISER",
                EventFixtures.unitId(api, Logins.districtAdminToken(api), "陆城镇"));
        String lateToken = refreshed(late);
        assertProblem(scan(lateToken, venueToken("IN"), null, null), 409, "CHECKIN_NOT_OPEN");
        // and an hour after its end, no more check-outs either
        clock.advance(Duration.ofMinutes(61));
        staff = EventFixtures.staffToken(api, Logins.districtAdminToken(api), "ORGANISER",
                EventFixtures.unitId(api, Logins.districtAdminToken(api), "陆城镇"));
        assertProblem(scan(refreshed(stays), venueToken("OUT"), null, null), 409, "CHECKIN_NOT_OPEN");

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM event_attendance WHERE event_id IN (?, ?)", Integer.class,
                eventId, laterEvent)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT check_out_at FROM event_attendance WHERE event_id = ?",
                java.time.LocalDateTime.class, eventId)).isNull();
    }

    /** A new access token for a login, through its refresh token (the old one expired on the moved clock). */
    private String refreshed(JsonNode login) {
        Response r = api.post("/api/v1/auth/refresh", null, ApiClient.json(Map.of("refreshToken",
                login.path("refreshToken").asString())));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("accessToken").asString();
    }

    private long proxy(String name, String phone) {
        Response r = api.post("/api/admin/v1/events/" + eventId + "/proxy-signups", staff,
                ApiClient.json(Map.of("name", name, "phone", phone)));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("id").asLong();
    }
}
