package cn.yunxi.kepu.indicator;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

import cn.yunxi.kepu.common.security.CurrentUser;
import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.indicator.PlanRows.TaskRow;
import cn.yunxi.kepu.indicator.PlanRows.TaskUnitRow;
import cn.yunxi.kepu.indicator.PlanViews.TaskView;
import cn.yunxi.kepu.indicator.PlanViews.UnitRef;
import cn.yunxi.kepu.staff.StaffRole;
import cn.yunxi.kepu.staff.StaffService;
import cn.yunxi.kepu.staff.UnitView;

/**
 * 检查评估: every unit responsible for a task (its lead and participating units) reports its own part every quarter;
 * a town may report on any task, since the plan asks every town to carry it out locally. The district admin sees,
 * unit by unit, what has not been reported.
 */
@Service
class UnitReportService {

    static final String TOWN = "TOWN";

    private final PlanService plans;
    private final PlanRepository planRows;
    private final StaffService staff;
    private final JdbcClient jdbc;
    private final EvidenceFiles evidence;
    private final Clock clock;

    UnitReportService(PlanService plans, PlanRepository planRows, StaffService staff, JdbcClient jdbc,
                      EvidenceFiles evidence, Clock clock) {
        this.evidence = evidence;
        this.plans = plans;
        this.planRows = planRows;
        this.staff = staff;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    ReportView submit(CurrentUser user, long taskId, IndicatorRequests.UnitReport r) {
        TaskRow task = planRows.task(taskId).orElseThrow(() -> new ApiException(IndicatorErrors.TASK_NOT_FOUND));
        List<TaskUnitRow> units = planRows.unitsOfTask(taskId);
        String role = roleOf(user, units).orElseThrow(() -> new ApiException(IndicatorErrors.NOT_LEAD_UNIT,
                "本单位不是该任务的责任单位（" + TaskUnitService.describe(units) + "）"));
        var keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("INSERT INTO unit_report (task_id, unit_id, unit_role, quarter, progress, figures, evidence_keys, "
                            + "submitted_by, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(task.id(), user.unitId(), role, r.quarter(), r.progress(), r.figures(),
                            r.evidenceKeys() == null ? null : String.join("\n", r.evidenceKeys()), user.id(),
                            Times.now(clock)).update(keys);
        } catch (DuplicateKeyException e) {
            throw new ApiException(IndicatorErrors.REPORT_EXISTS);
        }
        return reports("WHERE r.id = ?", keys.getKey().longValue()).get(0);
    }

    /** The caller's unit's role on the task: its assignment, or TOWN for a town's own unit; empty when neither. */
    private Optional<String> roleOf(CurrentUser user, List<TaskUnitRow> units) {
        if (user.unitId() == null) {
            return Optional.empty();
        }
        Optional<String> assigned = units.stream().filter(u -> u.unitId() == user.unitId()).map(TaskUnitRow::role)
                .findFirst();
        return assigned.isPresent() ? assigned : isTown(user.unitId()) ? Optional.of(TOWN) : Optional.empty();
    }

    private boolean isTown(long unitId) {
        return staff.unit(unitId).map(UnitView::kind).filter(TOWN::equals).isPresent();
    }

    /** Reports of a plan in a quarter; unit and town admins see only their own unit's. */
    List<ReportView> list(CurrentUser user, long planId, String quarter) {
        plans.plan(planId);
        requireQuarter(quarter);
        if (StaffRole.isDistrictAdmin(user)) {
            return reports("JOIN plan_section s ON s.id = t.section_id WHERE s.plan_id = ? AND r.quarter = ?", planId, quarter);
        }
        return reports("JOIN plan_section s ON s.id = t.section_id WHERE s.plan_id = ? AND r.quarter = ? AND r.unit_id = ?",
                planId, quarter, user.unitId() == null ? -1L : user.unitId());
    }

    /**
     * Every unit with a task of the plan it has not reported on this quarter, and those tasks; {@code role} keeps
     * only the tasks it leads ({@code LEAD}) or takes part in ({@code PARTICIPANT}).
     */
    List<MissingView> missing(long planId, String quarter, String role) {
        plans.plan(planId);
        requireQuarter(quarter);
        if (role != null && !role.equals("LEAD") && !role.equals("PARTICIPANT")) {
            throw new ApiException(IndicatorErrors.UNIT_ROLE_INVALID);
        }
        Set<String> reported = jdbc.sql("SELECT r.task_id, r.unit_id FROM unit_report r JOIN plan_task t ON t.id = r.task_id "
                        + "JOIN plan_section s ON s.id = t.section_id WHERE s.plan_id = ? AND r.quarter = ?")
                .params(planId, quarter).query((rs, i) -> rs.getLong(1) + ":" + rs.getLong(2)).set();
        Map<Long, List<TaskUnitRow>> unitsByTask = plans.taskUnits(planId);
        Map<Long, List<TaskUnitRow>> missingByUnit = new LinkedHashMap<>();
        Map<Long, TaskRow> tasks = new LinkedHashMap<>();
        for (TaskRow t : planRows.tasks(planId)) {
            tasks.put(t.id(), t);
            for (TaskUnitRow u : unitsByTask.getOrDefault(t.id(), List.of())) {
                if (!reported.contains(t.id() + ":" + u.unitId()) && (role == null || role.equals(u.role()))) {
                    missingByUnit.computeIfAbsent(u.unitId(), k -> new ArrayList<>()).add(u);
                }
            }
        }
        List<Long> order = staff.units().stream().map(UnitView::id).toList();
        return missingByUnit.entrySet().stream()
                .sorted(java.util.Comparator.comparingInt(e -> order.indexOf(e.getKey())))
                .map(e -> {
                    List<TaskUnitRow> rows = e.getValue();
                    return new MissingView(new UnitRef(e.getKey(), rows.get(0).unitName()),
                            rows.stream().map(u -> PlanService.view(tasks.get(u.taskId()),
                                    unitsByTask.getOrDefault(u.taskId(), List.of()))).toList(),
                            (int) rows.stream().filter(TaskUnitRow::lead).count(),
                            (int) rows.stream().filter(u -> !u.lead()).count());
                }).toList();
    }

    /** The tasks the caller's unit answers for (a town: every task), with its role and whether it reported. */
    List<MyTaskView> myTasks(CurrentUser user, long planId, String quarter) {
        plans.plan(planId);
        requireQuarter(quarter);
        long unit = user.unitId() == null ? -1L : user.unitId();
        Set<Long> reported = jdbc.sql("SELECT task_id FROM unit_report WHERE unit_id = ? AND quarter = ?")
                .params(unit, quarter).query(Long.class).set();
        Map<Long, List<TaskUnitRow>> unitsByTask = plans.taskUnits(planId);
        boolean town = user.unitId() != null && isTown(user.unitId());
        List<MyTaskView> out = new ArrayList<>();
        for (TaskRow t : planRows.tasks(planId)) {
            List<TaskUnitRow> units = unitsByTask.getOrDefault(t.id(), List.of());
            String role = units.stream().filter(u -> u.unitId() == unit).map(TaskUnitRow::role).findFirst()
                    .orElse(town ? TOWN : null);
            if (role != null) {
                out.add(new MyTaskView(PlanService.view(t, units), role, reported.contains(t.id())));
            }
        }
        return out;
    }

    private static void requireQuarter(String quarter) {
        if (quarter == null || !quarter.matches("\\d{4}-Q[1-4]")) {
            throw new ApiException(IndicatorErrors.QUARTER_INVALID);
        }
    }

    private List<ReportView> reports(String where, Object... args) {
        return jdbc.sql("SELECT r.id, r.task_id, t.title AS task_title, r.unit_id, u.name AS unit_name, r.unit_role, "
                        + "r.quarter, r.progress, r.figures, r.evidence_keys, r.submitted_by, r.submitted_at "
                        + "FROM unit_report r JOIN plan_task t ON t.id = r.task_id JOIN org_unit u ON u.id = r.unit_id "
                        + where + " ORDER BY r.id").params(args).query(ReportRow.class).list()
                .stream().map(r -> new ReportView(r.id(), r.taskId(), r.taskTitle(), new UnitRef(r.unitId(), r.unitName()),
                        r.quarter(), r.progress(), r.figures(),
                        r.evidenceKeys() == null ? List.of() : Arrays.asList(r.evidenceKeys().split("\n")),
                        r.submittedBy(), Times.toOffset(r.submittedAt()), r.unitRole(),
                        evidence.of(r.evidenceKeys(), r.submittedBy()))).toList();
    }

    record ReportRow(long id, long taskId, String taskTitle, long unitId, String unitName, String unitRole,
                     String quarter, String progress, String figures, String evidenceKeys, long submittedBy,
                     LocalDateTime submittedAt) {
    }

    /**
     * @param unitRole the unit's role on the task when it reported: LEAD (牵头), PARTICIPANT (参加) or TOWN (镇街属地落实)
     * @param evidence the evidence files, each with a read link when it is the submitter's own upload
     */
    record ReportView(long id, long taskId, String taskTitle, UnitRef unit, String quarter, String progress,
                      @Nullable String figures, List<String> evidenceKeys, long submittedBy, OffsetDateTime submittedAt,
                      String unitRole, List<EvidenceFiles.EvidenceFile> evidence) {
    }

    /**
     * @param asLead        of the tasks not reported, how many the unit leads
     * @param asParticipant of the tasks not reported, how many it takes part in
     */
    record MissingView(UnitRef unit, List<TaskView> tasksNotReported, int asLead, int asParticipant) {
    }

    /**
     * @param role     LEAD, PARTICIPANT, or TOWN (a town reporting on a task it is not assigned to)
     * @param reported whether the unit has reported on the task this quarter
     */
    record MyTaskView(TaskView task, String role, boolean reported) {
    }
}
