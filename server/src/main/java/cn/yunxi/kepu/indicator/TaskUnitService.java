package cn.yunxi.kepu.indicator;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.yunxi.kepu.common.security.CurrentUser;
import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.indicator.PlanRows.TaskRow;
import cn.yunxi.kepu.indicator.PlanRows.TaskUnitRow;
import cn.yunxi.kepu.indicator.PlanViews.TaskView;
import cn.yunxi.kepu.staff.StaffService;
import cn.yunxi.kepu.staff.StaffView;

/**
 * Who answers for a task. The plan names them per section (every lead and participating unit of the 责任分工 line);
 * the district admin may change a task's units, and each change is kept with who made it, when, why, and the units
 * before and after.
 */
@Service
class TaskUnitService {

    private final PlanRepository plans;
    private final StaffService staff;
    private final Clock clock;

    TaskUnitService(PlanRepository plans, StaffService staff, Clock clock) {
        this.plans = plans;
        this.staff = staff;
        this.clock = clock;
    }

    TaskRow task(long taskId) {
        return plans.task(taskId).orElseThrow(() -> new ApiException(IndicatorErrors.TASK_NOT_FOUND));
    }

    @Transactional
    TaskView reassign(CurrentUser user, long taskId, IndicatorRequests.TaskUnits r) {
        plans.lockTask(taskId).orElseThrow(() -> new ApiException(IndicatorErrors.TASK_NOT_FOUND));
        List<Long> leads = r.leadUnitIds().stream().distinct().toList();
        List<Long> participants = r.participantUnitIds() == null ? List.of()
                : r.participantUnitIds().stream().distinct().toList();
        if (participants.stream().anyMatch(leads::contains)) {
            throw new ApiException(IndicatorErrors.TASK_UNITS_INVALID, "同一单位不能既是牵头单位又是参加单位");
        }
        for (Long unit : leads) {
            requireUnit(unit);
        }
        for (Long unit : participants) {
            requireUnit(unit);
        }
        String before = describe(plans.unitsOfTask(taskId));
        plans.replaceTaskUnits(taskId, leads, participants);
        List<TaskUnitRow> now = plans.unitsOfTask(taskId);
        String after = describe(now);
        if (!after.equals(before)) {
            plans.insertTaskUnitChange(taskId, user.id(), Times.now(clock), r.reason().strip(), before, after);
        }
        return PlanService.view(task(taskId), now);
    }

    List<TaskUnitChangeView> changes(long taskId) {
        task(taskId);
        return plans.taskUnitChanges(taskId).stream().map(c -> new TaskUnitChangeView(c.id(), c.taskId(), c.changedBy(),
                staff.staff(c.changedBy()).map(StaffView::displayName).orElse(null), Times.toOffset(c.changedAt()),
                c.reason(), c.unitsBefore(), c.unitsAfter())).toList();
    }

    private void requireUnit(long unitId) {
        if (staff.unit(unitId).isEmpty()) {
            throw new ApiException(IndicatorErrors.UNIT_NOT_FOUND, "单位不存在：" + unitId);
        }
    }

    /** "牵头：区农业农村局、区科协；参加：区委组织部" — what the audit keeps, readable as it was at the time. */
    static String describe(List<TaskUnitRow> units) {
        String leads = units.stream().filter(TaskUnitRow::lead).map(TaskUnitRow::unitName)
                .collect(Collectors.joining("、"));
        String participants = units.stream().filter(u -> !u.lead()).map(TaskUnitRow::unitName)
                .collect(Collectors.joining("、"));
        return "牵头：" + leads + "；参加：" + (participants.isEmpty() ? "无" : participants);
    }

    /** One change of a task's units. */
    record TaskUnitChangeView(long id, long taskId, long changedBy, @Nullable String changedByName, OffsetDateTime changedAt,
                      String reason, String unitsBefore, String unitsAfter) {
    }
}
