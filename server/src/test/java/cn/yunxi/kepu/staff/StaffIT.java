package cn.yunxi.kepu.staff;

import static cn.yunxi.kepu.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
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
import cn.yunxi.kepu.support.TestEnginesInitializer;
import cn.yunxi.kepu.support.MutableClock;
import cn.yunxi.kepu.support.Pages;
import cn.yunxi.kepu.support.TestEnginesInitializer;
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

    /**
     * Someone guessing from one address is slowed down (with backoff) without locking the owner out: the owner,
     * from their own address, still logs in and is told how many failed attempts there were.
     */
    @Test
    void guessingFromOneAddressSlowsThatAddressAndNeverLocksTheOwnerOut() {
        String username = "guessme" + System.nanoTime() % 100000;
        createStaff(admin, username, "UNIT_ADMIN", unitId("区科协"), "correct-horse-battery");
        String attacker = Logins.clientAddress();
        for (int i = 0; i < 5; i++) {
            assertProblem(login(username, "wrong-password-" + i, attacker), 401, "BAD_CREDENTIALS");
        }
        // From the attacker's address even the right password is now refused, looking like any failure...
        Response throttled = login(username, "correct-horse-battery", attacker);
        assertProblem(throttled, 401, "BAD_CREDENTIALS");
        // ...while the owner, from elsewhere, gets in and learns of the six failures since their last login.
        Response owner = login(username, "correct-horse-battery");
        assertThat(owner.status()).as(owner.toString()).isEqualTo(200);
        assertThat(owner.json().path("failedLoginsSinceLastLogin").asInt()).isEqualTo(6);
        Response again = login(username, "correct-horse-battery");
        assertThat(again.json().path("failedLoginsSinceLastLogin").asInt()).isZero();

        // The backoff runs out on its own (and grows with every failure made while it lasts).
        clock.advance(Duration.ofMinutes(16));
        Response later = login(username, "correct-horse-battery", attacker);
        assertThat(later.status()).as(later.toString()).isEqualTo(200);
    }

    /** One address trying many usernames is slowed down as a whole. */
    @Test
    void oneAddressTryingManyUsernamesIsSlowedDown() {
        String username = "sprayed" + System.nanoTime() % 100000;
        createStaff(admin, username, "UNIT_ADMIN", unitId("区科协"), "correct-horse-battery");
        String sprayer = Logins.clientAddress();
        for (int i = 0; i < 20; i++) {
            assertProblem(login("user" + i + "-" + System.nanoTime() % 10000, "guess-password", sprayer), 401,
                    "BAD_CREDENTIALS");
        }
        assertProblem(login(username, "correct-horse-battery", sprayer), 401, "BAD_CREDENTIALS");
        assertThat(login(username, "correct-horse-battery").status()).isEqualTo(200);
    }

    /** Unknown, throttled, disabled and wrong password: the same status and the same body. */
    @Test
    void everyLoginFailureLooksTheSame() {
        String disabled = "gone" + System.nanoTime() % 100000;
        long id = createStaff(admin, disabled, "UNIT_ADMIN", unitId("区科协"), "correct-horse-battery").json()
                .path("id").asLong();
        assertThat(api.post("/api/admin/v1/staff/" + id + "/disable", admin, "{}").status()).isEqualTo(200);
        String throttledAddress = Logins.clientAddress();
        for (int i = 0; i < 5; i++) {
            login(TestEnginesInitializer.BOOTSTRAP_ADMIN, "wrong-" + i, throttledAddress);
        }
        List<Response> failures = List.of(
                login("nobody-here", "whatever-password"),
                login(TestEnginesInitializer.BOOTSTRAP_ADMIN, "whatever-password"),
                login(disabled, "correct-horse-battery"),
                login(TestEnginesInitializer.BOOTSTRAP_ADMIN, TestEnginesInitializer.BOOTSTRAP_PASSWORD, throttledAddress));
        for (Response r : failures) {
            assertProblem(r, 401, "BAD_CREDENTIALS");
            assertThat(r.json().path("detail").asString()).isEqualTo(failures.get(0).json().path("detail").asString());
            assertThat(r.json().path("title").asString()).isEqualTo(failures.get(0).json().path("title").asString());
        }
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
        List<JsonNode> visible = Pages.all(api, "/api/admin/v1/staff", unitAdmin);
        assertThat(visible).extracting(item -> item.path("username").asString()).contains(unitAdminName,
                organiser.json().path("username").asString());
        assertThat(visible).allSatisfy(item -> assertThat(item.path("unitId").asLong()).isEqualTo(kexie));

        // An organiser cannot manage accounts at all.
        String organiserToken = Logins.staff(api, organiser.json().path("username").asString(), "organiser-password")
                .path("accessToken").asString();
        assertProblem(api.get("/api/admin/v1/staff", organiserToken), 403, "FORBIDDEN");
    }

    @Test
    void theStaffListFiltersByRoleUnitStatusAndKeywordWithinTheCallersScope() {
        long kexie = unitId("区科协");
        long jiaoti = unitId("区教体局");
        String tag = "flt" + System.nanoTime() % 1000000;
        long kexieOrganiser = createStaff(admin, tag + "a", "ORGANISER", kexie, "organiser-password").json()
                .path("id").asLong();
        createStaff(admin, tag + "b", "UNIT_ADMIN", kexie, "unit-admin-password");
        createStaff(admin, tag + "c", "ORGANISER", jiaoti, "organiser-password");
        assertThat(api.post("/api/admin/v1/staff/" + kexieOrganiser + "/disable", admin, "").status()).isEqualTo(200);

        assertThat(usernames("?keyword=" + tag, admin)).containsExactlyInAnyOrder(tag + "a", tag + "b", tag + "c");
        assertThat(usernames("?keyword=" + tag + "&role=ORGANISER", admin)).containsExactlyInAnyOrder(tag + "a", tag + "c");
        assertThat(usernames("?keyword=" + tag + "&unitId=" + kexie, admin)).containsExactlyInAnyOrder(tag + "a", tag + "b");
        assertThat(usernames("?keyword=" + tag + "&status=DISABLED", admin)).containsExactly(tag + "a");
        assertThat(usernames("?keyword=" + tag + "&status=ACTIVE&role=ORGANISER", admin)).containsExactly(tag + "c");
        // the display name matches too
        assertThat(usernames("?keyword=" + tag + "&role=UNIT_ADMIN", admin)).containsExactly(tag + "b");

        // a unit admin asking for another unit still sees only their own
        String unitAdmin = Logins.staff(api, tag + "b", "unit-admin-password").path("accessToken").asString();
        assertThat(usernames("?keyword=" + tag + "&unitId=" + jiaoti, unitAdmin)).containsExactlyInAnyOrder(tag + "a", tag + "b");

        assertProblem(api.get("/api/admin/v1/staff?role=KING", admin), 400, "VALIDATION_FAILED");
        assertProblem(api.get("/api/admin/v1/staff?status=GONE", admin), 400, "VALIDATION_FAILED");
    }

    private List<String> usernames(String query, String token) {
        Response page = api.get("/api/admin/v1/staff" + query + "&size=100", token);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.json().path("items").findValuesAsString("username");
    }

    /** BCrypt reads at most 72 bytes: a longer password is refused with a clear 400 wherever one is set. */
    @Test
    void aPasswordOverSeventyTwoBytesIsRefusedWhereverOneIsSet() {
        String chinese = "科学素质".repeat(10); // 40 characters, 120 bytes in UTF-8
        String username = "longpw" + System.nanoTime() % 100000;
        assertProblem(createStaff(admin, username, "UNIT_ADMIN", unitId("区科协"), chinese), 400, "PASSWORD_TOO_LONG");
        assertThat(createStaff(admin, username, "UNIT_ADMIN", unitId("区科协"), "correct-horse-battery").status())
                .isEqualTo(201);
        String token = Logins.staff(api, username, "correct-horse-battery").path("accessToken").asString();
        assertProblem(api.post("/api/admin/v1/me/password", token, ApiClient.json(Map.of(
                "oldPassword", "correct-horse-battery", "newPassword", chinese))), 400, "PASSWORD_TOO_LONG");
        // 72 bytes exactly is fine (24 characters of 3 bytes each)
        assertThat(api.post("/api/admin/v1/me/password", token, ApiClient.json(Map.of(
                "oldPassword", "correct-horse-battery", "newPassword", "科学素质".repeat(6)))).status()).isEqualTo(204);
        // and a too-long password typed at login is simply wrong, never a server error
        assertProblem(login(username, chinese + chinese), 401, "BAD_CREDENTIALS");
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
        assertProblem(login(username, "town-admin-password"), 401, "BAD_CREDENTIALS");
    }

    @Test
    void aPasswordSomeoneElseChoseMustBeChangedAtTheNextLogin() {
        assertThat(Logins.staff(api, TestEnginesInitializer.BOOTSTRAP_ADMIN, TestEnginesInitializer.BOOTSTRAP_PASSWORD).path("staff")
                .path("mustChangePassword").asBoolean()).as("the bootstrap admin's password came from the environment")
                .isTrue();
        String username = "newcomer" + System.nanoTime() % 100000;
        createStaff(admin, username, "UNIT_ADMIN", unitId("区科协"), "initial-password-1");
        JsonNode first = Logins.staff(api, username, "initial-password-1");
        assertThat(first.path("staff").path("mustChangePassword").asBoolean()).isTrue();
        String token = first.path("accessToken").asString();

        assertProblem(api.post("/api/admin/v1/me/password", token, ApiClient.json(Map.of(
                "oldPassword", "initial-password-1", "newPassword", "initial-password-1"))), 400, "PASSWORD_UNCHANGED");
        assertProblem(api.post("/api/admin/v1/me/password", token, ApiClient.json(Map.of(
                "oldPassword", "not-the-password", "newPassword", "my-own-password-1"))), 400, "WRONG_PASSWORD");
        assertThat(api.post("/api/admin/v1/me/password", token, ApiClient.json(Map.of(
                "oldPassword", "initial-password-1", "newPassword", "my-own-password-1"))).status()).isEqualTo(204);

        assertThat(Logins.staff(api, username, "my-own-password-1").path("staff").path("mustChangePassword")
                .asBoolean()).isFalse();
    }

    @Test
    void anAdminResetsALostPasswordWhichEndsTheOldLoginsAndMustBeChanged() {
        String username = "forgetful" + System.nanoTime() % 100000;
        long id = createStaff(admin, username, "TOWN_ADMIN", unitId("陆城镇"), "initial-password-2")
                .json().path("id").asLong();
        JsonNode login = Logins.staff(api, username, "initial-password-2");
        String token = login.path("accessToken").asString();
        api.post("/api/admin/v1/me/password", token, ApiClient.json(Map.of(
                "oldPassword", "initial-password-2", "newPassword", "my-own-password-2")));

        Response reset = api.post("/api/admin/v1/staff/" + id + "/reset-password", admin,
                ApiClient.json(Map.of("password", "reset-password-22")));

        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
        assertThat(reset.json().path("mustChangePassword").asBoolean()).isTrue();
        assertProblem(login(username, "my-own-password-2"), 401, "BAD_CREDENTIALS");
        assertThat(Logins.staff(api, username, "reset-password-22").path("staff").path("mustChangePassword")
                .asBoolean()).isTrue();
        assertProblem(api.post("/api/admin/v1/staff/" + id + "/reset-password", admin,
                ApiClient.json(Map.of("password", "short"))), 400, "VALIDATION_FAILED");
        String organiserOfAnotherUnit = "other" + System.nanoTime() % 100000;
        long otherId = createStaff(admin, organiserOfAnotherUnit, "ORGANISER", unitId("区科协"), "initial-password-3")
                .json().path("id").asLong();
        String townAdmin = Logins.staff(api, username, "reset-password-22").path("accessToken").asString();
        assertProblem(api.post("/api/admin/v1/staff/" + otherId + "/reset-password", townAdmin,
                ApiClient.json(Map.of("password", "reset-password-33"))), 404, "STAFF_NOT_FOUND");
    }

    @Test
    void theDistrictChangesSomeonesRoleAndUnitWhichEndsTheirLoginsButNotTheirOwn() {
        String username = "moved" + System.nanoTime() % 100000;
        long id = createStaff(admin, username, "ORGANISER", unitId("区科协"), "initial-password-4")
                .json().path("id").asLong();
        String oldToken = Logins.staff(api, username, "initial-password-4").path("accessToken").asString();

        Response moved = api.put("/api/admin/v1/staff/" + id, admin, ApiClient.json(Map.of(
                "displayName", "调任的人", "role", "TOWN_ADMIN", "unitId", unitId("陆城镇"))));

        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json().path("role").asString()).isEqualTo("TOWN_ADMIN");
        assertThat(moved.json().path("unitName").asString()).isEqualTo("陆城镇");
        assertThat(moved.json().path("displayName").asString()).isEqualTo("调任的人");
        assertThat(api.get("/api/admin/v1/me", oldToken).status()).as("the old role's token is over").isEqualTo(401);
        assertThat(Logins.staff(api, username, "initial-password-4").path("staff").path("role").asString())
                .isEqualTo("TOWN_ADMIN");

        assertProblem(api.put("/api/admin/v1/staff/" + id, admin, ApiClient.json(Map.of(
                "displayName", "调任的人", "role", "UNIT_ADMIN"))), 400, "UNIT_REQUIRED");
        long self = api.get("/api/admin/v1/me", admin).json().path("id").asLong();
        assertProblem(api.put("/api/admin/v1/staff/" + self, admin, ApiClient.json(Map.of(
                "displayName", "我", "role", "UNIT_ADMIN", "unitId", unitId("区科协")))), 400, "CHANGE_OWN_ROLE");
        assertProblem(api.post("/api/admin/v1/staff/" + self + "/disable", admin, "{}"), 400, "DISABLE_SELF");
        String townToken = Logins.staff(api, username, "initial-password-4").path("accessToken").asString();
        assertProblem(api.put("/api/admin/v1/staff/" + id, townToken, ApiClient.json(Map.of(
                "displayName", "x", "role", "DISTRICT_ADMIN"))), 403, "FORBIDDEN");
    }

    @Test
    void refreshRotatesTheStaffLoginAndLogoutEndsOnlyThatLogin() {
        String username = "sess" + System.nanoTime() % 100000;
        List<JsonNode> devices = twoDevices(username, "UNIT_ADMIN", "区科协", "session-password-1");
        JsonNode laptop = devices.get(0);
        JsonNode office = devices.get(1);

        Response rotated = refresh(laptop.path("refreshToken").asString());
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        assertThat(rotated.json().path("staff").path("username").asString()).isEqualTo(username);
        assertThat(rotated.json().path("refreshToken").asString()).isNotEqualTo(laptop.path("refreshToken").asString());
        String access = rotated.json().path("accessToken").asString();
        assertThat(api.get("/api/admin/v1/me", access).json().path("username").asString()).isEqualTo(username);

        Response logout = api.post("/api/admin/v1/auth/logout", null,
                ApiClient.json(Map.of("refreshToken", rotated.json().path("refreshToken").asString())));
        assertThat(logout.status()).isEqualTo(204);
        assertProblem(api.get("/api/admin/v1/me", access), 401, "TOKEN_INVALID");
        assertProblem(refresh(rotated.json().path("refreshToken").asString()), 401, "REFRESH_TOKEN_INVALID");
        // logging out twice, or with a token nobody issued, is not an error
        assertThat(api.post("/api/admin/v1/auth/logout", null,
                ApiClient.json(Map.of("refreshToken", "never-issued"))).status()).isEqualTo(204);
        // the other login of the same account goes on
        assertThat(api.get("/api/admin/v1/me", office.path("accessToken").asString()).status()).isEqualTo(200);
        assertThat(refresh(office.path("refreshToken").asString()).status()).isEqualTo(200);
    }

    @Test
    void aStaffRefreshTokenPresentedTwiceEndsTheLogin() {
        JsonNode login = Logins.staff(api, TestEnginesInitializer.BOOTSTRAP_ADMIN, TestEnginesInitializer.BOOTSTRAP_PASSWORD);
        Response rotated = refresh(login.path("refreshToken").asString());
        assertThat(rotated.status()).isEqualTo(200);

        assertProblem(refresh(login.path("refreshToken").asString()), 401, "REFRESH_TOKEN_REUSED");
        assertProblem(refresh(rotated.json().path("refreshToken").asString()), 401, "REFRESH_TOKEN_INVALID");
        assertProblem(api.get("/api/admin/v1/me", rotated.json().path("accessToken").asString()), 401, "TOKEN_INVALID");
    }

    @Test
    void changingThePasswordNeedsTheOldOneAndEndsEveryLogin() {
        String username = "pwd" + System.nanoTime() % 100000;
        List<JsonNode> devices = twoDevices(username, "TOWN_ADMIN", "路口镇", "old-password-123");
        JsonNode here = devices.get(0);
        JsonNode elsewhere = devices.get(1);
        String token = here.path("accessToken").asString();

        assertProblem(changePassword(token, "not-the-old-one", "new-password-456"), 400, "WRONG_PASSWORD");
        assertProblem(changePassword(token, "old-password-123", "short"), 400, "VALIDATION_FAILED");
        // neither changed anything: the old password and both logins still work
        assertThat(login(username, "old-password-123").status()).isEqualTo(200);
        assertThat(api.get("/api/admin/v1/me", elsewhere.path("accessToken").asString()).status()).isEqualTo(200);

        Response changed = changePassword(token, "old-password-123", "new-password-456");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(204);

        assertProblem(login(username, "old-password-123"), 401, "BAD_CREDENTIALS");
        assertThat(login(username, "new-password-456").status()).isEqualTo(200);
        for (JsonNode device : List.of(here, elsewhere)) {
            assertProblem(api.get("/api/admin/v1/me", device.path("accessToken").asString()), 401, "TOKEN_INVALID");
            assertProblem(refresh(device.path("refreshToken").asString()), 401, "REFRESH_TOKEN_INVALID");
        }
    }

    @Test
    void enablingADisabledAccountLetsItLogInAgainButRevivesNoOldLogin() {
        String username = "enable" + System.nanoTime() % 100000;
        long id = createStaff(admin, username, "UNIT_ADMIN", unitId("区教体局"), "enable-password-1")
                .json().path("id").asLong();
        JsonNode before = Logins.staff(api, username, "enable-password-1");

        assertThat(api.post("/api/admin/v1/staff/" + id + "/disable", admin, "{}").json().path("status").asString())
                .isEqualTo("DISABLED");
        assertProblem(refresh(before.path("refreshToken").asString()), 401, "REFRESH_TOKEN_INVALID");
        // a disabled account's login fails like any other (nothing tells a guesser the account exists)
        assertProblem(login(username, "enable-password-1"), 401, "BAD_CREDENTIALS");

        Response enabled = api.post("/api/admin/v1/staff/" + id + "/enable", admin, "{}");
        assertThat(enabled.status()).as(enabled.toString()).isEqualTo(200);
        assertThat(enabled.json().path("status").asString()).isEqualTo("ACTIVE");
        Response after = login(username, "enable-password-1");
        assertThat(after.status()).as(after.toString()).isEqualTo(200);
        assertThat(api.get("/api/admin/v1/me", after.json().path("accessToken").asString()).status()).isEqualTo(200);
        assertProblem(refresh(before.path("refreshToken").asString()), 401, "REFRESH_TOKEN_INVALID");
        assertProblem(api.get("/api/admin/v1/me", before.path("accessToken").asString()), 401, "TOKEN_INVALID");
        // only those who manage the account may disable or enable it
        String otherUnit = "other" + System.nanoTime() % 100000;
        createStaff(admin, otherUnit, "UNIT_ADMIN", unitId("区科协"), "other-unit-password");
        String stranger = Logins.staff(api, otherUnit, "other-unit-password").path("accessToken").asString();
        assertProblem(api.post("/api/admin/v1/staff/" + id + "/disable", stranger, "{}"), 404, "STAFF_NOT_FOUND");
        assertThat(api.get("/api/admin/v1/me", after.json().path("accessToken").asString()).status()).isEqualTo(200);
    }

    /**
     * An account disabled while one of its logins refreshes (the disable commits between the token check and the
     * account check, here made by changing the row directly): the refresh is refused and that login ends too.
     */
    @Test
    void aDisabledAccountCannotRefreshEvenWithALiveLogin() {
        String username = "live" + System.nanoTime() % 100000;
        long id = createStaff(admin, username, "ORGANISER", unitId("区科协"), "live-password-12")
                .json().path("id").asLong();
        JsonNode login = Logins.staff(api, username, "live-password-12");
        jdbc.update("UPDATE staff_account SET status = 'DISABLED' WHERE id = ?", id);

        assertProblem(refresh(login.path("refreshToken").asString()), 403, "ACCOUNT_DISABLED");
        assertProblem(api.get("/api/admin/v1/me", login.path("accessToken").asString()), 401, "TOKEN_INVALID");
        jdbc.update("UPDATE staff_account SET status = 'ACTIVE' WHERE id = ?", id);
        assertProblem(refresh(login.path("refreshToken").asString()), 401, "REFRESH_TOKEN_INVALID");
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

    /** A new account, logged in on two devices. */
    private List<JsonNode> twoDevices(String username, String role, String unit, String password) {
        createStaff(admin, username, role, unitId(unit), password);
        return List.of(Logins.staff(api, username, password), Logins.staff(api, username, password));
    }

    private Response refresh(String refreshToken) {
        return api.post("/api/admin/v1/auth/refresh", null, ApiClient.json(Map.of("refreshToken", refreshToken)));
    }

    private Response changePassword(String token, String oldPassword, String newPassword) {
        return api.post("/api/admin/v1/me/password", token,
                ApiClient.json(Map.of("oldPassword", oldPassword, "newPassword", newPassword)));
    }

    private Response login(String username, String password) {
        return login(username, password, Logins.clientAddress());
    }

    private Response login(String username, String password, String address) {
        return api.post("/api/admin/v1/auth/login", null,
                ApiClient.json(Map.of("username", username, "password", password)),
                Map.of("X-Forwarded-For", address));
    }
}
