package cn.yunxi.kepu.indicator;

import static cn.yunxi.kepu.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.ApiClient.Response;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * 检查评估: every unit the plan names for a task (lead and participating) reports its own part each quarter, towns report
 * on what they carry out locally, the district sees unit by unit what is missing, and reassigns a task on the record.
 */
@KepuIntegrationTest
class UnitReportingIT extends MidPlanYearSupport {


    PlanFixture plan;

    @BeforeEach
    void createPlan() {
        plan = new PlanFixture(api, admin);
    }

    private static Map<String, Object> report(String quarter) {
        return Map.of("quarter", quarter, "progress", "开展职业技能培训 6 期", "figures", "培训 320 人",
                "evidenceKeys", List.of("media/q-photos.zip"));
    }

    private Response submit(String token, long taskId, String quarter) {
        return api.post("/api/admin/v1/tasks/" + taskId + "/reports", token, ApiClient.json(report(quarter)));
    }

    private String unitAdmin(String unitCode) {
        return StaffAccounts.token(api, jdbc, admin, "UNIT_ADMIN", unitCode);
    }

    @Test
    void everyLeadAndParticipatingUnitReportsItsOwnPartAndTownsReportTheirs() {
        long planId = plan.seededPlanId();
        JsonNode task = PlanGovernanceIT.section(api.get("/api/admin/v1/plans/" + planId, admin).json(), "WORKER")
                .path("tasks").get(1);
        long taskId = task.path("id").asLong();
        assertThat(task.path("title").asString()).isEqualTo("推进产业工人教育培训");
        assertThat(task.path("leadUnits").findValuesAsString("name")).containsExactly("区人社局", "区总工会", "区教体局");
        assertThat(task.path("participantUnits").findValuesAsString("name")).contains("区委宣传部", "区消防救援大队")
                .doesNotContain("区人社局");

        String labour = unitAdmin("RSJ");
        String unions = unitAdmin("ZGH");
        String publicity = unitAdmin("XCB");
        String planning = unitAdmin("FGJ"); // 区发改局: not named for the 产业工人 action
        String town = StaffAccounts.token(api, jdbc, admin, "TOWN_ADMIN", "T430603100");
        String quarter = "2024-Q3";

        assertThat(submit(labour, taskId, quarter).json().path("unitRole").asString()).isEqualTo("LEAD");
        Response coLead = submit(unions, taskId, quarter);
        assertThat(coLead.status()).as(coLead.toString()).isEqualTo(201);
        assertThat(coLead.json().path("unitRole").asString()).isEqualTo("LEAD");
        assertThat(coLead.json().path("unit").path("name").asString()).isEqualTo("区总工会");
        assertThat(submit(publicity, taskId, quarter).json().path("unitRole").asString()).isEqualTo("PARTICIPANT");
        Response local = submit(town, taskId, quarter);
        assertThat(local.status()).as(local.toString()).isEqualTo(201);
        assertThat(local.json().path("unitRole").asString()).isEqualTo("TOWN");

        Response outsider = submit(planning, taskId, quarter);
        assertProblem(outsider, 403, "NOT_LEAD_UNIT");
        assertThat(outsider.json().path("detail").asString()).contains("区人社局", "区委宣传部");
        assertProblem(submit(admin, taskId, quarter), 403, "FORBIDDEN");
        assertProblem(submit(unions, taskId, quarter), 409, "REPORT_EXISTS");
        assertProblem(api.post("/api/admin/v1/tasks/" + taskId + "/reports", unions,
                ApiClient.json(Map.of("quarter", "2024-Q5", "progress", "x"))), 400, "VALIDATION_FAILED");

        // each unit sees its own reports; the district sees all four
        assertThat(api.get("/api/admin/v1/plans/" + planId + "/reports?quarter=" + quarter, unions).json()
                .findValuesAsString("taskTitle")).containsExactly("推进产业工人教育培训");
        assertThat(api.get("/api/admin/v1/plans/" + planId + "/reports?quarter=" + quarter, admin).json()
                .findValues("unit").stream().map(u -> u.path("name").asString()).toList())
                .containsExactly("区人社局", "区总工会", "区委宣传部", "陆城镇");

        // missing, unit by unit: the third lead (区教体局) has not reported this task; those who did are not listed for it
        JsonNode missing = api.get("/api/admin/v1/plans/" + planId + "/reports/missing?quarter=" + quarter, admin).json();
        assertThat(missingTasks(missing, "区教体局")).contains(taskId);
        assertThat(missingTasks(missing, "区人社局")).doesNotContain(taskId).isNotEmpty();
        assertThat(missingTasks(missing, "区总工会")).doesNotContain(taskId);
        assertThat(missingTasks(missing, "区委宣传部")).doesNotContain(taskId);
        assertThat(unit(missing, "区发改局").path("asParticipant").asInt()).isPositive();
        JsonNode leadsOnly = api.get("/api/admin/v1/plans/" + planId + "/reports/missing?quarter=" + quarter
                + "&role=LEAD", admin).json();
        assertThat(unit(leadsOnly, "区发改局").path("asParticipant").asInt()).isZero();
        assertThat(unit(leadsOnly, "区教体局").path("asLead").asInt()).isEqualTo(missingTasks(leadsOnly, "区教体局").size());
        assertProblem(api.get("/api/admin/v1/plans/" + planId + "/reports/missing?quarter=" + quarter + "&role=BOSS",
                admin), 422, "UNIT_ROLE_INVALID");
        assertProblem(api.get("/api/admin/v1/plans/" + planId + "/reports/missing?quarter=" + quarter, labour), 403,
                "FORBIDDEN");

        // what a unit answers for: its tasks and role; a town, every task
        JsonNode mine = api.get("/api/admin/v1/plans/" + planId + "/my-tasks?quarter=" + quarter, unions).json();
        assertThat(mine).allSatisfy(t -> assertThat(t.path("role").asString()).isIn("LEAD", "PARTICIPANT"));
        assertThat(mine.toString()).contains("推进产业工人教育培训");
        assertThat(myTask(mine, taskId).path("reported").asBoolean()).isTrue();
        JsonNode townTasks = api.get("/api/admin/v1/plans/" + planId + "/my-tasks?quarter=" + quarter, town).json();
        assertThat(townTasks.size()).isEqualTo(46);
        assertThat(townTasks).allSatisfy(t -> assertThat(t.path("role").asString()).isEqualTo("TOWN"));
    }

    @Test
    void theDistrictReassignsATaskOnTheRecordAndTheNewUnitsReport() {
        long agriculture = StaffAccounts.unitId(jdbc, "NYNCJ");
        long kexie = StaffAccounts.unitId(jdbc, "KX");
        long planning = StaffAccounts.unitId(jdbc, "FGJ");
        long labour = StaffAccounts.unitId(jdbc, "RSJ");
        long town = StaffAccounts.unitId(jdbc, "T430603101");
        long taskId = newPlanTask(agriculture, kexie);
        String farming = unitAdmin("NYNCJ");
        String planningAdmin = unitAdmin("FGJ");

        assertProblem(reassign(farming, taskId, List.of(planning), List.of(), "调整"), 403, "FORBIDDEN");
        assertProblem(reassign(admin, taskId, List.of(), List.of(labour), "调整"), 400, "VALIDATION_FAILED");
        assertProblem(reassign(admin, taskId, List.of(planning), List.of(labour), " "), 400, "VALIDATION_FAILED");
        assertProblem(reassign(admin, taskId, List.of(planning), List.of(planning), "调整"), 422, "TASK_UNITS_INVALID");
        assertProblem(reassign(admin, taskId, List.of(planning, 999_999L), List.of(), "调整"), 400, "UNIT_NOT_FOUND");
        assertProblem(reassign(admin, 999_999, List.of(planning), List.of(), "调整"), 404, "TASK_NOT_FOUND");
        assertThat(api.get("/api/admin/v1/tasks/" + taskId + "/unit-changes", admin).json().size()).isZero();

        Response moved = reassign(admin, taskId, List.of(planning), List.of(labour, town), "区政府常务会议决定由区发改局牵头");
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json().path("leadUnit").path("name").asString()).isEqualTo("区发改局");
        assertThat(moved.json().path("participantUnits").findValuesAsString("name")).containsExactly("区人社局", "路口镇");

        assertThat(submit(planningAdmin, taskId, "2025-Q2").json().path("unitRole").asString()).isEqualTo("LEAD");
        assertProblem(submit(farming, taskId, "2025-Q2"), 403, "NOT_LEAD_UNIT");

        JsonNode changes = api.get("/api/admin/v1/tasks/" + taskId + "/unit-changes", admin).json();
        assertThat(changes.size()).isEqualTo(1);
        assertThat(changes.get(0).path("reason").asString()).isEqualTo("区政府常务会议决定由区发改局牵头");
        assertThat(changes.get(0).path("unitsBefore").asString()).isEqualTo("牵头：区农业农村局；参加：区科协");
        assertThat(changes.get(0).path("unitsAfter").asString()).isEqualTo("牵头：区发改局；参加：区人社局、路口镇");
        assertThat(changes.get(0).path("changedByName").asString()).isNotBlank();
        assertThat(changes.get(0).path("changedAt").asString()).endsWith("+08:00");

        // saving the same units again changes nothing and records nothing
        reassign(admin, taskId, List.of(planning), List.of(labour, town), "再次保存");
        assertThat(api.get("/api/admin/v1/tasks/" + taskId + "/unit-changes", admin).json().size()).isEqualTo(1);
    }

    @Test
    void concurrentReassignmentsOfATaskAreRecordedOneAfterTheOther() throws Exception {
        long agriculture = StaffAccounts.unitId(jdbc, "NYNCJ");
        long kexie = StaffAccounts.unitId(jdbc, "KX");
        long taskId = newPlanTask(agriculture, kexie);
        List<Long> candidates = List.of(StaffAccounts.unitId(jdbc, "FGJ"), StaffAccounts.unitId(jdbc, "RSJ"),
                StaffAccounts.unitId(jdbc, "WJJ"), StaffAccounts.unitId(jdbc, "MZJ"), StaffAccounts.unitId(jdbc, "LYJ"),
                StaffAccounts.unitId(jdbc, "CZJ"));
        ExecutorService pool = Executors.newFixedThreadPool(candidates.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (Long unit : candidates) {
                Callable<Integer> call = () -> {
                    start.await();
                    return reassign(admin, taskId, List.of(unit), List.of(kexie), "并发调整 " + unit).status();
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            for (Future<Integer> f : results) {
                assertThat(f.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        // every change starts from the units the previous one left: none was lost or interleaved
        JsonNode changes = api.get("/api/admin/v1/tasks/" + taskId + "/unit-changes", admin).json();
        assertThat(changes.size()).isEqualTo(candidates.size());
        for (int i = 0; i + 1 < changes.size(); i++) {
            assertThat(changes.get(i).path("unitsBefore").asString())
                    .isEqualTo(changes.get(i + 1).path("unitsAfter").asString());
        }
        assertThat(changes.get(changes.size() - 1).path("unitsBefore").asString()).isEqualTo("牵头：区农业农村局；参加：区科协");
        String last = changes.get(0).path("unitsAfter").asString();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM plan_task_unit WHERE task_id = ?", Long.class, taskId))
                .isEqualTo(2);
        assertThat(last).startsWith("牵头：").endsWith("；参加：区科协");
    }

    /** A one-task plan whose section is led by {@code lead} with {@code participant} taking part; returns the task. */
    private long newPlanTask(long lead, long participant) {
        JsonNode created = PlanFixture.newPlan(api, admin, "REASSIGN", "2026-01-01", "2026-12-31", List.of(Map.of(
                "code", "FARMER", "kind", "ACTION", "name", "农民科学素质提升行动", "leadUnitIds", List.of(lead),
                "participantUnitIds", List.of(participant), "tasks", List.of(Map.of("title", "大力开展农民科技教育培训")))));
        JsonNode task = created.path("sections").get(0).path("tasks").get(0);
        assertThat(task.path("leadUnits").findValuesAsString("name")).containsExactly("区农业农村局");
        assertThat(task.path("participantUnits").findValuesAsString("name")).containsExactly("区科协");
        return task.path("id").asLong();
    }

    private Response reassign(String token, long taskId, List<Long> leads, List<Long> participants, String reason) {
        return api.put("/api/admin/v1/tasks/" + taskId + "/units", token, ApiClient.json(Map.of("leadUnitIds", leads,
                "participantUnitIds", participants, "reason", reason)));
    }

    private static JsonNode unit(JsonNode missing, String name) {
        for (JsonNode u : missing) {
            if (name.equals(u.path("unit").path("name").asString())) {
                return u;
            }
        }
        throw new AssertionError(name + " not in " + missing);
    }

    private static List<Long> missingTasks(JsonNode missing, String unitName) {
        List<Long> ids = new ArrayList<>();
        unit(missing, unitName).path("tasksNotReported").forEach(t -> ids.add(t.path("id").asLong()));
        return ids;
    }

    private static JsonNode myTask(JsonNode mine, long taskId) {
        for (JsonNode t : mine) {
            if (t.path("task").path("id").asLong() == taskId) {
                return t;
            }
        }
        throw new AssertionError("task " + taskId + " not among " + mine);
    }
}
