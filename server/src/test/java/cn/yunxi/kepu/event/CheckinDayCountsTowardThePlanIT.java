package cn.yunxi.kepu.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
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
 * A 高素质农民 training run from the organiser's phone: ticket scans, roster ticks for a proxy signup, a walk-in,
 * the end-of-session confirmation. The plan's figure rises by exactly the three people whose hours count, not by
 * the one who checked in from a forwarded code, the one who left early or the one who never checked out.
 */
@KepuIntegrationTest
class CheckinDayCountsTowardThePlanIT {

    static final String VILLAGE = "430603100203"; // 陆城样例村3
    static final OffsetDateTime START = LocalDateTime.of(2025, 7, 21, 9, 0).atZone(Zones.SHANGHAI).toOffsetDateTime();

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;
    String base;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theFigureRisesByThePeopleWhoseHoursCount() {
        clock.pin(START.minusMinutes(1).toInstant());
        api = new ApiClient(port);
        String admin = Logins.districtAdminToken(api);
        long luCheng = EventFixtures.unitId(api, admin, "陆城镇");
        String townAdmin = EventFixtures.staffToken(api, admin, "TOWN_ADMIN", luCheng);
        new Participations(events, transactions, jdbc).awaitListeners();
        double before = figure(admin).path("value").asDouble();

        JsonNode event = EventFixtures.published(api, townAdmin, EventFixtures.event()
                .set("signupOpensAt", START.minusDays(3).toString())
                .set("indicatorCodes", List.of("HIGH_QUALITY_FARMERS"))
                .singleSession(START, Duration.ofMinutes(40))
                .set("signupClosesAt", START.plusMinutes(30).toString()));
        long eventId = event.path("id").asLong();
        long sessionId = event.path("sessions").get(0).path("id").asLong();
        base = "/api/v1/organiser/events/" + eventId;

        // the organiser binds a phone
        EventFixtures.StaffAccount account = EventFixtures.staffAccount(api, admin, "ORGANISER", luCheng);
        JsonNode phone = Logins.newResident(api);
        String organiser = phone.path("accessToken").asString();
        assertThat(api.post("/api/v1/organiser/binding", organiser, ApiClient.json(Map.of("username",
                account.username(), "password", account.password()))).status()).isEqualTo(201);

        JsonNode scannedLogin = Logins.newResident(api);
        String scanned = farmer(scannedLogin);  // ticket in, ticket out after 27 of 40 minutes: counts
        String proxier = farmer();       // signs up her father, who has no phone: ticked in, confirmed to the end
        String forwarded = farmer();     // checks in from a forwarded code at home, no position: never confirmed
        String leftEarly = farmer();     // ticket in, ticket out after 10 minutes: under 60 %
        String noCheckOut = farmer();    // checks in on site, leaves without checking out, not confirmed
        for (String r : List.of(scanned, proxier, forwarded, leftEarly, noCheckOut)) {
            assertThat(EventFixtures.signup(api, r, eventId).json().path("status").asString()).isEqualTo("CONFIRMED");
        }
        Response father = api.post("/api/v1/events/" + eventId + "/proxy-signups", proxier, ApiClient.json(Map.of(
                "name", "刘老伯", "phone", "13700005501", "regionCode", VILLAGE, "populationGroup", "FARMER")));
        assertThat(father.status()).as(father.toString()).isEqualTo(201);
        long fatherSignup = father.json().path("id").asLong();
        long scannedSignup = api.get("/api/v1/me/signups", scanned).json().path("items").get(0).path("id").asLong();

        // the session starts
        clock.pin(START.plusMinutes(1).toInstant());
        assertThat(ticket(organiser, scanned, "IN").status()).isEqualTo(200);
        assertThat(ticket(organiser, leftEarly, "IN").status()).isEqualTo(200);
        assertThat(tick(organiser, sessionId, fatherSignup, "IN").status()).isEqualTo(200);
        Response walkIn = api.post(base + "/walk-ins", organiser, ApiClient.json(Map.of("person", Map.of(
                "name", "陈大姐", "phone", "13700005502", "regionCode", VILLAGE, "populationGroup", "FARMER"))));
        assertThat(walkIn.status()).as(walkIn.toString()).isEqualTo(201);
        long walkInSignup = walkIn.json().path("signup").path("id").asLong();
        String venueCode = api.get(base + "/sessions/" + sessionId + "/venue-code", organiser).json().path("token")
                .asString();
        assertThat(api.post("/api/v1/checkins", forwarded, ApiClient.json(Map.of("token", venueCode))).status())
                .isEqualTo(200);
        assertThat(api.post("/api/v1/checkins", noCheckOut, ApiClient.json(Map.of("token", venueCode,
                "latitude", 29.4730, "longitude", 113.2720))).status()).isEqualTo(200);

        clock.pin(START.plusMinutes(11).toInstant());
        assertThat(ticket(organiser, leftEarly, "OUT").status()).isEqualTo(200);
        clock.pin(START.plusMinutes(28).toInstant());
        assertThat(ticket(organiser, scanned, "OUT").status()).isEqualTo(200);
        String outCode = api.get(base + "/sessions/" + sessionId + "/venue-code?purpose=OUT", organiser).json()
                .path("token").asString();
        assertThat(api.post("/api/v1/checkins", forwarded, ApiClient.json(Map.of("token", outCode))).status())
                .isEqualTo(200);

        // after the session: the organiser confirms who stayed to the end, the town admin ends the event
        clock.pin(START.plusMinutes(41).toInstant());
        String organiserAgain = refreshed(phone);
        Response end = api.post(base + "/sessions/" + sessionId + "/end-confirmation", organiserAgain,
                ApiClient.json(Map.of("signupIds", List.of(fatherSignup, walkInSignup))));
        assertThat(end.json().path("recorded").asInt()).as(end.toString()).isEqualTo(2);
        String adminAgain = Logins.districtAdminToken(api);
        assertThat(api.post("/api/admin/v1/events/" + eventId + "/finish", adminAgain, "").status()).isEqualTo(200);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM event_attendance WHERE event_id = ? AND credited = TRUE",
                Integer.class, eventId)).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM event_attendance WHERE event_id = ? AND credited = FALSE",
                Integer.class, eventId)).isEqualTo(3);
        // she sees her own attendance and 学时; nobody else sees them
        String scannedAgain = refreshed(scannedLogin);
        JsonNode own = api.get("/api/v1/signups/" + scannedSignup + "/attendance", scannedAgain).json();
        assertThat(own.size()).isEqualTo(1);
        assertThat(own.get(0).path("credited").asBoolean()).isTrue();
        assertThat(own.get(0).path("hours").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(api.get("/api/v1/signups/" + scannedSignup + "/attendance",
                Logins.newResident(api).path("accessToken").asString()).status()).isEqualTo(404);
        new Participations(events, transactions, jdbc).awaitListeners();
        assertThat(figure(adminAgain).path("value").asDouble()).isEqualTo(before + 3);
        // the walk-in counts for the village picked at the door (the per-village figures read region_code)
        long walkInAttendance = jdbc.queryForObject("SELECT id FROM event_attendance WHERE signup_id = ?", Long.class,
                walkInSignup);
        assertThat(jdbc.queryForObject("SELECT region_code FROM participation_record WHERE record_key = ?",
                String.class, "attendance:" + walkInAttendance)).isEqualTo(VILLAGE);
    }

    private String farmer() {
        return farmer(Logins.newResident(api));
    }

    private String farmer(JsonNode login) {
        String token = login.path("accessToken").asString();
        assertThat(api.patch("/api/v1/me", token, ApiClient.json(Map.of("regionCode", VILLAGE,
                "populationGroup", "FARMER", "birthYear", 1975))).status()).isEqualTo(200);
        return token;
    }

    private Response ticket(String organiser, String resident, String purpose) {
        String ticket = api.get("/api/v1/me/signups", resident).json().path("items").get(0).path("ticket").asString();
        Response r = api.post(base + "/tickets", organiser, ApiClient.json(Map.of("ticket", ticket, "purpose", purpose)));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r;
    }

    private Response tick(String organiser, long sessionId, long signupId, String purpose) {
        return api.post(base + "/sessions/" + sessionId + "/ticks", organiser,
                ApiClient.json(Map.of("signupId", signupId, "purpose", purpose)));
    }

    private String refreshed(JsonNode login) {
        Response r = api.post("/api/v1/auth/refresh", null, ApiClient.json(Map.of("refreshToken",
                login.path("refreshToken").asString())));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("accessToken").asString();
    }

    private JsonNode figure(String admin) {
        return AttendanceCountsTowardThePlanIT.figure(api, admin, "HIGH_QUALITY_FARMERS");
    }
}
