package cn.yunxi.kepu.event;

import static cn.yunxi.kepu.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.yunxi.kepu.staff.StaffAccountDisabled;
import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.ApiClient.Response;
import cn.yunxi.kepu.support.EventPublications;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;
import cn.yunxi.kepu.support.Pages;

/** A staff member binds their WeChat for the organiser mode, unbinds, loses it when disabled; all on the record. */
@KepuIntegrationTest
class OrganiserBindingIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;
    String admin;
    long luCheng;
    EventFixtures.StaffAccount organiser;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        admin = Logins.districtAdminToken(api);
        luCheng = EventFixtures.unitId(api, admin, "陆城镇");
        organiser = EventFixtures.staffAccount(api, admin, "ORGANISER", luCheng);
    }

    private Response bind(String wechat, EventFixtures.StaffAccount account, String password) {
        return api.post("/api/v1/organiser/binding", wechat, ApiClient.json(Map.of("username", account.username(),
                "password", password)));
    }

    private List<String> endReasons(long staffId) {
        return jdbc.queryForList("SELECT COALESCE(end_reason, 'ACTIVE') FROM organiser_binding WHERE staff_id = ? "
                + "ORDER BY id", String.class, staffId);
    }

    @Test
    void aStaffMemberBindsTheirWeChatOnceWithTheirPasswordAndCanUnbind() {
        String wechat = Logins.residentToken(api);
        assertProblem(api.get("/api/v1/organiser/binding", wechat), 403, "NOT_AN_ORGANISER");
        assertProblem(api.get("/api/v1/organiser/events", wechat), 403, "NOT_AN_ORGANISER");
        // a wrong password answers like a failed console login, and binds nothing
        assertProblem(bind(wechat, organiser, "wrong-password"), 403, "BAD_STAFF_CREDENTIALS");
        assertThat(endReasons(organiser.id())).isEmpty();

        Response bound = bind(wechat, organiser, organiser.password());
        assertThat(bound.status()).as(bound.toString()).isEqualTo(201);
        assertThat(bound.json().path("unitName").asString()).isEqualTo("陆城镇");
        assertThat(bound.json().path("roleLabel").asString()).isEqualTo("活动组织者");
        assertThat(bound.body()).doesNotContain(organiser.password());
        assertThat(api.get("/api/v1/organiser/binding", wechat).json().path("staffId").asLong())
                .isEqualTo(organiser.id());

        // the events it may run: its unit's, never another unit's
        String townAdmin = EventFixtures.staffToken(api, admin, "TOWN_ADMIN", luCheng);
        long ours = EventFixtures.published(api, townAdmin, EventFixtures.event()).path("id").asLong();
        String otherUnit = EventFixtures.staffToken(api, admin, "UNIT_ADMIN", EventFixtures.unitId(api, admin, "区科协"));
        long theirs = EventFixtures.published(api, otherUnit, EventFixtures.event()).path("id").asLong();
        List<Long> listed = Pages.all(api, "/api/v1/organiser/events", wechat).stream()
                .map(e -> e.path("id").asLong()).toList();
        assertThat(listed).contains(ours).doesNotContain(theirs);
        assertProblem(api.get("/api/v1/organiser/events/" + theirs + "/roster", wechat), 404, "EVENT_NOT_FOUND");

        assertThat(api.delete("/api/v1/organiser/binding", wechat).status()).isEqualTo(204);
        assertProblem(api.get("/api/v1/organiser/events/" + ours, wechat), 403, "NOT_AN_ORGANISER");
        assertProblem(api.delete("/api/v1/organiser/binding", wechat), 403, "NOT_AN_ORGANISER");
        assertThat(endReasons(organiser.id())).containsExactly("UNBOUND");
    }

    @Test
    void bindingAnotherWeChatReplacesTheFirstOnTheRecord() {
        String oldPhone = Logins.residentToken(api);
        String newPhone = Logins.residentToken(api);
        assertThat(bind(oldPhone, organiser, organiser.password()).status()).isEqualTo(201);
        assertThat(bind(newPhone, organiser, organiser.password()).status()).isEqualTo(201);

        assertProblem(api.get("/api/v1/organiser/events", oldPhone), 403, "NOT_AN_ORGANISER");
        assertThat(api.get("/api/v1/organiser/events", newPhone).status()).isEqualTo(200);
        assertThat(endReasons(organiser.id())).containsExactly("REPLACED", "ACTIVE");
        // the database allows one active binding per account
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM organiser_binding WHERE active_staff_id = ?",
                Integer.class, organiser.id())).isEqualTo(1);
    }

    @Test
    void disablingTheStaffAccountEndsItsBinding() {
        String wechat = Logins.residentToken(api);
        assertThat(bind(wechat, organiser, organiser.password()).status()).isEqualTo(201);
        assertThat(api.post("/api/admin/v1/staff/" + organiser.id() + "/disable", admin, "").status()).isEqualTo(200);

        // refused at once, before the event has even been handled
        assertProblem(api.get("/api/v1/organiser/events", wechat), 403, "NOT_AN_ORGANISER");
        EventPublications.awaitCompleted(jdbc, StaffAccountDisabled.class);
        assertThat(endReasons(organiser.id())).containsExactly("STAFF_DISABLED");
        // enabling the account again revives no binding, and a disabled account cannot bind
        assertThat(api.post("/api/admin/v1/staff/" + organiser.id() + "/enable", admin, "").status()).isEqualTo(200);
        assertProblem(api.get("/api/v1/organiser/events", wechat), 403, "NOT_AN_ORGANISER");
        EventFixtures.StaffAccount other = EventFixtures.staffAccount(api, admin, "ORGANISER", luCheng);
        assertThat(api.post("/api/admin/v1/staff/" + other.id() + "/disable", admin, "").status()).isEqualTo(200);
        assertProblem(bind(Logins.residentToken(api), other, other.password()), 403, "BAD_STAFF_CREDENTIALS");
    }

    @Test
    void aStaffTokenIsNotAWeChatAndCannotBind() {
        String staffToken = Logins.staff(api, organiser.username(), organiser.password()).path("accessToken").asString();
        Response r = bind(staffToken, organiser, organiser.password());
        assertThat(r.status()).as(r.toString()).isIn(401, 403);
        assertThat(endReasons(organiser.id())).isEmpty();
    }
}
