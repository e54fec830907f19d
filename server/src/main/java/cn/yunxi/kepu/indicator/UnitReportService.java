package cn.yunxi.kepu.indicator;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

import cn.yunxi.kepu.common.security.CurrentUser;
import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.indicator.PlanRows.TaskRow;
import cn.yunxi.kepu.indicator.PlanViews.UnitRef;

/** 检查评估: lead units report quarterly progress on their tasks; the district admin sees who has not. */
@Service
class UnitReportService {

    private final PlanService plans;
    private final PlanRepository planRows;
    private final JdbcClient jdbc;
    private final Clock clock;

    UnitReportService(PlanService plans, PlanRepository planRows, JdbcClient jdbc, Clock clock) {
        this.plans = plans;
        this.planRows = planRows;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    ReportView submit(CurrentUser user, long taskId, IndicatorRequests.UnitReport r) {
        TaskRow task = planRows.task(taskId).orElseThrow(() -> new ApiException(IndicatorErrors.TASK_NOT_FOUND));
        if (!Long.valueOf(task.leadUnitId()).equals(user.unitId())) {
            throw new ApiException(IndicatorErrors.NOT_LEAD_UNIT, "只有牵头单位（" + task.leadUnitName() + "）可以报送本任务");
        }
        var keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("INSERT INTO unit_report (task_id, unit_id, quarter, progress, figures, evidence_keys, submitted_by, "
                            + "submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(taskId, task.leadUnitId(), r.quarter(), r.progress(), r.figures(),
                            r.evidenceKeys() == null ? null : String.join("\n", r.evidenceKeys()), user.id(),
                            Times.now(clock)).update(keys);
        } catch (DuplicateKeyException e) {
            throw new ApiException(IndicatorErrors.REPORT_EXISTS);
        }
        return reports("WHERE r.id = ?", keys.getKey().longValue()).get(0);
    }

    /** Reports of a plan in a quarter; a unit admin sees only its own unit's. */
    List<ReportView> list(CurrentUser user, long planId, String quarter) {
        plans.plan(planId);
        requireQuarter(quarter);
        if (Access.isDistrictAdmin(user)) {
            return reports("JOIN plan_section s ON s.id = t.section_id WHERE s.plan_id = ? AND r.quarter = ?", planId, quarter);
        }
        return reports("JOIN plan_section s ON s.id = t.section_id WHERE s.plan_id = ? AND r.quarter = ? AND r.unit_id = ?",
                planId, quarter, user.unitId() == null ? -1L : user.unitId());
    }

    /** Units that lead at least one task of the plan and have not reported on every one of them this quarter. */
    List<MissingView> missing(long planId, String quarter) {
        plans.plan(planId);
        requireQuarter(quarter);
        Set<Long> reported = jdbc.sql("SELECT r.task_id FROM unit_report r JOIN plan_task t ON t.id = r.task_id "
                        + "JOIN plan_section s ON s.id = t.section_id WHERE s.plan_id = ? AND r.quarter = ?")
                .params(planId, quarter).query(Long.class).set();
        Map<Long, List<TaskRow>> byUnit = planRows.tasks(planId).stream().filter(t -> !reported.contains(t.id()))
                .collect(Collectors.groupingBy(TaskRow::leadUnitId, LinkedHashMap::new, Collectors.toList()));
        return byUnit.values().stream().map(tasks -> new MissingView(
                new UnitRef(tasks.get(0).leadUnitId(), tasks.get(0).leadUnitName()),
                tasks.stream().map(PlanService::view).toList())).toList();
    }

    private static void requireQuarter(String quarter) {
        if (quarter == null || !quarter.matches("\\d{4}-Q[1-4]")) {
            throw new ApiException(IndicatorErrors.QUARTER_INVALID);
        }
    }

    private List<ReportView> reports(String where, Object... args) {
        return jdbc.sql("SELECT r.id, r.task_id, t.title AS task_title, r.unit_id, u.name AS unit_name, r.quarter, "
                        + "r.progress, r.figures, r.evidence_keys, r.submitted_by, r.submitted_at "
                        + "FROM unit_report r JOIN plan_task t ON t.id = r.task_id JOIN org_unit u ON u.id = r.unit_id "
                        + where + " ORDER BY r.id").params(args).query(ReportRow.class).list()
                .stream().map(r -> new ReportView(r.id(), r.taskId(), r.taskTitle(), new UnitRef(r.unitId(), r.unitName()),
                        r.quarter(), r.progress(), r.figures(),
                        r.evidenceKeys() == null ? List.of() : Arrays.asList(r.evidenceKeys().split("\n")),
                        r.submittedBy(), Times.toOffset(r.submittedAt()))).toList();
    }

    record ReportRow(long id, long taskId, String taskTitle, long unitId, String unitName, String quarter,
                     String progress, String figures, String evidenceKeys, long submittedBy, LocalDateTime submittedAt) {
    }

    record ReportView(long id, long taskId, String taskTitle, UnitRef unit, String quarter, String progress,
                      String figures, List<String> evidenceKeys, long submittedBy, OffsetDateTime submittedAt) {
    }

    record MissingView(UnitRef unit, List<PlanViews.TaskView> tasksNotReported) {
    }
}
