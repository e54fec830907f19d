package cn.yunxi.kepu.indicator;

import static cn.yunxi.kepu.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

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
import cn.yunxi.kepu.support.MutableClock;
import tools.jackson.databind.JsonNode;

/** The dashboard marks a target done only when it is met as the plan words it: “超过15%” is not met at 15. */
@KepuIntegrationTest
class TargetComparisonIT {

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;
    String admin;
    String agriculture;
    long planId;

    @BeforeEach
    void setUp() {
        clock.pin(PlanFixture.MID_2025);
        api = new ApiClient(port);
        admin = Logins.districtAdminToken(api);
        agriculture = StaffAccounts.token(api, jdbc, admin, "UNIT_ADMIN", "NYNCJ");
        planId = PlanFixture.newPlan(api, admin, "CMP", "2025-01-01", "2025-12-31", List.of(Map.of("code", "FARMER",
                "kind", "ACTION", "name", "农民科学素质提升行动", "leadUnitIds", List.of(StaffAccounts.unitId(jdbc, "NYNCJ")))))
                .path("id").asLong();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Response define(String code, String unit, double target, String comparison) {
        Map<String, Object> body = new HashMap<>();
        body.put("sectionCode", "FARMER");
        body.put("code", code);
        body.put("name", code);
        body.put("unit", unit);
        body.put("target", target);
        if (comparison != null) {
            body.put("comparison", comparison);
        }
        body.put("targetBasis", "PERIOD");
        body.put("measure", "MANUAL");
        body.put("method", "按调查报告录入");
        body.put("leadUnitId", StaffAccounts.unitId(jdbc, "NYNCJ"));
        return api.post("/api/admin/v1/plans/" + planId + "/indicators", admin, ApiClient.json(body));
    }

    private long indicator(String code, String unit, double target, String comparison) {
        Response r = define(code, unit, target, comparison);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    private Response enter(long indicatorId, double value) {
        return api.post("/api/admin/v1/indicators/" + indicatorId + "/manual-entries", agriculture, ApiClient.json(Map.of(
                "asOf", "2025-06-01", "value", value, "evidenceKeys", List.of("media/report.pdf"))));
    }

    /** Enters and approves the value of indicator {@code code}, then reads its figure. */
    private JsonNode approved(String code, double value) {
        Response entry = enter(PlanFixture.figure(api, admin, planId, code).path("id").asLong(), value);
        assertThat(entry.status()).as(entry.toString()).isEqualTo(201);
        Response ok = api.post("/api/admin/v1/manual-entries/" + entry.json().path("id").asLong() + "/approve", admin, "{}");
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        return PlanFixture.figure(api, admin, planId, code);
    }

    @Test
    void moreThanIsNotMetAtTheTargetItself() {
        indicator("RATE_ABOVE", "%", 15, "GT");
        JsonNode atFifteen = approved("RATE_ABOVE", 15);
        assertThat(atFifteen.path("comparison").asString()).isEqualTo("GT");
        assertThat(atFifteen.path("targetText").asString()).isEqualTo("＞15%");
        assertThat(atFifteen.path("status").asString()).isNotEqualTo("DONE");
        assertThat(approved("RATE_ABOVE", 15.1).path("status").asString()).isEqualTo("DONE");
    }

    @Test
    void atLeastIsMetAtTheTargetAndIsTheDefault() {
        indicator("COOPS_AT_LEAST", "个", 2, null);
        JsonNode one = approved("COOPS_AT_LEAST", 1);
        assertThat(one.path("comparison").asString()).isEqualTo("GTE");
        assertThat(one.path("status").asString()).isNotEqualTo("DONE");
        assertThat(approved("COOPS_AT_LEAST", 2).path("status").asString()).isEqualTo("DONE");
    }

    @Test
    void fullCoverageIsMetOnlyAtAHundredPercentAndNeverAbove() {
        assertProblem(define("FULL_NINETY", "%", 90, "FULL"), 422, "INDICATOR_DEFINITION_INVALID");
        assertProblem(define("FULL_PEOPLE", "人", 100, "FULL"), 422, "INDICATOR_DEFINITION_INVALID");
        long platforms = indicator("PLATFORMS_FULL", "%", 100, "FULL");
        assertProblem(enter(platforms, 100.5), 422, "MANUAL_VALUE_INVALID");
        JsonNode almost = approved("PLATFORMS_FULL", 99.9);
        assertThat(almost.path("targetText").asString()).isEqualTo("全覆盖（100%）");
        assertThat(almost.path("status").asString()).isNotEqualTo("DONE");
        assertThat(approved("PLATFORMS_FULL", 100).path("status").asString()).isEqualTo("DONE");
    }

    @Test
    void theSeededLiteracyRateIsAMoreThanTarget() {
        JsonNode literacy = new PlanFixture(api, admin).figure("SCIENCE_LITERACY_RATE");
        assertThat(literacy.path("comparison").asString()).isEqualTo("GT");
        assertThat(literacy.path("targetText").asString()).isEqualTo("＞15%");
        JsonNode promoters = new PlanFixture(api, admin).figure("PROMOTER_COVERAGE");
        assertThat(promoters.path("comparison").asString()).isEqualTo("FULL");
    }
}
