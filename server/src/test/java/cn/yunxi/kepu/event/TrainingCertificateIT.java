package cn.yunxi.kepu.event;

import static cn.yunxi.kepu.event.EventFixtures.event;
import static cn.yunxi.kepu.event.EventFixtures.published;
import static cn.yunxi.kepu.event.EventFixtures.signup;
import static cn.yunxi.kepu.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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

/** A resident's certificate for a training attended with credited hours, and its public verification. */
@KepuIntegrationTest
class TrainingCertificateIT {

    static final OffsetDateTime START = LocalDateTime.of(2025, 10, 13, 9, 0).atZone(Zones.SHANGHAI).toOffsetDateTime();

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;
    long eventId;
    long sessionId;
    String townAdmin;

    @BeforeEach
    void setUp() {
        clock.pin(START.minusMinutes(10).toInstant());
        api = new ApiClient(port);
        String admin = Logins.districtAdminToken(api);
        townAdmin = EventFixtures.staffToken(api, admin, "TOWN_ADMIN", EventFixtures.unitId(api, admin, "陆城镇"));
        JsonNode event = published(api, townAdmin, event().set("title", "柑橘栽培技术培训")
                .set("signupOpensAt", START.minusDays(2).toString()).singleSession(START, Duration.ofMinutes(60)));
        eventId = event.path("id").asLong();
        sessionId = event.path("sessions").get(0).path("id").asLong();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private long signUp(String resident) {
        Response r = signup(api, resident, eventId);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    private Response certificate(String resident, long signupId) {
        return api.get("/api/v1/signups/" + signupId + "/certificate", resident);
    }

    @Test
    void attendedWithCreditedHoursTheResidentGetsOneCertificateAnyoneCanVerify() throws Exception {
        JsonNode attendeeLogin = Logins.newResident(api);
        String attendee = attendeeLogin.path("accessToken").asString();
        JsonNode absenteeLogin = Logins.newResident(api);
        long attended = signUp(attendee);
        long absent = signUp(absenteeLogin.path("accessToken").asString());
        clock.pin(START.plusMinutes(5).toInstant()); // bulk check-in (the paper sheet) once the session has started
        assertThat(api.post("/api/admin/v1/events/" + eventId + "/sessions/" + sessionId + "/bulk-checkin", townAdmin,
                ApiClient.json(Map.of("signupIds", List.of(attended)))).status()).isEqualTo(200);

        // before the hours are settled there is nothing to certify
        assertProblem(certificate(attendee, attended), 409, "TRAINING_CERTIFICATE_NOT_EARNED");

        clock.pin(START.plusMinutes(70).toInstant());
        String admin = Logins.districtAdminToken(api);
        assertThat(api.post("/api/admin/v1/events/" + eventId + "/finish", admin, "").status()).isEqualTo(200);
        String attendeeNow = refresh(attendeeLogin);

        // opened twice at once from two phones: one certificate, one number
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Response>> racing = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            racing.add(pool.submit((Callable<Response>) () -> certificate(attendeeNow, attended)));
        }
        List<String> numbers = new ArrayList<>();
        for (Future<Response> f : racing) {
            Response r = f.get();
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            numbers.add(r.json().path("verifyNo").asString());
        }
        pool.shutdown();
        assertThat(numbers).containsOnly(numbers.get(0));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM event_certificate WHERE signup_id = ?", Integer.class,
                attended)).isEqualTo(1);

        JsonNode cert = certificate(attendeeNow, attended).json();
        assertThat(cert.path("verifyNo").asString()).matches("[0-9A-Z]{20}");
        assertThat(cert.path("title").asString()).isEqualTo("培训结业证明");
        assertThat(cert.path("unitName").asString()).isEqualTo("陆城镇");
        assertThat(cert.path("eventTitle").asString()).isEqualTo("柑橘栽培技术培训");
        assertThat(cert.path("hours").decimalValue()).isEqualByComparingTo("1.0");
        assertThat(cert.path("sessions").asInt()).isEqualTo(1);
        assertThat(cert.path("firstDay").asString()).isEqualTo("2025-10-13");
        assertThat(cert.path("issuedAt").asString()).endsWith("+08:00");

        // the public check: no login, the same certificate, the name masked
        Response verified = api.get("/api/v1/training-certificates/" + cert.path("verifyNo").asString().toLowerCase(), null);
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        assertThat(verified.json().path("eventTitle").asString()).isEqualTo("柑橘栽培技术培训");
        assertThat(verified.json().path("holderName").asString()).isEqualTo(cert.path("holderName").asString());
        assertProblem(api.get("/api/v1/training-certificates/AAAAAAAAAAAAAAAAAAAA", null), 404,
                "TRAINING_CERTIFICATE_NOT_FOUND");

        // nobody opens someone else's; who was absent gets none
        assertProblem(certificate(Logins.residentToken(api), attended), 404, "SIGNUP_NOT_FOUND");
        assertProblem(certificate(refresh(absenteeLogin), absent), 409, "TRAINING_CERTIFICATE_NOT_EARNED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM event_certificate WHERE event_id = ?", Integer.class,
                eventId)).isEqualTo(1);
    }

    @Test
    void anAbsentResidentHasNoCertificateAndAnonymousCallersNeedToLogIn() {
        JsonNode login = Logins.newResident(api);
        long signupId = signUp(login.path("accessToken").asString());
        clock.pin(START.plusMinutes(70).toInstant());
        assertThat(api.post("/api/admin/v1/events/" + eventId + "/finish", Logins.districtAdminToken(api), "")
                .status()).isEqualTo(200);
        assertProblem(certificate(refresh(login), signupId), 409, "TRAINING_CERTIFICATE_NOT_EARNED");
        assertThat(certificate(null, signupId).status()).isEqualTo(401);
    }

    private String refresh(JsonNode login) {
        Response r = api.post("/api/v1/auth/refresh", null, ApiClient.json(Map.of("refreshToken",
                login.path("refreshToken").asString())));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("accessToken").asString();
    }
}
