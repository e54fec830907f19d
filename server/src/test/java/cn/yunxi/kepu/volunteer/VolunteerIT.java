package cn.yunxi.kepu.volunteer;

import static cn.yunxi.kepu.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
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
import cn.yunxi.kepu.support.Pages;
import tools.jackson.databind.JsonNode;

@KepuIntegrationTest
class VolunteerIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;

    ApiClient api;
    String admin;
    String village;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        admin = Logins.districtAdminToken(api);
        village = jdbc.queryForObject("SELECT code FROM region WHERE level = 'VILLAGE' AND parent_code = '430603100' "
                + "ORDER BY code LIMIT 1", String.class);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Response register(String resident, String name) {
        return api.post("/api/v1/volunteers/me", resident, ApiClient.json(Map.of("realName", name,
                "skills", List.of("农技推广", "智能手机教学"), "regionCode", village, "availability", "周末")));
    }

    private long unit(String name) {
        for (JsonNode u : api.get("/api/admin/v1/units", admin).json()) {
            if (u.path("name").asString().equals(name)) {
                return u.path("id").asLong();
            }
        }
        throw new IllegalArgumentException(name);
    }

    private String staff(String role, String unitName) {
        String username = "v" + role.substring(0, 2).toLowerCase() + System.nanoTime() % 100_000_000;
        Response created = api.post("/api/admin/v1/staff", admin, ApiClient.json(Map.of("username", username,
                "displayName", "志愿审核", "role", role, "unitId", unit(unitName), "password", "pw-" + username + "-x")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return Logins.staff(api, username, "pw-" + username + "-x").path("accessToken").asString();
    }

    @Test
    void residentsApplyAndTheirTownOrTheDistrictReviews() {
        String resident = Logins.residentToken(api);
        Response applied = register(resident, "周志愿");
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        assertThat(applied.json().path("status").asString()).isEqualTo("PENDING");
        assertThat(applied.json().path("name").asString()).isEqualTo("周志愿");
        assertProblem(register(resident, "周志愿"), 409, "ALREADY_REGISTERED");
        long id = applied.json().path("id").asLong();

        String otherTown = staff("TOWN_ADMIN", "路口镇");
        assertProblem(api.post("/api/admin/v1/volunteers/" + id + "/approve", otherTown, "{}"), 404, "VOLUNTEER_NOT_FOUND");
        String ownTown = staff("TOWN_ADMIN", "陆城镇");
        List<JsonNode> listed = Pages.all(api, "/api/admin/v1/volunteers?status=PENDING", ownTown);
        assertThat(listed.stream().filter(v -> v.path("id").asLong() == id).findFirst().orElseThrow()
                .path("name").asString()).isEqualTo("周**");
        assertThat(Pages.ids(api, "/api/admin/v1/volunteers", otherTown)).doesNotContain(id);
        assertProblem(api.get("/api/admin/v1/volunteers", staff("UNIT_ADMIN", "区科协")), 403, "FORBIDDEN");

        assertProblem(api.post("/api/admin/v1/volunteers/" + id + "/reject", ownTown, "{\"note\":\" \"}"), 422,
                "REJECT_REASON_REQUIRED");
        Response approved = api.post("/api/admin/v1/volunteers/" + id + "/approve", ownTown, "{\"note\":\"同意\"}");
        assertThat(approved.json().path("status").asString()).isEqualTo("APPROVED");
        assertProblem(api.post("/api/admin/v1/volunteers/" + id + "/reject", admin, "{}"), 409, "NOT_PENDING");

        // Approved, nothing served yet: the certificate has no service days rather than made-up ones.
        JsonNode certificate = api.get("/api/v1/volunteers/me/certificate", resident).json();
        assertThat(certificate.path("serviceCount").asInt()).isZero();
        assertThat(certificate.path("firstServedOn").isNull()).as(certificate.toString()).isTrue();
        assertThat(certificate.path("lastServedOn").isNull()).as(certificate.toString()).isTrue();
    }

    @Test
    void volunteerServiceEventsCreditServiceHoursToApprovedVolunteers() throws Exception {
        String volunteer = Logins.residentToken(api);
        long id = register(volunteer, "陈服务").json().path("id").asLong();
        api.post("/api/admin/v1/volunteers/" + id + "/approve", admin, "{}");
        String notVolunteer = Logins.residentToken(api);

        Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        OffsetDateTime start = base.atZone(Zones.SHANGHAI).toOffsetDateTime().minusMinutes(1);
        Map<String, Object> event = new java.util.HashMap<>(Map.of("kind", "VOLUNTEER_SERVICE",
                "title", "科普日志愿服务", "venueName", "云溪区科技馆", "organiserUnitId", unit("区科协"),
                "signupOpensAt", start.minusHours(2).toString(), "signupClosesAt", start.plusMinutes(20).toString(),
                "capacity", 20, "volunteersOnly", true,
                "sessions", List.of(Map.of("startsAt", start.toString(), "endsAt", start.plusMinutes(40).toString(),
                        "hours", 3))));
        JsonNode created = api.post("/api/admin/v1/events", admin, ApiClient.json(event)).json();
        long eventId = created.path("id").asLong();
        long sessionId = created.path("sessions").get(0).path("id").asLong();
        api.post("/api/admin/v1/events/" + eventId + "/publish", admin, "");

        assertProblem(api.post("/api/v1/events/" + eventId + "/signups", notVolunteer, "{}"), 403, "NOT_A_VOLUNTEER");
        Response signup = api.post("/api/v1/events/" + eventId + "/signups", volunteer, "{}");
        assertThat(signup.status()).as(signup.toString()).isEqualTo(201);

        clock.pin(base);
        String token = api.get("/api/admin/v1/events/" + eventId + "/sessions/" + sessionId + "/checkin-token", admin)
                .json().path("token").asString();
        assertThat(api.post("/api/v1/checkins", volunteer, ApiClient.json(Map.of("token", token))).status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(45));
        String admin2 = Logins.districtAdminToken(api);
        // the venue has no coordinates, so the organiser vouches that the volunteer served to the end
        long signupId = signup.json().path("id").asLong();
        Response confirmed = api.post("/api/admin/v1/events/" + eventId + "/sessions/" + sessionId
                + "/end-confirmation", admin2, ApiClient.json(Map.of("signupIds", List.of(signupId))));
        assertThat(confirmed.json().path("recorded").asInt()).as(confirmed.toString()).isEqualTo(1);
        assertThat(api.post("/api/admin/v1/events/" + eventId + "/finish", admin2, "").status()).isEqualTo(200);

        BigDecimal hours = BigDecimal.ZERO;
        for (int i = 0; i < 100 && hours.signum() == 0; i++) {
            hours = jdbc.queryForObject("SELECT total_hours FROM volunteer WHERE id = ?", BigDecimal.class, id);
            Thread.sleep(100);
        }
        assertThat(hours).isEqualByComparingTo("3");
        clock.reset();
        String fresh = volunteer;
        JsonNode services = api.get("/api/v1/volunteers/me/services", fresh).json();
        assertThat(services.path("total").asLong()).isEqualTo(1);
        assertThat(services.path("items").get(0).path("eventTitle").asString()).isEqualTo("科普日志愿服务");
        JsonNode certificate = api.get("/api/v1/volunteers/me/certificate", fresh).json();
        assertThat(certificate.path("name").asString()).isEqualTo("陈服务");
        assertThat(certificate.path("serviceCount").asInt()).isEqualTo(1);
        assertThat(certificate.path("certificateNo").asString()).startsWith("YXKJZY-");
        assertThat(certificate.path("statement").asString()).contains("3 小时");
    }
}
