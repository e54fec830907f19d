package cn.yunxi.kepu.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.yunxi.kepu.common.persistence.ReplicaReads;
import cn.yunxi.kepu.sciencebase.AccreditedBase;
import cn.yunxi.kepu.sciencebase.AccreditedBaseService;
import cn.yunxi.kepu.common.security.CurrentUser;
import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.common.web.PageQuery;
import cn.yunxi.kepu.indicator.FigureViews.Figure;
import cn.yunxi.kepu.indicator.IndicatorCatalogService.Window;
import cn.yunxi.kepu.indicator.PlanRows.IndicatorRow;
import cn.yunxi.kepu.indicator.PlanRows.ManualEntryRow;
import cn.yunxi.kepu.officer.CoverageReport;
import cn.yunxi.kepu.officer.OfficerCoverageService;
import cn.yunxi.kepu.officer.OfficerRole;
import cn.yunxi.kepu.region.RegionInfo;
import cn.yunxi.kepu.region.RegionService;
import cn.yunxi.kepu.staff.StaffRole;
import cn.yunxi.kepu.staff.StaffService;
import cn.yunxi.kepu.staff.UnitView;

/**
 * The records behind a figure. For counts, the rows add up to the figure: one row per record for person-times,
 * one row per person (with the record that first counted them) for distinct persons, one per base for bases.
 * Persons appear only by a pseudonym (see {@link PersonLabelRepository}); only the district admin and town staff see rows.
 */
@Service
class DrillDownService {

    private final PlanService plans;
    private final FigureService figures;
    private final DashboardService dashboard;
    private final JdbcClient jdbc;
    private final OfficerCoverageService officers;
    private final AccreditedBaseService bases;
    private final ManualEntryRepository manual;
    private final RegionService regions;
    private final PersonLabelRepository labels;
    private final StaffService staff;
    private final ReplicaReads replica;

    DrillDownService(PlanService plans, FigureService figures, DashboardService dashboard, JdbcClient jdbc,
                     OfficerCoverageService officers, AccreditedBaseService bases, ManualEntryRepository manual,
                     RegionService regions, PersonLabelRepository labels, StaffService staff, ReplicaReads replica) {
        this.replica = replica;
        this.labels = labels;
        this.staff = staff;
        this.plans = plans;
        this.figures = figures;
        this.dashboard = dashboard;
        this.jdbc = jdbc;
        this.officers = officers;
        this.bases = bases;
        this.manual = manual;
        this.regions = regions;
    }

    /**
     * Whose records a viewer may see: all of them (the district admin), or those of one town (staff of a town unit).
     * Other staff see figures, not the people behind them.
     */
    record Scope(String townCode) {
        static final Scope ALL = new Scope(null);

        boolean sees(String town) {
            return townCode == null || townCode.equals(town);
        }
    }

    /**
     * Whose participation records {@code user} may list or export: the district admin all of them, staff of a town
     * unit those of their town; anyone else none (a department sees the figures, not the people behind them).
     */
    Scope scopeFor(CurrentUser user) {
        if (StaffRole.isDistrictAdmin(user)) {
            return Scope.ALL;
        }
        return (user.unitId() == null ? Optional.<UnitView>empty() : staff.unit(user.unitId()))
                .filter(u -> "TOWN".equals(u.kind()) && u.regionCode() != null)
                .map(u -> new Scope(u.regionCode()))
                .orElseThrow(() -> new ApiException(IndicatorErrors.DRILL_DOWN_FORBIDDEN));
    }

    DrillDown records(long indicatorId, PageQuery page, Scope scope) {
        return records(indicatorId, page.offset(), page.sizeOrDefault(), page.pageOrDefault(), scope);
    }

    /** On the read replica when one is configured ({@link ReplicaReads}). */
    DrillDown records(long indicatorId, long offset, int limit, int pageNo, Scope scope) {
        return replica.read(() -> recordsNow(indicatorId, offset, limit, pageNo, scope));
    }

    private DrillDown recordsNow(long indicatorId, long offset, int limit, int pageNo, Scope scope) {
        IndicatorRow ind = plans.indicator(indicatorId);
        LocalDate today = dashboard.today();
        Figure figure = figures.figure(ind, today);
        Window w = FigureService.currentWindow(ind, today);
        List<RecordRow> items;
        long total;
        String counting;
        // An approved figure for the target's window before the plan period is the first row, counting its value;
        // it belongs to no town, so a town's list leaves it out.
        Optional<ManualEntryRow> baseline = ind.takesBaseline() && scope.townCode() == null
                ? manual.approvedBaseline(ind.id()) : Optional.empty();
        int first = baseline.isPresent() ? 1 : 0;
        long rowsOffset = Math.max(0, offset - first);
        int rowsLimit = offset < first ? limit - first : limit;
        switch (ind.measureEnum()) {
            case PERSON_TIMES -> {
                counting = "每条记录计 1 人次" + scoped(scope);
                String where = " FROM participation_tag t JOIN participation_record r ON r.id = t.record_id "
                        + "WHERE t.tag = ? AND t.occurred_on BETWEEN ? AND ? AND (? IS NULL OR t.population_group = ?)"
                        + " AND (? IS NULL OR t.town_code = ?)";
                Object[] args = {ind.code(), w.start(), w.end(), ind.populationGroup(), ind.populationGroup(),
                        scope.townCode(), scope.townCode()};
                total = first + jdbc.sql("SELECT COUNT(*)" + where).params(args).query(Long.class).single();
                items = withBaseline(baseline, offset, jdbc.sql("SELECT r.id AS record_id, r.person_key, r.person_label, "
                                + "r.kind, r.source_type, r.source_id, r.source_title, t.occurred_on, t.town_code, "
                                + "t.population_group, r.passed" + where + " ORDER BY t.occurred_on, r.id LIMIT ? OFFSET ?")
                        .params(concat(args, rowsLimit, rowsOffset)).query(Raw.class).list().stream().map(this::row)
                        .toList());
            }
            case DISTINCT_PERSONS -> {
                counting = "每人计 1 人（显示其在统计期内第一次参加的记录）" + scoped(scope);
                total = first + personCount(ind.id(), w.start(), scope);
                items = withBaseline(baseline, offset, personRows(ind.id(), w.start(), rowsLimit, rowsOffset, scope));
            }
            case OFFICER_COVERAGE, PROMOTER_COVERAGE -> {
                CoverageReport report = officers.coverage(ind.measureEnum() == Measure.OFFICER_COVERAGE
                        ? OfficerRole.INFO_OFFICER : OfficerRole.PROMOTER);
                counting = "已覆盖 " + report.covered() + " 个 ÷ 全部 " + report.total() + " 个村（社区）";
                List<RecordRow> all = report.villages().stream().map(v -> new RecordRow(null,
                        String.join("、", v.officers()), "VILLAGE", "REGION", null, v.regionName(), null,
                        v.townName(), null, null, v.covered() ? 1 : 0))
                        .filter(r -> scope.townCode() == null || r.town().equals(townName(scope.townCode()))).toList();
                total = all.size();
                items = all.stream().skip(offset).limit(limit).toList();
            }
            case BASES_ACCREDITED -> {
                counting = "每个基地计 1 个";
                Set<String> types = ind.baseTypes() == null ? Set.of() : Set.copyOf(Arrays.asList(ind.baseTypes().split(",")));
                List<AccreditedBase> list = bases.accredited(ind.baseLevel(), types, w.start(), w.end()).stream()
                        .filter(b -> scope.sees(b.townCode())).toList();
                total = list.size();
                items = list.stream().skip(offset).limit(limit).map(b -> new RecordRow(b.id(), null, "BASE", "BASE",
                        b.id(), b.name(), b.accreditedOn(), townName(b.townCode()), null, null, 1)).toList();
            }
            default -> {
                counting = "取最近一次审核通过的填报值";
                List<RecordRow> all = new ArrayList<>();
                manual.approved(ind.id()).forEach(e -> all.add(new RecordRow(e.id(), null, "MANUAL_ENTRY",
                        "MANUAL_ENTRY", e.id(), e.note(), e.asOf(), null, null, null, 0)));
                total = all.size();
                items = all.stream().skip(offset).limit(limit).toList();
            }
        }
        return new DrillDown(ind.id(), ind.code(), ind.name(), ind.unit(), figure.value(), w.start(), w.end(), counting,
                items, total, pageNo, limit);
    }

    /** The rows of a page, after the baseline's row when the page is the first. */
    private static List<RecordRow> withBaseline(Optional<ManualEntryRow> baseline, long offset, List<RecordRow> rows) {
        if (baseline.isEmpty() || offset > 0) {
            return rows;
        }
        ManualEntryRow b = baseline.get();
        List<RecordRow> out = new ArrayList<>();
        out.add(new RecordRow(b.id(), null, "BASELINE", "MANUAL_ENTRY", b.id(),
                "规划期前基数" + (b.note() == null || b.note().isBlank() ? "" : "（" + b.note() + "）"), b.asOf(), null,
                null, null, b.value().intValueExact()));
        out.addAll(rows);
        return out;
    }

    /**
     * The self-test sample behind the literacy-rate proxy: one row per participant, by their first self-test. On the
     * read replica when one is configured ({@link ReplicaReads}).
     */
    DrillDown selfTests(long indicatorId, PageQuery page, Scope scope) {
        return replica.read(() -> selfTestsNow(indicatorId, page, scope));
    }

    private DrillDown selfTestsNow(long indicatorId, PageQuery page, Scope scope) {
        IndicatorRow ind = plans.indicator(indicatorId);
        if (!ind.hasProxy()) {
            throw new cn.yunxi.kepu.common.web.ApiException(IndicatorErrors.INDICATOR_NOT_FOUND, "该指标没有自测参考值");
        }
        long total = personCount(ind.id(), ind.periodStart(), scope);
        return new DrillDown(ind.id(), ind.code(), ind.name(), "人", BigDecimal.valueOf(total), ind.periodStart(),
                ind.periodEnd(), "每人计 1 人，取其统计期内第一次自测" + scoped(scope),
                personRows(ind.id(), ind.periodStart(), page.sizeOrDefault(), page.offset(), scope), total,
                page.pageOrDefault(), page.sizeOrDefault());
    }

    private long personCount(long indicatorId, LocalDate windowStart, Scope scope) {
        return jdbc.sql("SELECT COUNT(*) FROM indicator_person WHERE indicator_id = ? AND window_start = ? "
                        + "AND (? IS NULL OR town_code = ?)")
                .params(indicatorId, windowStart, scope.townCode(), scope.townCode()).query(Long.class).single();
    }

    private List<RecordRow> personRows(long indicatorId, LocalDate windowStart, int limit, long offset, Scope scope) {
        return jdbc.sql("""
                SELECT r.id AS record_id, r.person_key, r.person_label, r.kind, r.source_type, r.source_id,
                       r.source_title, p.first_on AS occurred_on, p.town_code, p.population_group, p.passed
                FROM indicator_person p JOIN participation_record r ON r.id = p.first_record_id
                WHERE p.indicator_id = ? AND p.window_start = ? AND (? IS NULL OR p.town_code = ?)
                ORDER BY p.first_on, p.person_key LIMIT ? OFFSET ?
                """).params(indicatorId, windowStart, scope.townCode(), scope.townCode(), limit, offset)
                .query(Raw.class).list().stream().map(this::row).toList();
    }

    private String scoped(Scope scope) {
        return scope.townCode() == null ? "" : "；只列出" + townName(scope.townCode()) + "的记录";
    }

    private RecordRow row(Raw r) {
        return new RecordRow(r.recordId(), labels.label(r.personKey(), r.personLabel()), r.kind(),
                r.sourceType(), r.sourceId(), r.sourceTitle(), r.occurredOn(), townName(r.townCode()),
                r.populationGroup().isEmpty() ? null : r.populationGroup(), r.passed(), 1);
    }

    private String townName(String code) {
        return code == null || code.isEmpty() ? "未填写" : regions.find(code).map(RegionInfo::name).orElse(code);
    }

    private static Object[] concat(Object[] args, Object... more) {
        Object[] out = Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, out, args.length, more.length);
        return out;
    }

    record Raw(long recordId, String personKey, String personLabel, String kind, String sourceType, long sourceId, String sourceTitle,
               LocalDate occurredOn, String townCode, String populationGroup, Boolean passed) {
    }

    /**
     * One record behind a figure.
     *
     * @param counts how much this row adds to the figure (1 for a record, person or base; for coverage 1 when the
     *               village is covered)
     */
    record RecordRow(Long recordId, @Nullable String person, String kind, String sourceType, Long sourceId,
                     String source, @Nullable LocalDate date, @Nullable String town, @Nullable String populationGroup,
                     Boolean passed, int counts) {
    }

    record DrillDown(long indicatorId, String code, String name, String unit, @Nullable BigDecimal value,
                     LocalDate windowStart, LocalDate windowEnd, String counting, List<RecordRow> items, long total, int page, int size) {
    }
}
