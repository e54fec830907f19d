package cn.yunxi.kepu.indicator;

import static cn.yunxi.kepu.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.ApiClient.Response;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;
import cn.yunxi.kepu.support.MutableClock;
import cn.yunxi.kepu.support.Participations;
import tools.jackson.databind.JsonNode;

/** The seeded 2022–2025 plan, and a 2026–2030 plan added through the API without code changes. */
@KepuIntegrationTest
class PlanModelIT {

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
    IndicatorCatalogService catalog;

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
    void theSeededPlanHasEverySectionTaskUnitAndQuantitativeTarget() {
        long planId = new PlanFixture(api, admin).seededPlanId();
        JsonNode plan = api.get("/api/admin/v1/plans/" + planId, admin).json();
        assertThat(plan.path("name").asString()).contains("2022—2025");
        assertThat(plan.path("issuingBody").asString()).isEqualTo("岳阳市云溪区人民政府办公室");
        assertThat(plan.path("periodStart").asString()).isEqualTo("2022-01-01");
        assertThat(plan.path("periodEnd").asString()).isEqualTo("2025-12-31");

        Map<String, Integer> tasks = new LinkedHashMap<>();
        Map<String, String> targets = new HashMap<>();
        for (JsonNode s : plan.path("sections")) {
            tasks.put(s.path("code").asString(), s.path("tasks").size());
            for (JsonNode i : s.path("indicators")) {
                targets.put(i.path("code").asString(), i.path("targetText").asString()
                        + ("YEARLY".equals(i.path("targetBasis").asString()) ? "/年" : ""));
            }
        }
        assertThat(tasks).containsExactly(Map.entry("OVERALL", 0), Map.entry("YOUTH", 7), Map.entry("FARMER", 4),
                Map.entry("WORKER", 6), Map.entry("ELDERLY", 8), Map.entry("OFFICIAL", 4), Map.entry("RESOURCES", 3),
                Map.entry("INFORMATIZATION", 3), Map.entry("INFRASTRUCTURE", 3), Map.entry("GRASSROOTS", 3),
                Map.entry("TALENT", 5));
        // each target with the comparison the plan writes: 超过 excludes the number, 以上/不少于 include it
        assertThat(targets).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("SCIENCE_LITERACY_RATE", "＞15%"),                // 比例超过15%
                Map.entry("FARMER_TECH_STAFF_TRAINED", "≥50 人次"),         // 培训农技人员50人次
                Map.entry("HIGH_QUALITY_FARMERS", "≥500 人"),               // 高素质农民500人以上
                Map.entry("DEMO_COOPERATIVES", "≥2 个"),                    // 示范合作社和家庭农场各2家
                Map.entry("DEMO_FAMILY_FARMS", "≥2 个"),
                Map.entry("GREEN_FOOD_CERTIFICATIONS", "≥2 个"),            // 2个以上
                Map.entry("OFFICER_COVERAGE", "≥90%"),                      // 达到90%以上
                Map.entry("SKILLS_TRAINING_PERSONS", "≥4000 人"),           // 不少于4000人
                Map.entry("MIGRANT_WORKER_TRAINING_YEARLY", "≥300 人/年"),  // 每年不少于300人
                Map.entry("SUBSIDISED_TRAINING_PERSON_TIMES", "≥4000 人次"), // 4000人次以上
                Map.entry("NEW_SKILLED_TALENT", "≥1000 人"),                // 新增技能人才1000人
                Map.entry("NEW_DISTRICT_BASES", "≥5 个"),                   // 5个以上
                Map.entry("PROMOTER_COVERAGE", "全覆盖（100%）"),            // 科普宣传员全覆盖
                Map.entry("SCIENCE_EDUCATION_STAGE_COVERAGE", "全覆盖（100%）"),  // 中小幼各学段科学教育全覆盖
                Map.entry("PARTY_PLATFORM_RESOURCES_COVERAGE", "全覆盖（100%）"))); // 嵌入基层党群服务网络平台全覆盖
        JsonNode youth = PlanGovernanceIT.section(plan, "YOUTH").path("indicators").get(0);
        assertThat(youth.path("measure").asString()).isEqualTo("MANUAL");
        assertThat(youth.path("sourceText").asString()).isEqualTo("抓实中小幼各学段科学教育全覆盖");
        assertThat(youth.path("leadUnit").path("name").asString()).isEqualTo("区教体局");
        JsonNode platforms = PlanGovernanceIT.section(plan, "FARMER").path("indicators");
        assertThat(platforms.findValuesAsString("sourceText"))
                .contains("推动“科普中国”“科普湖南”优质科普资源，嵌入基层党群（政务）服务网络平台全覆盖");

        JsonNode worker = PlanGovernanceIT.section(plan, "WORKER");
        assertThat(worker.path("leadUnits").findValuesAsString("name")).containsExactly("区人社局", "区总工会", "区教体局");
        assertThat(worker.path("participantUnits").findValuesAsString("name")).contains("区委宣传部", "区消防救援大队");
        assertThat(worker.path("responsibilityText").asString()).startsWith("（责任分工：区人社局");
        assertThat(PlanGovernanceIT.section(plan, "INFRASTRUCTURE").path("participantUnits").findValuesAsString("name"))
                .contains("团区委");
        assertThat(catalog.exists("HIGH_QUALITY_FARMERS")).isTrue();
        assertThat(catalog.exists("NO_SUCH_CODE")).isFalse();
        assertThat(api.get("/api/admin/v1/indicator-codes", admin).json().size()).isGreaterThanOrEqualTo(15);
    }

    @Test
    void staffAddTheNextPlanThroughTheApiAndItsFiguresCountFromTheRecords() {
        long agriculture = StaffAccounts.unitId(jdbc, "NYNCJ");
        long kexie = StaffAccounts.unitId(jdbc, "KX");
        String suffix = Long.toString(System.nanoTime() % 100000);
        Map<String, Object> planBody = new HashMap<>();
        planBody.put("code", "YUNXI-2026-2030-" + suffix);
        planBody.put("name", "岳阳市云溪区全民科学素质行动规划纲要实施方案（2026—2030）");
        planBody.put("issuingBody", "岳阳市云溪区人民政府办公室");
        planBody.put("periodStart", "2026-01-01");
        planBody.put("periodEnd", "2030-12-31");
        planBody.put("sections", List.of(
                Map.of("code", "OVERALL", "kind", "GOAL", "name", "总体目标", "leadUnitIds", List.of(kexie)),
                Map.of("code", "FARMER", "kind", "ACTION", "name", "农民科学素质提升行动",
                        "leadUnitIds", List.of(agriculture), "participantUnitIds", List.of(kexie),
                        "tasks", List.of(Map.of("title", "大力开展农民科技教育培训")))));
        Response created = api.post("/api/admin/v1/plans", admin, ApiClient.json(planBody));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long planId = created.json().path("id").asLong();
        assertThat(created.json().path("sections").get(1).path("tasks").get(0).path("leadUnit").path("id").asLong())
                .isEqualTo(agriculture);
        assertProblem(api.post("/api/admin/v1/plans", admin, ApiClient.json(planBody)), 409, "PLAN_CODE_TAKEN");

        // a farmer trained before the indicator is defined still counts once it is
        clock.pin(Instant.parse("2027-03-01T02:00:00Z"));
        admin = Logins.districtAdminToken(api); // tokens are checked against the (moved) clock
        Participations participations = new Participations(events, transactions, jdbc);
        participations.publish(Participations.attendance("p2:" + UUID.randomUUID(), "R:p2-a-" + suffix,
                "430603100201", "FARMER", LocalDate.of(2026, 5, 1), "HIGH_QUALITY_FARMERS"));

        Map<String, Object> indicator = new HashMap<>();
        indicator.put("sectionCode", "FARMER");
        indicator.put("code", "HIGH_QUALITY_FARMERS");
        indicator.put("name", "培训高素质农民（农民群体）");
        indicator.put("unit", "人");
        indicator.put("target", 800);
        indicator.put("targetBasis", "PERIOD");
        indicator.put("measure", "DISTINCT_PERSONS");
        indicator.put("populationGroup", "FARMER");
        indicator.put("method", "标注本指标的培训签到人员中的农民，按人去重");
        indicator.put("leadUnitId", agriculture);
        Response added = api.post("/api/admin/v1/plans/" + planId + "/indicators", admin, ApiClient.json(indicator));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertProblem(api.post("/api/admin/v1/plans/" + planId + "/indicators", admin, ApiClient.json(indicator)), 409,
                "INDICATOR_CODE_TAKEN");

        participations.publish(
                Participations.attendance("p2:" + UUID.randomUUID(), "R:p2-b-" + suffix, "430603100201", "FARMER",
                        LocalDate.of(2027, 1, 5), "HIGH_QUALITY_FARMERS"),
                Participations.attendance("p2:" + UUID.randomUUID(), "R:p2-a-" + suffix, "430603100201", "FARMER",
                        LocalDate.of(2027, 1, 6), "HIGH_QUALITY_FARMERS"),
                Participations.attendance("p2:" + UUID.randomUUID(), "R:p2-c-" + suffix, "430603100201", "ELDERLY",
                        LocalDate.of(2027, 1, 6), "HIGH_QUALITY_FARMERS"),
                Participations.attendance("p2:" + UUID.randomUUID(), "R:p2-d-" + suffix, "430603100201", "FARMER",
                        LocalDate.of(2025, 12, 30), "HIGH_QUALITY_FARMERS")); // the old plan's period

        JsonNode dashboard = api.get("/api/admin/v1/plans/" + planId + "/dashboard", admin).json();
        JsonNode figure = dashboard.path("indicators").get(0);
        assertThat(figure.path("code").asString()).isEqualTo("HIGH_QUALITY_FARMERS");
        assertThat(figure.path("value").asDouble()).isEqualTo(2.0); // a and b; c is not a farmer, d is 2025
        assertThat(figure.path("status").asString()).isEqualTo("BEHIND");
        assertThat(api.get("/api/admin/v1/indicators/" + figure.path("id").asLong() + "/records", admin).json()
                .path("total").asLong()).isEqualTo(2);
    }

    @Test
    void planDefinitionsAreValidated() {
        Map<String, Object> body = new HashMap<>();
        body.put("code", "BAD-PERIOD-" + System.nanoTime() % 1000);
        body.put("name", "x");
        body.put("issuingBody", "y");
        body.put("periodStart", "2026-01-15");
        body.put("periodEnd", "2030-12-31");
        assertProblem(api.post("/api/admin/v1/plans", admin, ApiClient.json(body)), 422, "PLAN_PERIOD_INVALID");
        body.put("code", "lower case");
        assertProblem(api.post("/api/admin/v1/plans", admin, ApiClient.json(body)), 400, "VALIDATION_FAILED");
        String organiser = StaffAccounts.token(api, jdbc, admin, "ORGANISER", "KX");
        body.put("code", "BY-ORGANISER-" + System.nanoTime() % 1000);
        body.put("periodStart", "2026-01-01");
        assertProblem(api.post("/api/admin/v1/plans", organiser, ApiClient.json(body)), 403, "FORBIDDEN");
        assertProblem(api.get("/api/admin/v1/plans/999999/dashboard", admin), 404, "PLAN_NOT_FOUND");
        assertProblem(api.get("/api/admin/v1/plans", null), 401, "UNAUTHENTICATED");

        // a target's own window must start before the plan period, and be named
        long seeded = new PlanFixture(api, admin).seededPlanId();
        Map<String, Object> indicator = new HashMap<>();
        indicator.put("sectionCode", "FARMER");
        indicator.put("code", "WINDOW_CHECK");
        indicator.put("name", "统计区间校验");
        indicator.put("unit", "人次");
        indicator.put("target", 10);
        indicator.put("targetBasis", "PERIOD");
        indicator.put("measure", "PERSON_TIMES");
        indicator.put("method", "签到人次");
        indicator.put("leadUnitId", StaffAccounts.unitId(jdbc, "NYNCJ"));
        indicator.put("targetWindowStart", "2022-06-01");
        indicator.put("targetWindowName", "“十四五”期间");
        assertProblem(api.post("/api/admin/v1/plans/" + seeded + "/indicators", admin, ApiClient.json(indicator)), 422,
                "INDICATOR_DEFINITION_INVALID");
        indicator.put("targetWindowStart", "2021-01-01");
        indicator.remove("targetWindowName");
        assertProblem(api.post("/api/admin/v1/plans/" + seeded + "/indicators", admin, ApiClient.json(indicator)), 422,
                "INDICATOR_DEFINITION_INVALID");
    }
}
