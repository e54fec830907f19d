package cn.yunxi.kepu.indicator;

import static cn.yunxi.kepu.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.ApiClient.Response;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;
import cn.yunxi.kepu.support.Participations;
import tools.jackson.databind.JsonNode;

/** Manual figures and their approval, snapshots, permissions and the Excel exports (unit reports: UnitReportingIT). */
@KepuIntegrationTest
class PlanGovernanceIT extends MidPlanYearSupport {


    PlanFixture plan;

    @BeforeEach
    void createPlan() {
        plan = new PlanFixture(api, admin);
    }

    private Response submit(String token, long indicatorId, double value, List<String> evidence) {
        return api.post("/api/admin/v1/indicators/" + indicatorId + "/manual-entries", token, ApiClient.json(Map.of(
                "asOf", "2025-05-31", "value", value, "note", "市农业农村局认定文件", "evidenceKeys", evidence)));
    }

    @Test
    void manualFiguresCountOnlyOnceApprovedByTheDistrictAndOnlyTheLeadUnitEntersThem() {
        long coops = plan.id("DEMO_COOPERATIVES");
        // other tests of the same run may have approved figures of this indicator already
        JsonNode before = plan.figure("DEMO_COOPERATIVES");
        long recordsBefore = plan.drillDown("DEMO_COOPERATIVES").path("total").asLong();
        String agriculture = StaffAccounts.token(api, jdbc, admin, "UNIT_ADMIN", "NYNCJ");
        String labour = StaffAccounts.token(api, jdbc, admin, "UNIT_ADMIN", "RSJ");
        String otherDistrictAdmin = StaffAccounts.token(api, jdbc, admin, "DISTRICT_ADMIN", null);

        assertProblem(submit(labour, coops, 1, List.of("media/a.pdf")), 403, "NOT_LEAD_UNIT");
        assertProblem(submit(agriculture, coops, 1, List.of()), 422, "EVIDENCE_REQUIRED");
        assertProblem(submit(agriculture, plan.id("HIGH_QUALITY_FARMERS"), 1, List.of("media/a.pdf")), 409,
                "INDICATOR_NOT_MANUAL");

        Response entry = submit(agriculture, coops, 1, List.of("media/coop-2025.pdf"));
        assertThat(entry.status()).as(entry.toString()).isEqualTo(201);
        long entryId = entry.json().path("id").asLong();
        JsonNode pending = plan.figure("DEMO_COOPERATIVES");
        assertThat(pending.path("status")).as("not counted before approval").isEqualTo(before.path("status"));
        assertThat(pending.path("value")).as("not counted before approval").isEqualTo(before.path("value"));

        assertProblem(api.post("/api/admin/v1/manual-entries/" + entryId + "/approve", agriculture, "{}"), 403, "FORBIDDEN");
        Response approved = api.post("/api/admin/v1/manual-entries/" + entryId + "/approve", admin, "{}");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().path("status").asString()).isEqualTo("APPROVED");
        assertProblem(api.post("/api/admin/v1/manual-entries/" + entryId + "/approve", admin, "{}"), 409,
                "ENTRY_ALREADY_REVIEWED");
        assertThat(plan.value("DEMO_COOPERATIVES")).isEqualTo(1.0);

        // a later entry sent back does not count; the approved one stays the figure
        long second = submit(agriculture, coops, 2, List.of("media/coop-2.pdf")).json().path("id").asLong();
        assertProblem(api.post("/api/admin/v1/manual-entries/" + second + "/reject", admin, "{}"), 422,
                "REJECT_REASON_REQUIRED");
        assertThat(api.post("/api/admin/v1/manual-entries/" + second + "/reject", admin,
                ApiClient.json(Map.of("note", "缺少市级认定文件"))).status()).isEqualTo(200);
        assertThat(plan.value("DEMO_COOPERATIVES")).isEqualTo(1.0);

        // the district admin may enter a figure, but another district admin must approve it
        long mine = submit(admin, coops, 2, List.of("media/coop-3.pdf")).json().path("id").asLong();
        assertProblem(api.post("/api/admin/v1/manual-entries/" + mine + "/approve", admin, "{}"), 403, "OWN_ENTRY_REVIEW");
        assertThat(api.post("/api/admin/v1/manual-entries/" + mine + "/approve", otherDistrictAdmin, "{}").status())
                .isEqualTo(200);
        JsonNode figure = plan.figure("DEMO_COOPERATIVES");
        assertThat(figure.path("value").asDouble()).isEqualTo(2.0);
        assertThat(figure.path("status").asString()).isEqualTo("DONE");
        assertThat(plan.drillDown("DEMO_COOPERATIVES").path("total").asLong()).isEqualTo(recordsBefore + 2);
    }

    @Test
    void aSnapshotFreezesTheReportedFiguresAndTheDashboardSaysWhenLiveFiguresDiffer() {
        long planId = plan.seededPlanId();
        Response taken = api.post("/api/admin/v1/plans/" + planId + "/snapshots", admin,
                ApiClient.json(Map.of("month", "2025-05")));
        assertThat(taken.status()).as(taken.toString()).isEqualTo(201);
        long snapshotId = taken.json().path("id").asLong();
        String frozen = api.get("/api/admin/v1/plans/" + planId + "/snapshots/" + snapshotId, admin).body();
        // May is frozen as of 31 May; the live figure (15 June) may already hold June's records
        double reported = -1;
        for (JsonNode v : taken.json().path("values")) {
            if ("FARMER_TECH_STAFF_TRAINED".equals(v.path("code").asString())) {
                reported = v.path("value").asDouble();
            }
        }
        double live = plan.value("FARMER_TECH_STAFF_TRAINED");
        assertThat(reported).isBetween(0.0, live);

        assertProblem(api.post("/api/admin/v1/plans/" + planId + "/snapshots", admin,
                ApiClient.json(Map.of("month", "2025-05"))), 409, "SNAPSHOT_EXISTS");
        assertProblem(api.post("/api/admin/v1/plans/" + planId + "/snapshots", admin,
                ApiClient.json(Map.of("month", "2025-09"))), 422, "SNAPSHOT_MONTH_INVALID");

        participations.publish(Participations.attendance("snap:" + UUID.randomUUID(),
                "R:snap-" + UUID.randomUUID(), null, null, LocalDate.of(2025, 6, 1), "FARMER_TECH_STAFF_TRAINED"));

        assertThat(api.get("/api/admin/v1/plans/" + planId + "/snapshots/" + snapshotId, admin).body()).isEqualTo(frozen);
        JsonNode dashboard = plan.dashboard();
        assertThat(dashboard.path("lastSnapshot").path("month").asString()).isEqualTo("2025-05");
        assertThat(dashboard.path("liveDiffersFromReported").asBoolean()).isTrue();
        JsonNode f = plan.figure("FARMER_TECH_STAFF_TRAINED");
        assertThat(f.path("reportedValue").asDouble()).isEqualTo(reported);
        assertThat(f.path("value").asDouble()).isEqualTo(live + 1);
        assertThat(f.path("differsFromReported").asBoolean()).isTrue();
        assertThat(api.get("/api/admin/v1/plans/" + planId + "/snapshots", admin).json().size()).isGreaterThanOrEqualTo(1);
    }

    /**
     * Recomputing the aggregates and freezing a month's figures are the district's: every other role is refused,
     * and a refused recompute rebuilds nothing (a row no record backs survives it until the district recomputes).
     */
    @Test
    void onlyTheDistrictRecomputesAndTakesSnapshots() {
        long planId = plan.seededPlanId();
        String tag = "NO_RECORD_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        jdbc.update("INSERT INTO indicator_daily (tag, kind, day, region_code, population_group, town_code, "
                + "person_times, hours, passed) VALUES (?, 'EVENT_ATTENDANCE', '2025-04-02', '', '', '', 1, 0, 0)", tag);
        String recompute = ApiClient.json(Map.of("from", "2025-04-02", "to", "2025-04-02"));
        String snapshot = ApiClient.json(Map.of("month", "2025-04"));

        List<String> others = List.of(StaffAccounts.token(api, jdbc, admin, "UNIT_ADMIN", "KX"),
                StaffAccounts.token(api, jdbc, admin, "TOWN_ADMIN", "T430603100"),
                StaffAccounts.token(api, jdbc, admin, "ORGANISER", "NYNCJ"));
        for (String token : others) {
            assertProblem(api.post("/api/admin/v1/plans/" + planId + "/recompute", token, recompute), 403, "FORBIDDEN");
            assertProblem(api.post("/api/admin/v1/plans/" + planId + "/snapshots", token, snapshot), 403, "FORBIDDEN");
        }
        String resident = Logins.residentToken(api);
        assertProblem(api.post("/api/admin/v1/plans/" + planId + "/recompute", resident, recompute), 403, "FORBIDDEN");
        assertProblem(api.post("/api/admin/v1/plans/" + planId + "/snapshots", resident, snapshot), 403, "FORBIDDEN");

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM indicator_daily WHERE tag = ?", Integer.class, tag))
                .as("nothing was recomputed").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM indicator_snapshot WHERE plan_id = ? AND month = "
                + "'2025-04-01'", Integer.class, planId)).as("nothing was frozen").isZero();
        Response byDistrict = api.post("/api/admin/v1/plans/" + planId + "/recompute", admin, recompute);
        assertThat(byDistrict.status()).as(byDistrict.toString()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM indicator_daily WHERE tag = ?", Integer.class, tag))
                .isZero();
    }

    @Test
    void theIndicatorReportAndADrillDownExportToExcel() throws Exception {
        long planId = plan.seededPlanId();
        Response report = api.get("/api/admin/v1/plans/" + planId + "/indicator-report.xlsx", admin);
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.contentType()).contains("spreadsheetml");
        byte[] bytes = api.getBytes("/api/admin/v1/plans/" + planId + "/indicator-report.xlsx", admin);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("指标");
            int indicators = plan.dashboard().path("indicators").size();
            assertThat(sheet.getLastRowNum()).isEqualTo(1 + indicators);
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("全区公民具备科学素质的比例");
            assertThat(sheet.getRow(2).getCell(10).getStringCellValue()).isEqualTo("区科协");
        }

        participations.publish(Participations.attendance("xls:" + UUID.randomUUID(),
                "R:xls-" + UUID.randomUUID(), "430603001001", "FARMER", LocalDate.of(2025, 6, 2), "HIGH_QUALITY_FARMERS"));
        long id = plan.id("HIGH_QUALITY_FARMERS");
        byte[] records = api.getBytes("/api/admin/v1/indicators/" + id + "/records.xlsx", admin);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(records))) {
            Sheet sheet = wb.getSheetAt(0);
            long value = (long) plan.value("HIGH_QUALITY_FARMERS");
            assertThat(sheet.getLastRowNum()).isEqualTo(1 + (int) value);
            double sum = 0;
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                sum += sheet.getRow(r).getCell(6).getNumericCellValue();
                assertThat(sheet.getRow(r).getCell(1).getStringCellValue()).doesNotContainPattern("\\d{11}");
            }
            assertThat(sum).isEqualTo(value);
        }
    }

    static JsonNode section(JsonNode detail, String code) {
        for (JsonNode s : detail.path("sections")) {
            if (code.equals(s.path("code").asString())) {
                return s;
            }
        }
        throw new AssertionError("no section " + code);
    }
}
