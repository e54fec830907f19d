package cn.yunxi.kepu.indicator;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.indicator.PlanRows.IndicatorRow;
import cn.yunxi.kepu.indicator.PlanRows.PlanRow;
import cn.yunxi.kepu.indicator.PlanRows.SectionRow;
import cn.yunxi.kepu.indicator.PlanRows.SectionUnitRow;
import cn.yunxi.kepu.indicator.PlanRows.TaskRow;
import cn.yunxi.kepu.indicator.PlanRows.TaskUnitRow;
import cn.yunxi.kepu.indicator.PlanViews.IndicatorView;
import cn.yunxi.kepu.indicator.PlanViews.PlanDetail;
import cn.yunxi.kepu.indicator.PlanViews.PlanSummary;
import cn.yunxi.kepu.indicator.PlanViews.SectionView;
import cn.yunxi.kepu.indicator.PlanViews.TaskView;
import cn.yunxi.kepu.indicator.PlanViews.UnitRef;
import cn.yunxi.kepu.staff.StaffService;

/** Plans as data: staff add a plan, its sections, tasks and indicators through the API, no code change. */
@Service
class PlanService {

    private final PlanRepository plans;
    private final StaffService staff;
    private final IndicatorCatalogService catalog;
    private final ParticipationLedgerService ledger;
    private final Clock clock;

    PlanService(PlanRepository plans, StaffService staff, IndicatorCatalogService catalog, ParticipationLedgerService ledger,
                Clock clock) {
        this.plans = plans;
        this.staff = staff;
        this.catalog = catalog;
        this.ledger = ledger;
        this.clock = clock;
    }

    List<PlanSummary> list() {
        return plans.plans().stream().map(p -> {
            List<SectionRow> sections = plans.sections(p.id());
            return new PlanSummary(p.id(), p.code(), p.name(), p.issuingBody(), p.periodStart(), p.periodEnd(),
                    p.issuedOn(), sections.size(), plans.tasks(p.id()).size(), plans.indicators(p.id()).size());
        }).toList();
    }

    PlanRow plan(long id) {
        return plans.plan(id).orElseThrow(() -> new ApiException(IndicatorErrors.PLAN_NOT_FOUND));
    }

    IndicatorRow indicator(long id) {
        return plans.indicator(id).orElseThrow(() -> new ApiException(IndicatorErrors.INDICATOR_NOT_FOUND));
    }

    PlanDetail detail(long id) {
        PlanRow p = plan(id);
        Map<Long, List<SectionUnitRow>> units = plans.sectionUnits(id).stream()
                .collect(Collectors.groupingBy(SectionUnitRow::sectionId));
        Map<Long, List<TaskRow>> tasks = plans.tasks(id).stream().collect(Collectors.groupingBy(TaskRow::sectionId));
        Map<Long, List<TaskUnitRow>> taskUnits = taskUnits(id);
        Map<Long, List<IndicatorRow>> indicators = plans.indicators(id).stream()
                .collect(Collectors.groupingBy(IndicatorRow::sectionId));
        List<SectionView> sections = plans.sections(id).stream().map(s -> {
            List<SectionUnitRow> su = units.getOrDefault(s.id(), List.of());
            return new SectionView(s.id(), s.code(), s.kind(), s.name(), s.responsibilityText(),
                    su.stream().filter(u -> "LEAD".equals(u.role())).map(u -> new UnitRef(u.unitId(), u.unitName())).toList(),
                    su.stream().filter(u -> "PARTICIPANT".equals(u.role())).map(u -> new UnitRef(u.unitId(), u.unitName())).toList(),
                    tasks.getOrDefault(s.id(), List.of()).stream()
                            .map(t -> view(t, taskUnits.getOrDefault(t.id(), List.of()))).toList(),
                    indicators.getOrDefault(s.id(), List.of()).stream().map(PlanService::view).toList());
        }).toList();
        return new PlanDetail(p.id(), p.code(), p.name(), p.issuingBody(), p.documentNo(), p.periodStart(),
                p.periodEnd(), p.issuedOn(), sections);
    }

    @Transactional
    PlanDetail create(IndicatorRequests.CreatePlan request) {
        LocalDate start = request.periodStart();
        LocalDate end = request.periodEnd();
        if (start.getDayOfMonth() != 1 || !end.equals(end.withDayOfMonth(end.lengthOfMonth())) || end.isBefore(start)
                || end.isAfter(start.plusYears(10))) {
            throw new ApiException(IndicatorErrors.PLAN_PERIOD_INVALID);
        }
        long planId;
        try {
            planId = plans.insertPlan(request.code(), request.name(), request.issuingBody(), request.documentNo(),
                    start, end, request.issuedOn(), Times.now(clock));
        } catch (DuplicateKeyException e) {
            throw new ApiException(IndicatorErrors.PLAN_CODE_TAKEN);
        }
        int order = 0;
        for (IndicatorRequests.CreateSection s : request.sections() == null ? List.<IndicatorRequests.CreateSection>of()
                : request.sections()) {
            addSection(planId, s, order++);
        }
        return detail(planId);
    }

    private void addSection(long planId, IndicatorRequests.CreateSection s, int order) {
        long sectionId;
        try {
            sectionId = plans.insertSection(planId, s.code(), s.kind(), s.name(), s.responsibilityText(), order);
        } catch (DuplicateKeyException e) {
            throw new ApiException(IndicatorErrors.SECTION_CODE_TAKEN, "章节编号重复：" + s.code());
        }
        List<Long> leads = s.leadUnitIds() == null ? List.of() : s.leadUnitIds().stream().distinct().toList();
        List<Long> participants = s.participantUnitIds() == null ? List.of()
                : s.participantUnitIds().stream().filter(u -> !leads.contains(u)).distinct().toList();
        int i = 0;
        for (Long unit : leads) {
            plans.insertSectionUnit(sectionId, requireUnit(unit), "LEAD", i++);
        }
        for (Long unit : participants) {
            plans.insertSectionUnit(sectionId, requireUnit(unit), "PARTICIPANT", i++);
        }
        for (IndicatorRequests.CreateTask t : s.tasks() == null ? List.<IndicatorRequests.CreateTask>of() : s.tasks()) {
            Long lead = t.leadUnitId() != null ? t.leadUnitId() : leads.isEmpty() ? null : leads.get(0);
            if (lead == null) {
                throw new ApiException(IndicatorErrors.UNIT_NOT_FOUND, "任务“" + t.title() + "”没有牵头单位");
            }
            long taskId = plans.insertTask(sectionId, t.title(), t.description(), requireUnit(lead));
            // every unit of the section answers for the task; a task given its own lead unit is led by it alone
            List<Long> taskLeads = t.leadUnitId() == null ? leads : List.of(t.leadUnitId());
            List<Long> taskParticipants = new java.util.ArrayList<>(leads.stream().filter(u -> !taskLeads.contains(u)).toList());
            participants.stream().filter(u -> !taskLeads.contains(u)).forEach(taskParticipants::add);
            plans.insertTaskUnits(taskId, taskLeads, taskParticipants);
        }
    }

    IndicatorView addIndicator(long planId, IndicatorRequests.CreateIndicator r) {
        IndicatorRow created = insertIndicator(planId, r);
        catalog.invalidate();
        // Participation recorded before the indicator existed counts too: build its distinct-person windows now.
        PlanRow p = plan(planId);
        if (created.measureEnum().personBased() || created.hasProxy()) {
            ledger.recompute(p.periodStart(), p.periodEnd());
        }
        return view(created);
    }

    private IndicatorRow insertIndicator(long planId, IndicatorRequests.CreateIndicator r) {
        PlanRow plan = plan(planId);
        SectionRow section = plans.sections(planId).stream().filter(s -> s.code().equals(r.sectionCode())).findFirst()
                .orElseThrow(() -> new ApiException(IndicatorErrors.SECTION_NOT_FOUND));
        boolean proxy = Boolean.TRUE.equals(r.selfTestProxy());
        if (proxy && r.measure() != Measure.MANUAL) {
            throw new ApiException(IndicatorErrors.INDICATOR_DEFINITION_INVALID, "只有手工填报的指标可以附自测参考值");
        }
        if (r.measure() == Measure.BASES_ACCREDITED && r.baseLevel() == null) {
            throw new ApiException(IndicatorErrors.INDICATOR_DEFINITION_INVALID, "基地指标须指定基地级别");
        }
        if ((r.measure() == Measure.OFFICER_COVERAGE || r.measure() == Measure.PROMOTER_COVERAGE) && !"%".equals(r.unit())) {
            throw new ApiException(IndicatorErrors.INDICATOR_DEFINITION_INVALID, "覆盖率指标的单位须为 %");
        }
        boolean window = r.targetWindowStart() != null;
        if (window != (r.targetWindowName() != null && !r.targetWindowName().isBlank())
                || window && (!r.targetWindowStart().isBefore(plan.periodStart()) || "YEARLY".equals(r.targetBasis())
                || r.targetWindowStart().isBefore(plan.periodStart().minusYears(10)))) {
            throw new ApiException(IndicatorErrors.INDICATOR_DEFINITION_INVALID,
                    "目标的统计区间须同时填写开始日期和名称，开始日期早于规划期、不早于规划期前 10 年，且只用于整个规划期的目标");
        }
        Comparison comparison = r.comparison() == null ? Comparison.GTE : r.comparison();
        if (comparison == Comparison.FULL && (!"%".equals(r.unit()) || r.target().compareTo(BigDecimal.valueOf(100)) != 0)) {
            throw new ApiException(IndicatorErrors.INDICATOR_DEFINITION_INVALID, "“全覆盖”的目标须为 100%");
        }
        long id;
        try {
            id = plans.insertIndicator(planId, section.id(), r.code(), r.name(), r.unit(), r.target(), comparison.name(),
                    r.targetBasis(), r.targetWindowStart(), window ? r.targetWindowName().strip() : null,
                    r.measure().name(), r.populationGroup(), r.baseLevel(), r.baseTypes(),
                    proxy ? "SELF_TEST_PASS_RATE" : null, r.method(), r.sourceText(), requireUnit(r.leadUnitId()),
                    Times.now(clock));
        } catch (DuplicateKeyException e) {
            throw new ApiException(IndicatorErrors.INDICATOR_CODE_TAKEN);
        }
        return plans.indicator(id).orElseThrow();
    }

    private long requireUnit(Long unitId) {
        if (unitId == null || staff.unit(unitId).isEmpty()) {
            throw new ApiException(IndicatorErrors.UNIT_NOT_FOUND);
        }
        return unitId;
    }

    /** The units of each task of the plan, by task id. */
    Map<Long, List<TaskUnitRow>> taskUnits(long planId) {
        return plans.taskUnits(planId).stream().collect(Collectors.groupingBy(TaskUnitRow::taskId));
    }

    static TaskView view(TaskRow t, List<TaskUnitRow> units) {
        return new TaskView(t.id(), t.seq(), t.title(), t.description(), new UnitRef(t.leadUnitId(), t.leadUnitName()),
                units.stream().filter(TaskUnitRow::lead).map(u -> new UnitRef(u.unitId(), u.unitName())).toList(),
                units.stream().filter(u -> !u.lead()).map(u -> new UnitRef(u.unitId(), u.unitName())).toList());
    }

    static IndicatorView view(IndicatorRow i) {
        return new IndicatorView(i.id(), i.code(), i.name(), i.sectionCode(), i.unit(), i.target(), i.comparisonEnum(),
                i.comparisonEnum().describe(i.target(), i.unit()), i.targetBasis(), i.targetWindowStart(),
                i.targetWindowName(),
                i.measure(), i.populationGroup(), i.baseLevel(), i.baseTypes(), i.hasProxy(), i.method(),
                i.sourceText(), new UnitRef(i.leadUnitId(), i.leadUnitName()));
    }
}
