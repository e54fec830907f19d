package cn.yunxi.kepu.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
import cn.yunxi.kepu.support.Pages;
import cn.yunxi.kepu.support.Participations;
import tools.jackson.databind.JsonNode;

/**
 * The plan's figures come from what happens here: a farmer who attends a training tagged with the
 * 高素质农民 indicator long enough for the hours to count appears in that indicator's figure and drill-down.
 */
@KepuIntegrationTest
class AttendanceCountsTowardThePlanIT {

    static final String VILLAGE = "430603100203"; // 陆城样例村3
    static final OffsetDateTime SESSION_START = OffsetDateTime.of(2025, 6, 16, 9, 0, 0, 0,
            Zones.SHANGHAI.getRules().getOffset(java.time.LocalDateTime.of(2025, 6, 16, 9, 0)));

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

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void attendingATaggedTrainingCountsTowardTheIndicator() {
        clock.pin(SESSION_START.minusMinutes(10).toInstant());
        ApiClient api = new ApiClient(port);
        String admin = Logins.districtAdminToken(api);
        String organiser = EventFixtures.staffToken(api, admin, "TOWN_ADMIN", EventFixtures.unitId(api, admin, "陆城镇"));
        // what other test classes published has been counted before "before" is read
        new Participations(events, transactions, jdbc).awaitListeners();
        double before = figure(api, admin, "HIGH_QUALITY_FARMERS").path("value").asDouble();

        JsonNode event = EventFixtures.published(api, organiser, EventFixtures.event()
                .set("signupOpensAt", SESSION_START.minusDays(5).toString())
                .set("signupClosesAt", SESSION_START.plusMinutes(30).toString())
                .set("indicatorCodes", java.util.List.of("HIGH_QUALITY_FARMERS"))
                .singleSession(SESSION_START, Duration.ofHours(2)));
        long eventId = event.path("id").asLong();
        long sessionId = event.path("sessions").get(0).path("id").asLong();
        String title = event.path("title").asString();

        JsonNode farmer = Logins.newResident(api);
        String token = farmer.path("accessToken").asString();
        assertThat(api.patch("/api/v1/me", token, ApiClient.json(Map.of("regionCode", VILLAGE,
                "populationGroup", "FARMER", "birthYear", 1972))).status()).isEqualTo(200);
        Response signup = EventFixtures.signup(api, token, eventId);
        assertThat(signup.json().path("status").asString()).as(signup.toString()).isEqualTo("CONFIRMED");

        // On the day: in at the start, out after 90 of 120 minutes (75 % ≥ the 60 % minimum).
        clock.pin(SESSION_START.plusMinutes(1).toInstant());
        Response in = api.post("/api/v1/checkins", token, ApiClient.json(Map.of("token", venueToken(api, organiser,
                eventId, sessionId, "IN"), "latitude", 29.4730, "longitude", 113.2720)));
        assertThat(in.status()).as(in.toString()).isEqualTo(200);
        // An hour and a half later both access tokens have expired: the phone refreshes, the admin logs in again.
        clock.pin(SESSION_START.plusMinutes(91).toInstant());
        String refreshed = api.post("/api/v1/auth/refresh", null, ApiClient.json(Map.of("refreshToken",
                farmer.path("refreshToken").asString()))).json().path("accessToken").asString();
        String adminAgain = Logins.districtAdminToken(api);
        Response out = api.post("/api/v1/checkins", refreshed, ApiClient.json(Map.of("token", venueToken(api,
                adminAgain, eventId, sessionId, "OUT"))));
        assertThat(out.status()).as(out.toString()).isEqualTo(200);
        // hours are settled after the session, here when the organiser ends the event
        clock.pin(SESSION_START.plusMinutes(121).toInstant());
        Response finished = api.post("/api/admin/v1/events/" + eventId + "/finish", adminAgain, "");
        assertThat(finished.status()).as(finished.toString()).isEqualTo(200);

        new Participations(events, transactions, jdbc).awaitListeners();
        JsonNode figure = figure(api, adminAgain, "HIGH_QUALITY_FARMERS");
        assertThat(figure.path("value").asDouble()).isEqualTo(before + 1);
        // the drill-down (shared with every other test's records) has the farmer's row, under the training's title
        List<JsonNode> rows = Pages.all(api, "/api/admin/v1/indicators/" + figure.path("id").asLong() + "/records",
                adminAgain);
        assertThat(rows).filteredOn(r -> r.path("source").asString().equals(title)).singleElement()
                .satisfies(r -> {
                    assertThat(r.path("date").asString()).isEqualTo("2025-06-16");
                    assertThat(r.path("populationGroup").asString()).isEqualTo("FARMER");
                    assertThat(r.path("kind").asString()).isEqualTo("EVENT_ATTENDANCE");
                });
    }

    private String venueToken(ApiClient api, String staff, long eventId, long sessionId, String purpose) {
        Response r = api.get("/api/admin/v1/events/" + eventId + "/sessions/" + sessionId
                + "/checkin-token?purpose=" + purpose, staff);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("token").asString();
    }

    /** The dashboard figure of one indicator of the district's plan. */
    static JsonNode figure(ApiClient api, String admin, String code) {
        long planId = -1;
        for (JsonNode p : api.get("/api/admin/v1/plans", admin).json()) {
            if ("YUNXI-2022-2025".equals(p.path("code").asString())) {
                planId = p.path("id").asLong();
            }
        }
        for (JsonNode f : api.get("/api/admin/v1/plans/" + planId + "/dashboard", admin).json().path("indicators")) {
            if (code.equals(f.path("code").asString())) {
                return f;
            }
        }
        throw new AssertionError("no indicator " + code);
    }
}
