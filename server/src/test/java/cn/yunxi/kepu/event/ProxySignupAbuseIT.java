package cn.yunxi.kepu.event;

import static cn.yunxi.kepu.event.EventFixtures.event;
import static cn.yunxi.kepu.event.EventFixtures.published;
import static cn.yunxi.kepu.event.EventFixtures.signup;
import static cn.yunxi.kepu.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Year;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.ApiClient.Response;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;
import cn.yunxi.kepu.support.WeChatFake;
import tools.jackson.databind.JsonNode;

/** 代报名 can neither fill an event with people it is not for, nor take a place that belongs to someone else. */
@KepuIntegrationTest
class ProxySignupAbuseIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;
    String staff;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        String admin = Logins.districtAdminToken(api);
        staff = EventFixtures.staffToken(api, admin, "UNIT_ADMIN", EventFixtures.unitId(api, admin, "区科协"));
    }

    static String phone() {
        return "138" + String.format("%08d", System.nanoTime() % 100_000_000);
    }

    static String person(String name, String phone, Map<String, Object> declared) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "phone", phone));
        body.putAll(declared);
        return ApiClient.json(body);
    }

    @Test
    void eligibilityIsCheckedOnWhatTheProxierDeclares() {
        int year = Year.now().getValue();
        long eldersOnly = published(api, staff, event().set("eligibleGroups", List.of("ELDERLY"))
                .set("eligibleRegions", List.of("430603100")).set("minAge", 60)).path("id").asLong();
        String cadre = Logins.residentToken(api);
        String path = "/api/v1/events/" + eldersOnly + "/proxy-signups";

        // Nothing declared: cannot be checked, so refused.
        assertProblem(api.post(path, cadre, person("王大爷", phone(), Map.of())), 403, "NOT_ELIGIBLE");
        // Declared, but not who the event is for.
        assertProblem(api.post(path, cadre, person("王小明", phone(), Map.of("populationGroup", "YOUTH",
                "regionCode", "430603100201", "birthYear", year - 15))), 403, "NOT_ELIGIBLE");
        assertProblem(api.post(path, cadre, person("王大爷", phone(), Map.of("populationGroup", "ELDERLY",
                "regionCode", "430603001", "birthYear", year - 70))), 403, "NOT_ELIGIBLE");
        assertProblem(api.post(path, cadre, person("王大爷", phone(), Map.of("populationGroup", "ELDERLY",
                "regionCode", "430603100201", "birthYear", year - 40))), 403, "NOT_ELIGIBLE");
        // An elder of the town: accepted.
        Response ok = api.post(path, cadre, person("王大爷", phone(), Map.of("populationGroup", "ELDERLY",
                "regionCode", "430603100201", "birthYear", year - 70)));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
    }

    @Test
    void aProxySignupNeverTakesOverAnAccountsPlaceWithoutItsConfirmation() {
        long id = published(api, staff, event()).path("id").asLong();
        String phone = phone();
        JsonNode login = Logins.newResident(api);
        String owner = login.path("accessToken").asString();
        WeChatFake.phoneSucceeds("phone-code-" + phone, phone);
        assertThat(api.post("/api/v1/me/phone", owner, ApiClient.json(Map.of("code", "phone-code-" + phone))).status())
                .isEqualTo(200);

        String stranger = Logins.residentToken(api);
        Response proxied = api.post("/api/v1/events/" + id + "/proxy-signups", stranger,
                person("冒名", phone, Map.of("regionCode", "430603100")));
        assertThat(proxied.status()).as(proxied.toString()).isEqualTo(201);
        long proxiedId = proxied.json().path("id").asLong();

        // Not in the owner's signups, and the owner can still sign up themselves.
        assertThat(api.get("/api/v1/me/signups", owner).json().path("total").asLong()).isZero();
        Response own = signup(api, owner, id);
        assertThat(own.status()).as(own.toString()).isEqualTo(201);

        // The owner claims: the stranger's copy merges into the owner's own signup and leaves the stranger's hands.
        Response claimed = api.post("/api/v1/signups/claim", owner, ApiClient.json(Map.of("phone", phone)));
        assertThat(claimed.status()).as(claimed.toString()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT status FROM event_signup WHERE id = ?", String.class, proxiedId))
                .isEqualTo("CANCELLED");
        assertThat(api.get("/api/v1/me/signups", owner).json().path("total").asLong()).isEqualTo(1);

        // A claimed signup belongs to its owner alone: the proxier no longer sees or cancels it.
        long other = published(api, staff, event()).path("id").asLong();
        long second = api.post("/api/v1/events/" + other + "/proxy-signups", stranger,
                person("冒名", phone, Map.of("regionCode", "430603100"))).json().path("id").asLong();
        assertThat(api.post("/api/v1/signups/claim", owner, ApiClient.json(Map.of("phone", phone))).status()).isEqualTo(200);
        assertProblem(api.get("/api/v1/signups/" + second, stranger), 404, "SIGNUP_NOT_FOUND");
        assertProblem(api.post("/api/v1/signups/" + second + "/cancel", stranger, "{}"), 404, "SIGNUP_NOT_FOUND");
    }

    @Test
    void proxySignupsAreCappedPerProxierAndEventAndShownInTheRoster() {
        long id = published(api, staff, event()).path("id").asLong();
        String cadre = Logins.residentToken(api);
        String path = "/api/v1/events/" + id + "/proxy-signups";
        for (int i = 0; i < 10; i++) {
            Response r = api.post(path, cadre, person("村民" + i, phone(), Map.of("regionCode", "430603100")));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
        }
        assertProblem(api.post(path, cadre, person("村民甲", phone(), Map.of("regionCode", "430603100"))), 429,
                "PROXY_SIGNUP_LIMIT");

        JsonNode roster = api.get("/api/admin/v1/events/" + id + "/roster", staff).json();
        JsonNode first = roster.path("entries").get(0);
        assertThat(first.path("proxy").asBoolean()).isTrue();
        assertThat(first.path("proxiedBy").asString()).startsWith("居民");
    }
}
