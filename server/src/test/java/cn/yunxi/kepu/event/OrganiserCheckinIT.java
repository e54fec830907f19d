package cn.yunxi.kepu.event;

import static cn.yunxi.kepu.event.EventFixtures.event;
import static cn.yunxi.kepu.event.EventFixtures.published;
import static cn.yunxi.kepu.event.EventFixtures.signup;
import static cn.yunxi.kepu.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

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

/** What an organiser does on the day from the mini-program: the venue code, ticket scans, ticks and walk-ins. */
@KepuIntegrationTest
class OrganiserCheckinIT {

    static final String VILLAGE = "430603100203"; // 陆城样例村3

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;
    String townAdmin;
    String wechat;
    long eventId;
    long sessionId;
    String base;
    EventFixtures.EventSpec spec;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        String admin = Logins.districtAdminToken(api);
        long luCheng = EventFixtures.unitId(api, admin, "陆城镇");
        townAdmin = EventFixtures.staffToken(api, admin, "TOWN_ADMIN", luCheng);
        EventFixtures.StaffAccount organiser = EventFixtures.staffAccount(api, admin, "ORGANISER", luCheng);
        wechat = Logins.residentToken(api);
        assertThat(api.post("/api/v1/organiser/binding", wechat, ApiClient.json(Map.of("username",
                organiser.username(), "password", organiser.password()))).status()).isEqualTo(201);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        OffsetDateTime start = now.atZone(Zones.SHANGHAI).toOffsetDateTime().minusMinutes(1);
        spec = event().set("capacity", 3)
                .set("signupOpensAt", start.minusHours(2).toString())
                .set("eligibleRegions", List.of("430603100"))
                .singleSession(start, Duration.ofMinutes(40))
                .set("signupClosesAt", start.plusMinutes(30).toString())
                .set("cancelDeadline", start.plusMinutes(30).toString());
        JsonNode event = published(api, townAdmin, spec);
        eventId = event.path("id").asLong();
        sessionId = event.path("sessions").get(0).path("id").asLong();
        base = "/api/v1/organiser/events/" + eventId;
        clock.pin(now);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String resident() {
        String token = Logins.residentToken(api);
        assertThat(api.patch("/api/v1/me", token, ApiClient.json(Map.of("regionCode", VILLAGE))).status())
                .isEqualTo(200);
        return token;
    }

    private String ticketOf(String resident) {
        return api.get("/api/v1/me/signups", resident).json().path("items").get(0).path("ticket").asString();
    }

    private Response scanTicket(String ticket, String purpose) {
        return api.post(base + "/tickets", wechat, ApiClient.json(Map.of("ticket", ticket, "purpose", purpose)));
    }

    @Test
    void theVenueCodeIsALinkThatOpensTheCheckInPageWithALiveCount() {
        Response code = api.get(base + "/sessions/" + sessionId + "/venue-code?purpose=IN", wechat);
        assertThat(code.status()).as(code.toString()).isEqualTo(200);
        String token = code.json().path("token").asString();
        assertThat(code.json().path("url").asString()).isEqualTo("https://kepu.yunxi.gov.cn/checkin?t=" + token);
        assertThat(code.json().path("refreshAfterSeconds").asLong()).isBetween(1L, 30L);
        assertThat(code.json().path("checkedIn").asInt()).isZero();

        String resident = resident();
        assertThat(signup(api, resident, eventId).status()).isEqualTo(201);
        Response in = api.post("/api/v1/checkins", resident, ApiClient.json(Map.of("token", token,
                "latitude", 29.4730, "longitude", 113.2720)));
        assertThat(in.status()).as(in.toString()).isEqualTo(200);
        assertThat(api.get(base + "/sessions/" + sessionId + "/venue-code", wechat).json().path("checkedIn").asInt())
                .isEqualTo(1);
    }

    @Test
    void scanningTicketsSaysWhyOneIsRefused() {
        String ok = resident();
        String cancels = resident();
        String third = resident();
        String waits = resident();
        for (String r : List.of(ok, cancels, third)) {
            assertThat(signup(api, r, eventId).json().path("status").asString()).isEqualTo("CONFIRMED");
        }
        assertThat(signup(api, waits, eventId).json().path("status").asString()).isEqualTo("WAITLISTED");
        String cancelledTicket = ticketOf(cancels);
        long cancelled = api.get("/api/v1/me/signups", cancels).json().path("items").get(0).path("id").asLong();
        assertThat(api.post("/api/v1/signups/" + cancelled + "/cancel", cancels, "").status()).isEqualTo(200);

        Response first = scanTicket(ticketOf(ok), "IN");
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().path("presenceConfirmed").asBoolean()).isTrue();
        assertThat(first.json().path("alreadyRecorded").asBoolean()).isFalse();
        // 已签到
        assertThat(scanTicket(ticketOf(ok), "IN").json().path("alreadyRecorded").asBoolean()).isTrue();
        // 已取消
        Response gone = scanTicket(cancelledTicket, "IN");
        assertProblem(gone, 403, "NOT_SIGNED_UP");
        assertThat(gone.json().path("detail").asString()).contains("已取消");
        // 不是本活动
        String elsewhere = resident();
        long otherEvent = published(api, townAdmin, event()).path("id").asLong();
        assertThat(signup(api, elsewhere, otherEvent).status()).isEqualTo(201);
        Response foreign = scanTicket(ticketOf(elsewhere), "IN");
        assertProblem(foreign, 400, "TICKET_INVALID");
        assertThat(foreign.json().path("detail").asString()).contains("不属于本活动");

        // check-out the same way (within the half hour the test's logins last)
        clock.advance(Duration.ofMinutes(25));
        Response out = scanTicket(ticketOf(ok), "OUT");
        assertThat(out.status()).as(out.toString()).isEqualTo(200);
        assertThat(out.json().path("checkOutMethod").asString()).isEqualTo("TICKET");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM event_attendance WHERE event_id = ?", Integer.class,
                eventId)).isEqualTo(1);
    }

    /** A ticket issued while confirmed, whose seat was then withdrawn (the venue shrank): back on the waitlist. */
    @Test
    void aWaitlistedTicketIsNotConfirmed() {
        String last = null;
        for (int i = 0; i < 3; i++) {
            last = resident();
            assertThat(signup(api, last, eventId).status()).isEqualTo(201);
        }
        String ticket = ticketOf(last);
        Response cut = api.put("/api/admin/v1/events/" + eventId, townAdmin, spec.set("capacity", 2)
                .set("confirmSeatWithdrawal", true).json());
        assertThat(cut.status()).as(cut.toString()).isEqualTo(200);
        Response r = scanTicket(ticket, "IN");
        assertProblem(r, 403, "NOT_SIGNED_UP");
        assertThat(r.json().path("detail").asString()).contains("尚未确认");
    }

    @Test
    void theRosterIsTickedAndWalkInsAreRegisteredAtTheDoorWithTheirEligibilityChecked() {
        // the village is picked from the region tree: required, and it must be one of the district's villages
        Response noRegion = api.post(base + "/walk-ins", wechat, ApiClient.json(Map.of("person",
                Map.of("name", "周大爷", "phone", "13700009991"))));
        assertProblem(noRegion, 400, "VALIDATION_FAILED");
        assertThat(noRegion.json().path("errors").get(0).path("field").asString()).isEqualTo("person.regionCode");
        assertThat(noRegion.json().path("errors").get(0).path("message").asString()).isEqualTo("请选择参加人所在的村（社区）");
        for (String notAVillage : List.of("430603100999", "430603100")) {
            Response unknown = api.post(base + "/walk-ins", wechat, ApiClient.json(Map.of("person",
                    Map.of("name", "周大爷", "phone", "13700009991", "regionCode", notAVillage))));
            assertProblem(unknown, 400, "VALIDATION_FAILED");
            assertThat(unknown.json().path("errors").get(0).path("message").asString())
                    .isEqualTo("所选村（社区）不存在，请从列表中选择");
        }
        // a real village outside the event's towns is still refused on eligibility
        assertProblem(api.post(base + "/walk-ins", wechat, ApiClient.json(Map.of("person",
                Map.of("name", "周大爷", "phone", "13700009991", "regionCode", "430603101201")))), 403, "NOT_ELIGIBLE");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM event_signup WHERE event_id = ?", Integer.class, eventId))
                .isZero();

        Response walkIn = api.post(base + "/walk-ins", wechat, ApiClient.json(Map.of("person",
                Map.of("name", "周大爷", "phone", "13700009991", "regionCode", VILLAGE))));
        assertThat(walkIn.status()).as(walkIn.toString()).isEqualTo(201);
        long signupId = walkIn.json().path("signup").path("id").asLong();
        assertThat(walkIn.json().path("attendance").path("method").asString()).isEqualTo("TICK");
        assertThat(walkIn.json().path("attendance").path("presenceConfirmed").asBoolean()).isTrue();

        // on the roster, with a masked phone to search by
        JsonNode entry = api.get(base + "/roster", wechat).json().path("entries").get(0);
        assertThat(entry.path("signupId").asLong()).isEqualTo(signupId);
        assertThat(entry.path("phone").asString()).doesNotContain("13700009991").contains("*");

        clock.advance(Duration.ofMinutes(25));
        Response out = api.post(base + "/sessions/" + sessionId + "/ticks", wechat,
                ApiClient.json(Map.of("signupId", signupId, "purpose", "OUT")));
        assertThat(out.status()).as(out.toString()).isEqualTo(200);
        assertThat(out.json().path("checkOutMethod").asString()).isEqualTo("TICK");
    }
}
