package cn.yunxi.kepu.officer;

import static cn.yunxi.kepu.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import cn.yunxi.kepu.common.participation.ParticipationKind;
import cn.yunxi.kepu.common.participation.ParticipationRecorded;
import cn.yunxi.kepu.resident.ResidentDeleted;
import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.ApiClient.Response;
import cn.yunxi.kepu.support.EventPublications;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;
import cn.yunxi.kepu.support.MutableClock;
import cn.yunxi.kepu.support.Pages;
import cn.yunxi.kepu.support.Participations;
import tools.jackson.databind.JsonNode;

/** 科普信息员 and 科普宣传员: application, town approval, activity, coverage of villages, reach. */
@KepuIntegrationTest
class OfficersIT {

    static final Instant MID_2025 = Instant.parse("2025-06-15T02:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    OfficerActivityService activities;

    ApiClient api;

    @BeforeEach
    void setUp() {
        clock.pin(MID_2025);
        api = new ApiClient(port);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String townAdmin(String admin, String townUnitCode) {
        String username = "town" + System.nanoTime() % 1_000_000;
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("displayName", "镇街管理员");
        body.put("role", "TOWN_ADMIN");
        body.put("unitId", jdbc.queryForObject("SELECT id FROM org_unit WHERE code = ?", Long.class, townUnitCode));
        body.put("password", "town-admin-password");
        assertThat(api.post("/api/admin/v1/staff", admin, ApiClient.json(body)).status()).isEqualTo(201);
        return Logins.staff(api, username, "town-admin-password").path("accessToken").asString();
    }

    private Response apply(String token, String role, String region) {
        return api.post("/api/v1/officers/applications", token, ApiClient.json(Map.of("role", role,
                "regionCode", region, "realName", "张三丰", "phone", "13800001234", "motivation", "想为村里做科普")));
    }

    private JsonNode village(String admin, String indicatorCode, String region) {
        long planId = 0;
        for (JsonNode p : api.get("/api/admin/v1/plans", admin).json()) {
            if ("YUNXI-2022-2025".equals(p.path("code").asString())) {
                planId = p.path("id").asLong();
            }
        }
        for (JsonNode f : api.get("/api/admin/v1/plans/" + planId + "/dashboard", admin).json().path("indicators")) {
            if (indicatorCode.equals(f.path("code").asString())) {
                JsonNode dd = api.get("/api/admin/v1/indicators/" + f.path("id").asLong() + "/records?size=100", admin).json();
                long covered = 0;
                JsonNode found = null;
                for (JsonNode row : dd.path("items")) {
                    covered += row.path("counts").asLong();
                    if (row.path("source").asString().equals(regionName(region))) {
                        found = row;
                    }
                }
                // the rows add up to the figure: covered villages ÷ all villages
                assertThat(f.path("value").decimalValue()).isEqualByComparingTo(
                        BigDecimal.valueOf(covered * 100.0 / dd.path("total").asLong()).setScale(1, java.math.RoundingMode.HALF_UP));
                return found;
            }
        }
        throw new AssertionError("no indicator " + indicatorCode);
    }

    private String regionName(String code) {
        return jdbc.queryForObject("SELECT name FROM region WHERE code = ?", String.class, code);
    }

    @Test
    void anApprovedOfficerCoversTheirVillageWhileActiveAndSeesTheirReach() {
        String village = "430603101201"; // 路口样例村1
        String admin = Logins.districtAdminToken(api);
        JsonNode resident = Logins.newResident(api);
        String token = resident.path("accessToken").asString();
        long residentId = resident.path("resident").path("id").asLong();

        assertProblem(apply(token, "INFO_OFFICER", "430603101"), 400, "REGION_NOT_VILLAGE");
        Response applied = apply(token, "INFO_OFFICER", village);
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        assertThat(applied.json().path("nameMasked").asString()).isEqualTo("张**");
        assertThat(applied.json().path("phoneMasked").asString()).isEqualTo("138****1234");
        assertProblem(apply(token, "INFO_OFFICER", village), 409, "ALREADY_APPLIED");
        Map<String, Object> stored = jdbc.queryForMap("SELECT name_cipher, phone_cipher, phone_hash FROM science_officer "
                + "WHERE resident_id = ?", residentId);
        assertThat(stored.values()).allSatisfy(v -> assertThat(String.valueOf(v)).doesNotContain("13800001234", "张三丰"));
        long officerId = applied.json().path("id").asLong();

        // only the town the village belongs to decides
        String otherTown = townAdmin(admin, "T430603001");
        assertProblem(api.post("/api/admin/v1/officers/" + officerId + "/approve", otherTown, "{}"), 404, "OUTSIDE_TOWN");
        assertThat(Pages.ids(api, "/api/admin/v1/officers?status=PENDING", otherTown)).doesNotContain(officerId);
        String town = townAdmin(admin, "T430603101");
        Response approved = api.post("/api/admin/v1/officers/" + officerId + "/approve", town, "{}");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertProblem(api.post("/api/admin/v1/officers/" + officerId + "/approve", town, "{}"), 409, "NOT_PENDING");

        // approved but never active: not yet coverage
        assertThat(village(admin, "OFFICER_COVERAGE", village).path("counts").asInt()).isZero();

        new Participations(events, transactions, jdbc).publish(ParticipationRecorded
                .builder(ParticipationKind.OFFICER_ACTIVITY, "officer-act:" + officerId).resident(residentId, "张*")
                .demographics(village, "FARMER").source("EVENT", 7, "村科普宣讲").occurredOn(LocalDate.of(2025, 6, 10))
                .build());
        assertThat(village(admin, "OFFICER_COVERAGE", village).path("counts").asInt()).isEqualTo(1);
        assertThat(village(admin, "OFFICER_COVERAGE", village).path("person").asString()).isEqualTo("张**");

        // content shares (the content feature's hook) and the distinct residents who opened them
        assertThat(activities.record(residentId, "share:officers-it-" + officerId, OfficerActivityService.Kind.SHARE,
                "防范电信诈骗", LocalDate.of(2025, 6, 12))).isTrue();
        activities.recordShareOpen("share:officers-it-" + officerId, 9001);
        activities.recordShareOpen("share:officers-it-" + officerId, 9001);
        activities.recordShareOpen("share:officers-it-" + officerId, 9002);
        JsonNode reach = api.get("/api/v1/officers/me/reach", token).json();
        assertThat(reach.path("shares").asLong()).isEqualTo(1);
        assertThat(reach.path("activities").asLong()).isEqualTo(1);
        assertThat(reach.path("reachedResidents").asLong()).isEqualTo(2);
        assertThat(reach.path("active").asBoolean()).isTrue();

        // a reader who deletes their account still counts as reached, under a key that no longer names them
        JsonNode reader = Logins.newResident(api);
        long readerId = reader.path("resident").path("id").asLong();
        activities.recordShareOpen("share:officers-it-" + officerId, readerId);
        assertThat(api.delete("/api/v1/me", reader.path("accessToken").asString()).status()).isEqualTo(204);
        EventPublications.awaitCompleted(jdbc, ResidentDeleted.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM officer_share_open WHERE viewer_key = ?", Long.class,
                "R:" + readerId)).isZero();
        JsonNode byVillage = api.get("/api/v1/officers/me/reach/villages", token).json();
        assertThat(byVillage.path("reachedResidents").asLong()).as(byVillage.toString()).isEqualTo(3);
        assertThat(byVillage.path("opens").asLong()).isEqualTo(3);

        // active while the last share (06-12) is within the last 90 days, today included: until 09-09
        clock.pin(MID_2025.plus(Duration.ofDays(86)));
        admin = Logins.districtAdminToken(api);
        assertThat(village(admin, "OFFICER_COVERAGE", village).path("counts").asInt()).isEqualTo(1);
        clock.pin(MID_2025.plus(Duration.ofDays(87)));
        admin = Logins.districtAdminToken(api);
        assertThat(village(admin, "OFFICER_COVERAGE", village).path("counts").asInt()).isZero();
    }

    @Test
    void anApprovedPromoterCoversTheirVillageAndRejectionsNeedAReason() {
        String village = "430603101202"; // 路口样例村2
        String admin = Logins.districtAdminToken(api);
        String rejectedToken = Logins.residentToken(api);
        long rejected = apply(rejectedToken, "PROMOTER", village).json().path("id").asLong();
        String town = townAdmin(admin, "T430603101");
        assertProblem(api.post("/api/admin/v1/officers/" + rejected + "/reject", town, "{}"), 422, "REJECT_REASON_REQUIRED");
        assertThat(api.post("/api/admin/v1/officers/" + rejected + "/reject", town,
                ApiClient.json(Map.of("note", "请补充村委推荐意见"))).status()).isEqualTo(200);
        assertThat(village(admin, "PROMOTER_COVERAGE", village).path("counts").asInt()).isZero();
        // after a rejection the resident may apply again
        assertThat(apply(rejectedToken, "PROMOTER", village).status()).isEqualTo(201);

        String token = Logins.residentToken(api);
        long id = apply(token, "PROMOTER", village).json().path("id").asLong();
        assertThat(api.post("/api/admin/v1/officers/" + id + "/approve", town, "{}").status()).isEqualTo(200);
        assertThat(village(admin, "PROMOTER_COVERAGE", village).path("counts").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/officers/me", token).json().get(0).path("status").asString()).isEqualTo("APPROVED");
        JsonNode export = api.get("/api/v1/me/export", token).json();
        assertThat(export.toString()).contains("张三丰");

        // the coverage table: the town admin sees their own villages only, this one covered
        JsonNode coverage = api.get("/api/admin/v1/officers/coverage?role=PROMOTER", town).json();
        assertThat(coverage.path("villages").findValues("townCode").stream().map(JsonNode::asString).distinct()
                .toList()).containsExactly("430603101");
        JsonNode row = coverage.path("villages").findParents("regionCode").stream()
                .filter(v -> v.path("regionCode").asString().equals(village)).findFirst().orElseThrow();
        assertThat(row.path("covered").asBoolean()).isTrue();
        assertThat(row.path("officers").toString()).contains("张*");
        assertThat(coverage.path("total").asInt()).isEqualTo(coverage.path("villages").size());
        JsonNode all = api.get("/api/admin/v1/officers/coverage?role=PROMOTER", admin).json();
        assertThat(all.path("total").asInt()).isGreaterThan(coverage.path("total").asInt());
    }
}
