package cn.yunxi.kepu.staff;

import static cn.yunxi.kepu.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
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
import tools.jackson.databind.JsonNode;

@KepuIntegrationTest
class StaffIT {

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;
    String admin;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        admin = Logins.districtAdminToken(api);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theBootstrapAdminExistsWithABcryptHash() {
        JsonNode me = api.get("/api/admin/v1/me", admin).json();

        assertThat(me.path("role").asString()).isEqualTo("DISTRICT_ADMIN");
        assertThat(me.path("roleLabel").asString()).isEqualTo("区级管理员");
        String hash = jdbc.queryForObject("SELECT password_hash FROM staff_account WHERE username = 'district-admin'",
                String.class);
        assertThat(hash).startsWith("$2");
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountForFifteenMinutes() {
        String username = "lockme" + System.nanoTime() % 100000;
        createStaff(admin, username, "UNIT_ADMIN", unitId("区科协"), "correct-horse-battery").status();

        for (int i = 0; i < 5; i++) {
            assertProblem(login(username, "wrong-password-" + i), 401, "BAD_CREDENTIALS");
        }
        assertProblem(login(username, "correct-horse-battery"), 423, "ACCOUNT_LOCKED");

        clock.advance(Duration.ofMinutes(16));
        Response afterLock = login(username, "correct-horse-battery");
        assertThat(afterLock.status()).as(afterLock.toString()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT failed_login_count FROM staff_account WHERE username = ?",
                Integer.class, username)).isZero();
    }

    @Test
    void unknownUsersAndWrongPasswordsLookAlike() {
        Response unknown = login("nobody-here", "whatever-password");
        Response wrong = login("district-admin", "whatever-password");

        assertProblem(unknown, 401, "BAD_CREDENTIALS");
        assertProblem(wrong, 401, "BAD_CREDENTIALS");
        assertThat(unknown.json().path("detail").asString()).isEqualTo(wrong.json().path("detail").asString());
    }

    @Test
    void rolesScopeWhoCanCreateAndSeeWhom() {
        long kexie = unitId("区科协");
        long jiaoti = unitId("区教体局");
        String unitAdminName = "kexie" + System.nanoTime() % 100000;
        assertThat(createStaff(admin, unitAdminName, "UNIT_ADMIN", kexie, "unit-admin-password").status())
                .isEqualTo(201);
        String unitAdmin = Logins.staff(api, unitAdminName, "unit-admin-password").path("accessToken").asString();

        // A unit admin may add organisers to their own unit, and nothing else.
        Response organiser = createStaff(unitAdmin, "org" + System.nanoTime() % 100000, "ORGANISER", null,
                "organiser-password");
        assertThat(organiser.status()).as(organiser.toString()).isEqualTo(201);
        assertThat(organiser.json().path("unitId").asLong()).isEqualTo(kexie);
        assertProblem(createStaff(unitAdmin, "escalate" + System.nanoTime() % 1000, "UNIT_ADMIN", kexie,
                "another-password"), 403, "ROLE_NOT_ALLOWED");
        assertProblem(createStaff(unitAdmin, "foreign" + System.nanoTime() % 1000, "ORGANISER", jiaoti,
                "another-password"), 403, "ROLE_NOT_ALLOWED");

        // ...and sees only their unit's accounts.
        JsonNode visible = api.get("/api/admin/v1/staff?size=100", unitAdmin).json();
        visible.path("items").forEach(item -> assertThat(item.path("unitId").asLong()).isEqualTo(kexie));

        // An organiser cannot manage accounts at all.
        String organiserToken = Logins.staff(api, organiser.json().path("username").asString(), "organiser-password")
                .path("accessToken").asString();
        assertProblem(api.get("/api/admin/v1/staff", organiserToken), 403, "FORBIDDEN");
    }

    @Test
    void staffInputIsValidated() {
        assertProblem(createStaff(admin, "x", "UNIT_ADMIN", unitId("区科协"), "long-enough-password"), 400,
                "VALIDATION_FAILED");
        assertProblem(createStaff(admin, "shortpw" + System.nanoTime() % 1000, "UNIT_ADMIN", unitId("区科协"), "short"),
                400, "VALIDATION_FAILED");
        assertProblem(createStaff(admin, "nounit" + System.nanoTime() % 1000, "UNIT_ADMIN", null,
                "long-enough-password"), 400, "UNIT_REQUIRED");
        assertProblem(createStaff(admin, "badunit" + System.nanoTime() % 1000, "UNIT_ADMIN", 999999L,
                "long-enough-password"), 400, "UNIT_NOT_FOUND");
        assertProblem(createStaff(admin, "district-admin", "UNIT_ADMIN", unitId("区科协"), "long-enough-password"),
                409, "USERNAME_TAKEN");
    }

    @Test
    void disablingAnAccountEndsItsLoginsAndBlocksNewOnes() {
        String username = "disable" + System.nanoTime() % 100000;
        long id = createStaff(admin, username, "TOWN_ADMIN", unitId("陆城镇"), "town-admin-password")
                .json().path("id").asLong();
        JsonNode login = Logins.staff(api, username, "town-admin-password");

        assertThat(api.post("/api/admin/v1/staff/" + id + "/disable", admin, "{}").status()).isEqualTo(200);

        assertProblem(api.get("/api/admin/v1/me", login.path("accessToken").asString()), 401, "TOKEN_INVALID");
        assertProblem(login(username, "town-admin-password"), 403, "ACCOUNT_DISABLED");
    }

    @Test
    void staffTokensDoNotOpenTheResidentApi() {
        assertProblem(api.get("/api/v1/me", admin), 403, "FORBIDDEN");
    }

    @Test
    void unitsListThePlansResponsibleUnits() {
        JsonNode units = api.get("/api/admin/v1/units", admin).json();

        assertThat(units.size()).isGreaterThanOrEqualTo(25);
        assertThat(units.toString()).contains("区科协", "区教体局", "区农业农村局", "区人社局", "陆城镇",
                "绿色化工高新区管委会");
    }

    private long unitId(String name) {
        return jdbc.queryForObject("SELECT id FROM org_unit WHERE name = ?", Long.class, name);
    }

    private Response createStaff(String token, String username, String role, Long unitId, String password) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("displayName", "测试" + role);
        body.put("role", role);
        body.put("unitId", unitId);
        body.put("password", password);
        return api.post("/api/admin/v1/staff", token, ApiClient.json(body));
    }

    private Response login(String username, String password) {
        return api.post("/api/admin/v1/auth/login", null,
                ApiClient.json(Map.of("username", username, "password", password)),
                Map.of("X-Forwarded-For", Logins.clientAddress()));
    }
}
