package cn.yunxi.kepu.indicator;

import static cn.yunxi.kepu.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.yunxi.kepu.common.participation.ParticipationKind;
import cn.yunxi.kepu.common.participation.ParticipationRecorded;
import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;
import tools.jackson.databind.JsonNode;

/** What drill-downs show of a person, who may see them, and what is left after the person deletes their account. */
@KepuIntegrationTest
class IndicatorPrivacyIT extends MidPlanYearSupport {

    static final String CODE = "FARMER_TECH_STAFF_TRAINED";

    PlanFixture plan;

    @BeforeEach
    void setUp() {
        plan = new PlanFixture(api, admin);
    }

    static ParticipationRecorded attended(String key, long residentId, String label, String region) {
        return ParticipationRecorded.builder(ParticipationKind.EVENT_ATTENDANCE, key).resident(residentId, label)
                .demographics(region, "FARMER").source("EVENT", 1L, "水稻培训").occurredOn(LocalDate.of(2025, 5, 1))
                .indicatorCodes(List.of(CODE)).hours(new BigDecimal("2.00")).build();
    }

    JsonNode row(long recordId) {
        long id = plan.id(CODE);
        for (int page = 1; page < 100; page++) {
            JsonNode dd = api.get("/api/admin/v1/indicators/" + id + "/records?size=100&page=" + page, admin).json();
            for (JsonNode row : dd.path("items")) {
                if (row.path("recordId").asLong() == recordId) {
                    return row;
                }
            }
            if ((long) page * 100 >= dd.path("total").asLong()) {
                break;
            }
        }
        throw new AssertionError("record " + recordId + " not in the drill-down");
    }

    @Test
    void aPersonIsShownByAPseudonymThatIsReplacedWhenTheAccountIsDeleted() {
        JsonNode login = Logins.newResident(api);
        long residentId = login.path("resident").path("id").asLong();
        String key = "privacy:" + UUID.randomUUID();
        // as publishers label people: masked name, masked phone and the account number
        participations.publish(attended(key, residentId, "张* 139****3891 #" + residentId, "430603100201"));
        long recordId = jdbc.queryForObject("SELECT id FROM participation_record WHERE record_key = ?", Long.class, key);

        String shown = row(recordId).path("person").asString();
        // the whole label is a pseudonym: no masked name or phone, no account number (its hex may contain the
        // id's digits by chance, so the form is checked rather than the absence of those digits)
        assertThat(shown).matches("参与者 [0-9A-F]{8}");
        double before = plan.value(CODE);

        assertThat(api.delete("/api/v1/me", login.path("accessToken").asString()).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> "已注销用户".equals(row(recordId).path("person").asString()));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM participation_record WHERE resident_id = ? "
                + "AND (person_label LIKE '%****%' OR person_label LIKE ?)", Integer.class, residentId,
                "%" + residentId + "%")).isZero();
        assertThat(plan.value(CODE)).isEqualTo(before);
    }

    @Test
    void drillDownsAreForTheDistrictAdminAndATownsOwnRecords() {
        participations.publish(attended("privacy:" + UUID.randomUUID(), 900_000_001L, null, "430603100201"),
                attended("privacy:" + UUID.randomUUID(), 900_000_002L, null, "430603001"));
        long id = plan.id(CODE);
        String department = StaffAccounts.token(api, jdbc, admin, "UNIT_ADMIN", "NYNCJ");
        for (String path : List.of("/records", "/records.xlsx", "/self-tests")) {
            assertProblem(api.get("/api/admin/v1/indicators/" + id + path, department), 403, "DRILL_DOWN_FORBIDDEN");
        }
        String town = StaffAccounts.token(api, jdbc, admin, "TOWN_ADMIN", "T430603100");
        ApiClient.Response mine = api.get("/api/admin/v1/indicators/" + id + "/records?size=100", town);
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        assertThat(mine.json().path("items").size()).isPositive();
        mine.json().path("items").forEach(r -> assertThat(r.path("town").asString()).isEqualTo("陆城镇"));
        assertThat(api.get("/api/admin/v1/indicators/" + id + "/records.xlsx", town).status()).isEqualTo(200);
        JsonNode all = api.get("/api/admin/v1/indicators/" + id + "/records?size=100", admin).json();
        assertThat(all.path("total").asLong()).isGreaterThan(mine.json().path("total").asLong());
    }

    /** The export is written row by row (SXSSF) and capped; the response says so, in its headers and in the file. */
    @Test
    void theRecordsExportStatesItsRowCap() throws Exception {
        participations.publish(attended("privacy:" + UUID.randomUUID(), 900_000_003L, null, "430603100201"),
                attended("privacy:" + UUID.randomUUID(), 900_000_004L, null, "430603100201"));
        long id = plan.id(CODE);
        ApiClient.Response full = api.get("/api/admin/v1/indicators/" + id + "/records.xlsx", admin);
        assertThat(full.status()).isEqualTo(200);
        assertThat(full.header("X-Row-Cap")).isEqualTo(Integer.toString(ExportService.RECORDS_ROW_CAP));
        assertThat(full.header("X-Rows-Truncated")).isEqualTo("false");
        long total = Long.parseLong(full.header("X-Total-Rows"));
        assertThat(total).isGreaterThanOrEqualTo(2);

        ExportService.RecordsFile capped = exports.records(id, DrillDownService.Scope.ALL, 1);
        assertThat(capped.truncated()).isTrue();
        assertThat(capped.rows()).isEqualTo(1);
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(capped.body()))) {
            var sheet = book.getSheetAt(0);
            String text = new org.apache.poi.ss.usermodel.DataFormatter().formatCellValue(sheet.getRow(0).getCell(0));
            assertThat(text).contains("只导出前 1 条");
            assertThat(sheet.getLastRowNum()).isEqualTo(2); // title, header, one row
        }
    }

    @Autowired
    ExportService exports;
}
