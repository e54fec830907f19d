package cn.yunxi.kepu.indicator;

import static cn.yunxi.kepu.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.ApiClient.Response;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;
import cn.yunxi.kepu.support.Uploads;
import tools.jackson.databind.JsonNode;

/**
 * Evidence for manual figures and quarterly reports: documents upload under their own purpose, the reviewer opens
 * them through the entry, the queue of entries waiting for review, and each unit seeing only its own entries.
 */
@KepuIntegrationTest
class EvidenceAndReviewQueueIT extends MidPlanYearSupport {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";


    PlanFixture plan;

    @BeforeEach
    void createPlan() {
        plan = new PlanFixture(api, admin);
    }

    private String evidence(String token, String contentType, byte[] bytes) {
        return Uploads.staffEvidence(api, token, contentType, bytes);
    }

    @Test
    void documentsAndImagesAreAcceptedAsEvidenceAndOtherTypesAreRefused() {
        String agriculture = StaffAccounts.token(api, jdbc, admin, "UNIT_ADMIN", "NYNCJ");
        String pdf = evidence(agriculture, "application/pdf", "%PDF-1.4 认定文件".getBytes(StandardCharsets.UTF_8));
        String docx = evidence(agriculture, DOCX, "PK docx".getBytes(StandardCharsets.UTF_8));
        String png = evidence(agriculture, "image/png", Uploads.PNG);
        assertThat(pdf).endsWith(".pdf").contains("/evidence/");
        assertThat(docx).endsWith(".docx");
        assertThat(png).endsWith(".png");
        Response zip = api.post("/api/admin/v1/media/upload-policy", agriculture, ApiClient.json(Map.of(
                "purpose", "EVIDENCE", "contentType", "application/zip", "size", 10)));
        assertProblem(zip, 415, "MEDIA_TYPE_NOT_ALLOWED");
        assertThat(zip.json().path("detail").asString()).contains("application/pdf");
        String resident = Logins.residentToken(api);
        assertProblem(api.post("/api/v1/media/upload-policy", resident, ApiClient.json(Map.of(
                "purpose", "EVIDENCE", "contentType", "application/pdf", "size", 10))), 403, "MEDIA_PURPOSE_NOT_ALLOWED");
    }

    @Test
    void theReviewerOpensTheEvidenceAndEachUnitSeesOnlyItsOwnEntries() {
        long coops = plan.id("DEMO_COOPERATIVES");
        String agriculture = StaffAccounts.token(api, jdbc, admin, "UNIT_ADMIN", "NYNCJ");
        String labour = StaffAccounts.token(api, jdbc, admin, "UNIT_ADMIN", "RSJ");
        byte[] certificate = "%PDF-1.4 示范合作社认定".getBytes(StandardCharsets.UTF_8);
        String own = evidence(agriculture, "application/pdf", certificate);
        String someoneElses = evidence(labour, "image/png", Uploads.PNG);

        Response entry = api.post("/api/admin/v1/indicators/" + coops + "/manual-entries", agriculture, ApiClient.json(
                Map.of("asOf", "2025-05-31", "value", 1, "note", "市级示范社", "evidenceKeys", List.of(own, someoneElses))));
        assertThat(entry.status()).as(entry.toString()).isEqualTo(201);
        long id = entry.json().path("id").asLong();
        assertThat(entry.json().path("indicatorCode").asString()).isEqualTo("DEMO_COOPERATIVES");
        assertThat(entry.json().path("unitName").asString()).isEqualTo("区农业农村局");
        assertThat(entry.json().path("submittedByName").asString()).isEqualTo("测试UNIT_ADMIN");

        JsonNode seen = api.get("/api/admin/v1/manual-entries/" + id, admin).json();
        JsonNode files = seen.path("evidence");
        assertThat(files).hasSize(2);
        assertThat(files.get(0).path("contentType").asString()).isEqualTo("application/pdf");
        assertThat(Uploads.fetch(files.get(0).path("url").asString()).body()).isEqualTo(certificate);
        // a key that is not the submitter's own upload is listed, but the reviewer's page signs no link to it
        assertThat(files.get(1).path("key").asString()).isEqualTo(someoneElses);
        assertThat(files.get(1).path("url").isNull()).isTrue();

        assertProblem(api.post("/api/admin/v1/indicators/" + coops + "/manual-entries", agriculture, ApiClient.json(
                Map.of("asOf", "2025-06-16", "value", 1, "evidenceKeys", List.of(own)))), 422, "MANUAL_AS_OF_INVALID");

        assertProblem(api.get("/api/admin/v1/manual-entries/" + id, labour), 404, "ENTRY_NOT_FOUND");
        assertThat(api.get("/api/admin/v1/indicators/" + coops + "/manual-entries", labour).json()).isEmpty();
        assertThat(api.get("/api/admin/v1/manual-entries?status=SUBMITTED", labour).json().path("total").asLong()).isZero();
        assertThat(ids(api.get("/api/admin/v1/manual-entries?status=SUBMITTED", agriculture).json())).contains(id);
        assertThat(ids(api.get("/api/admin/v1/indicators/" + coops + "/manual-entries", agriculture).json())).contains(id);

        long planId = seen.path("planId").asLong();
        assertThat(ids(api.get("/api/admin/v1/manual-entries?status=SUBMITTED&planId=" + planId, admin).json()))
                .contains(id);
        assertProblem(api.get("/api/admin/v1/manual-entries?status=DONE", admin), 422, "ENTRY_STATUS_INVALID");
        assertProblem(api.get("/api/admin/v1/manual-entries?planId=999999", admin), 404, "PLAN_NOT_FOUND");

        assertThat(api.post("/api/admin/v1/manual-entries/" + id + "/approve", admin, "{}").status()).isEqualTo(200);
        assertThat(ids(api.get("/api/admin/v1/manual-entries?status=SUBMITTED", admin).json())).doesNotContain(id);
        JsonNode approved = api.get("/api/admin/v1/manual-entries/" + id, agriculture).json();
        assertThat(approved.path("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.path("reviewedByName").asString()).isNotBlank();
    }

    @Test
    void aQuarterlyReportShowsItsEvidenceToTheDistrict() {
        String agriculture = StaffAccounts.token(api, jdbc, admin, "UNIT_ADMIN", "NYNCJ");
        JsonNode task = api.get("/api/admin/v1/plans/" + plan.seededPlanId() + "/my-tasks?quarter=2025-Q2", agriculture).json().get(0);
        String photo = evidence(agriculture, "image/png", Uploads.PNG);
        Response report = api.post("/api/admin/v1/tasks/" + task.path("task").path("id").asLong() + "/reports", agriculture,
                ApiClient.json(Map.of("quarter", "2025-Q2", "progress", "举办培训 3 场", "evidenceKeys", List.of(photo))));
        assertThat(report.status()).as(report.toString()).isEqualTo(201);
        JsonNode listed = api.get("/api/admin/v1/plans/" + plan.seededPlanId() + "/reports?quarter=2025-Q2", admin).json();
        JsonNode mine = null;
        for (JsonNode r : listed) {
            if (r.path("id").asLong() == report.json().path("id").asLong()) {
                mine = r;
            }
        }
        assertThat(mine).isNotNull();
        Uploads.assertIsThePng(Uploads.fetch(mine.path("evidence").get(0).path("url").asString()).body());
    }

    private static List<Long> ids(JsonNode page) {
        JsonNode items = page.has("items") ? page.path("items") : page;
        return items.valueStream().map(n -> n.path("id").asLong()).toList();
    }
}
