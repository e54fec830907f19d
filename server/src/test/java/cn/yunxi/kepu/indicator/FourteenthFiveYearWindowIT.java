package cn.yunxi.kepu.indicator;

import static cn.yunxi.kepu.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.ApiClient.Response;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * “‘十四五’期间培训农技人员50人次”: the target's window is 2021–2025 while the plan period (and every record) starts in
 * 2022. The dashboard shows the window, and a 2021 figure entered and approved like any manual figure counts in it.
 */
@KepuIntegrationTest
class FourteenthFiveYearWindowIT extends MidPlanYearSupport {

    static final String CODE = "FARMER_TECH_STAFF_TRAINED";


    PlanFixture plan;

    @BeforeEach
    void createPlan() {
        plan = new PlanFixture(api, admin);
    }

    private Response baseline(String token, String code, double value, List<String> evidence) {
        return api.post("/api/admin/v1/indicators/" + plan.id(code) + "/baseline-entries", token,
                ApiClient.json(Map.of("value", value, "note", "2021 年农技人员培训台账", "evidenceKeys", evidence)));
    }

    @Test
    void theDashboardShowsTheWindowAndTheTimeElapsedInIt() {
        JsonNode figure = plan.figure(CODE);
        JsonNode window = figure.path("targetWindow");
        assertThat(window.path("name").asString()).isEqualTo("“十四五”期间");
        assertThat(window.path("start").asString()).isEqualTo("2021-01-01");
        assertThat(window.path("end").asString()).isEqualTo("2025-12-31");
        assertThat(window.path("recordsFrom").asString()).isEqualTo("2022-01-01");
        assertThat(window.path("takesBaseline").asBoolean()).isTrue();
        // time elapsed is the share of 2021–2025 gone by on 2025-06-15
        LocalDate start = LocalDate.of(2021, 1, 1);
        BigDecimal elapsed = BigDecimal.valueOf((ChronoUnit.DAYS.between(start, LocalDate.of(2025, 6, 15)) + 1) * 100.0
                / (ChronoUnit.DAYS.between(start, LocalDate.of(2025, 12, 31)) + 1)).setScale(1, RoundingMode.HALF_UP);
        assertThat(figure.path("elapsedPercent").decimalValue()).isEqualByComparingTo(elapsed);

        assertThat(plan.figure("HIGH_QUALITY_FARMERS").path("targetWindow").path("name").asString())
                .isEqualTo("“十四五”期间");
        JsonNode coverage = plan.figure("OFFICER_COVERAGE").path("targetWindow");
        assertThat(coverage.path("start").asString()).isEqualTo("2021-01-01");
        assertThat(coverage.path("takesBaseline").asBoolean()).isFalse(); // a rate: 2021 adds nothing
        assertThat(plan.figure("SKILLS_TRAINING_PERSONS").path("targetWindow").isNull()).isTrue();
        JsonNode detail = api.get("/api/admin/v1/plans/" + plan.seededPlanId(), admin).json();
        assertThat(PlanGovernanceIT.section(detail, "FARMER").path("indicators").findValuesAsString("targetWindowName"))
                .contains("“十四五”期间");
    }

    @Test
    void anApproved2021FigureCountsInTheWindowAndInTheDrillDown() {
        String agriculture = StaffAccounts.token(api, jdbc, admin, "UNIT_ADMIN", "NYNCJ");
        String labour = StaffAccounts.token(api, jdbc, admin, "UNIT_ADMIN", "RSJ");
        String otherAdmin = StaffAccounts.token(api, jdbc, admin, "DISTRICT_ADMIN", null);
        double before = plan.value(CODE);

        assertProblem(baseline(admin, "SKILLS_TRAINING_PERSONS", 10, List.of("media/a.pdf")), 409,
                "BASELINE_NOT_APPLICABLE");
        assertProblem(baseline(admin, "OFFICER_COVERAGE", 10, List.of("media/a.pdf")), 409, "BASELINE_NOT_APPLICABLE");
        assertProblem(baseline(admin, CODE, 12.5, List.of("media/a.pdf")), 422, "MANUAL_VALUE_INVALID");
        assertProblem(baseline(admin, CODE, 12, List.of()), 422, "EVIDENCE_REQUIRED");
        assertProblem(baseline(labour, CODE, 12, List.of("media/a.pdf")), 403, "NOT_LEAD_UNIT");

        Response entered = baseline(admin, CODE, 12, List.of("media/2021-ledger.pdf"));
        assertThat(entered.status()).as(entered.toString()).isEqualTo(201);
        assertThat(entered.json().path("kind").asString()).isEqualTo("BASELINE");
        assertThat(entered.json().path("asOf").asString()).isEqualTo("2021-12-31");
        long entryId = entered.json().path("id").asLong();
        assertThat(plan.value(CODE)).isEqualTo(before); // not before it is approved
        assertProblem(api.post("/api/admin/v1/manual-entries/" + entryId + "/approve", admin, "{}"), 403,
                "OWN_ENTRY_REVIEW");
        assertThat(api.post("/api/admin/v1/manual-entries/" + entryId + "/approve", otherAdmin, "{}").status())
                .isEqualTo(200);

        JsonNode figure = plan.figure(CODE);
        assertThat(figure.path("value").asDouble()).isEqualTo(before + 12);
        assertThat(figure.path("targetWindow").path("baseline").asDouble()).isEqualTo(12);
        assertThat(figure.path("targetWindow").path("baselineEntryId").asLong()).isEqualTo(entryId);
        assertThat(PlanFixture.breakdown(figure, "byTown", "BASELINE")).isEqualTo(12);
        double townSum = 0;
        for (JsonNode b : figure.path("byTown")) {
            townSum += b.path("value").asDouble();
        }
        assertThat(townSum).isEqualTo(before + 12);
        JsonNode trend = figure.path("trend");
        assertThat(trend.get(0).path("value").asDouble()).isGreaterThanOrEqualTo(12);
        assertThat(trend.get(trend.size() - 1).path("value").asDouble()).isEqualTo(before + 12);
        JsonNode first = plan.drillDown(CODE).path("items").get(0);
        assertThat(first.path("kind").asString()).isEqualTo("BASELINE");
        assertThat(first.path("counts").asInt()).isEqualTo(12);
        assertThat(plan.drillDownSum(CODE)).isEqualTo((long) (before + 12));

        // entered again (a corrected ledger) and approved: the latest approved figure counts, once
        long corrected = baseline(agriculture, CODE, 15, List.of("media/2021-ledger-v2.pdf")).json().path("id").asLong();
        assertThat(api.post("/api/admin/v1/manual-entries/" + corrected + "/approve", admin, "{}").status()).isEqualTo(200);
        assertThat(plan.value(CODE)).isEqualTo(before + 15);
        assertThat(plan.drillDownSum(CODE)).isEqualTo((long) (before + 15));
        assertThat(api.get("/api/admin/v1/indicators/" + plan.id(CODE) + "/manual-entries", admin).json()
                .findValuesAsString("kind")).containsOnly("BASELINE");
    }
}
