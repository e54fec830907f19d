package cn.yunxi.kepu.indicator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.yunxi.kepu.sciencebase.AccreditedBase;
import cn.yunxi.kepu.sciencebase.AccreditedBaseService;
import cn.yunxi.kepu.indicator.FigureViews.Breakdown;
import cn.yunxi.kepu.indicator.FigureViews.Figure;
import cn.yunxi.kepu.indicator.FigureViews.Point;
import cn.yunxi.kepu.indicator.FigureViews.SelfTestProxy;
import cn.yunxi.kepu.indicator.FigureViews.Status;
import cn.yunxi.kepu.indicator.FigureViews.TargetWindow;
import cn.yunxi.kepu.indicator.FigureViews.YearFigure;
import cn.yunxi.kepu.indicator.FigureViews.YearPhase;
import cn.yunxi.kepu.indicator.IndicatorCatalogService.Window;
import cn.yunxi.kepu.indicator.PlanRows.IndicatorRow;
import cn.yunxi.kepu.indicator.PlanRows.ManualEntryRow;
import cn.yunxi.kepu.officer.CoverageReport;
import cn.yunxi.kepu.officer.OfficerCoverageService;
import cn.yunxi.kepu.officer.OfficerRole;
import cn.yunxi.kepu.region.RegionInfo;
import cn.yunxi.kepu.region.RegionService;
import cn.yunxi.kepu.resident.PopulationGroup;

/** Computes an indicator's current figure from the aggregates (never from the raw ledger). */
@Service
class FigureService {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** The breakdown code of the part of a figure that comes from the baseline, not from a town or group. */
    static final String BASELINE = "BASELINE";

    private final JdbcClient jdbc;
    private final RegionService regions;
    private final OfficerCoverageService officers;
    private final AccreditedBaseService bases;
    private final ManualEntryRepository manualEntries;

    FigureService(JdbcClient jdbc, RegionService regions, OfficerCoverageService officers, AccreditedBaseService bases,
                  ManualEntryRepository manualEntries) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.officers = officers;
        this.bases = bases;
        this.manualEntries = manualEntries;
    }

    /** The window the figure counts now: the whole period, or for per-year targets the current year's part. */
    static Window currentWindow(IndicatorRow ind, LocalDate today) {
        if (!ind.yearly()) {
            return new Window(ind.periodStart(), ind.periodEnd());
        }
        LocalDate day = today.isBefore(ind.periodStart()) ? ind.periodStart()
                : today.isAfter(ind.periodEnd()) ? ind.periodEnd() : today;
        LocalDate start = LocalDate.of(day.getYear(), 1, 1);
        LocalDate end = LocalDate.of(day.getYear(), 12, 31);
        return new Window(start.isBefore(ind.periodStart()) ? ind.periodStart() : start,
                end.isAfter(ind.periodEnd()) ? ind.periodEnd() : end);
    }

    static BigDecimal elapsedPercent(Window w, LocalDate today) {
        long all = ChronoUnit.DAYS.between(w.start(), w.end()) + 1;
        long done = ChronoUnit.DAYS.between(w.start(), today) + 1;
        done = Math.max(0, Math.min(all, done));
        return BigDecimal.valueOf(done * 100.0 / all).setScale(1, RoundingMode.HALF_UP);
    }

    /** The figure now: everything recorded in the current window, as the dashboard shows it. */
    Figure figure(IndicatorRow ind, LocalDate today) {
        return figure(ind, today, null);
    }

    /**
     * The figure as it stood at the end of {@code day} (a month's last day, when that month is reported later):
     * records, entries and officers' activity after that day do not count, and time elapsed is measured to it.
     */
    Figure figureAsOf(IndicatorRow ind, LocalDate day) {
        return figure(ind, day, day);
    }

    private Figure figure(IndicatorRow ind, LocalDate today, LocalDate cutoff) {
        Window w = currentWindow(ind, today);
        BigDecimal elapsed = elapsedPercent(w, today);
        Window counting = cutoff == null || !cutoff.isBefore(w.end()) ? w : new Window(w.start(), cutoff);
        Counted counted = count(ind, counting, today);
        TargetWindow targetWindow = null;
        if (ind.windowReachesBeforePeriod()) {
            Optional<ManualEntryRow> baseline = ind.takesBaseline() ? manualEntries.approvedBaseline(ind.id())
                    : Optional.empty();
            if (baseline.isPresent()) {
                counted = counted.plusBaseline(baseline.get().value());
            }
            targetWindow = new TargetWindow(ind.targetWindowName(), ind.targetWindowStart(), ind.periodEnd(),
                    ind.periodStart(), ind.takesBaseline(), baseline.map(ManualEntryRow::value).orElse(null),
                    baseline.map(ManualEntryRow::id).orElse(null));
            elapsed = elapsedPercent(new Window(ind.targetWindowStart(), w.end()), today);
        }
        BigDecimal percent = counted.value() == null ? null
                : counted.value().multiply(HUNDRED).divide(ind.target(), 1, RoundingMode.HALF_UP);
        Status status = status(ind.comparisonEnum(), counted.value(), ind.target(), percent, elapsed);
        SelfTestProxy proxy = ind.hasProxy() ? selfTestProxy(ind) : null;
        return new Figure(ind.id(), ind.code(), ind.name(), ind.sectionCode(), ind.unit(), ind.target(),
                ind.targetBasis(), ind.measure(), ind.method(), ind.leadUnitName(), ind.leadUnitId(), w.start(), w.end(),
                counted.value(), percent, elapsed, status, counted.trend(), counted.byTown(), counted.byGroup(), proxy,
                null, null, ind.comparisonEnum(), ind.comparisonEnum().describe(ind.target(), ind.unit()),
                ind.yearly() && cutoff == null ? years(ind, today) : null, targetWindow);
    }

    /** Every year of the plan for a per-year target, each counted in its own window. */
    private List<YearFigure> years(IndicatorRow ind, LocalDate today) {
        List<YearFigure> out = new ArrayList<>();
        for (Window w : yearWindows(ind)) {
            YearPhase phase = today.isAfter(w.end()) ? YearPhase.PAST
                    : today.isBefore(w.start()) ? YearPhase.FUTURE : YearPhase.CURRENT;
            BigDecimal value = count(ind, w, today).value();
            BigDecimal shown = value == null ? BigDecimal.ZERO : value;
            BigDecimal percent = shown.multiply(HUNDRED).divide(ind.target(), 1, RoundingMode.HALF_UP);
            BigDecimal elapsed = elapsedPercent(w, today);
            Status status = phase == YearPhase.FUTURE ? null
                    : status(ind.comparisonEnum(), value, ind.target(), percent, elapsed);
            out.add(new YearFigure(w.start().getYear(), w.start(), w.end(), phase, value, value == null ? null : percent,
                    elapsed, status, ind.comparisonEnum().met(value, ind.target())));
        }
        return out;
    }

    /** The plan period cut into calendar years (the first and last may be partial). */
    static List<Window> yearWindows(IndicatorRow ind) {
        List<Window> out = new ArrayList<>();
        for (int y = ind.periodStart().getYear(); y <= ind.periodEnd().getYear(); y++) {
            LocalDate start = LocalDate.of(y, 1, 1);
            LocalDate end = LocalDate.of(y, 12, 31);
            out.add(new Window(start.isBefore(ind.periodStart()) ? ind.periodStart() : start,
                    end.isAfter(ind.periodEnd()) ? ind.periodEnd() : end));
        }
        return out;
    }

    /** Done when the target is met as the plan words it; otherwise on track while the share done keeps up with time. */
    static Status status(Comparison comparison, BigDecimal value, BigDecimal target, BigDecimal percent,
                         BigDecimal elapsed) {
        if (value == null) {
            return Status.NO_DATA;
        }
        if (comparison.met(value, target)) {
            return Status.DONE;
        }
        return percent.compareTo(elapsed) >= 0 ? Status.ON_TRACK : Status.BEHIND;
    }

    /** The figure within one window. */
    private Counted count(IndicatorRow ind, Window w, LocalDate today) {
        return switch (ind.measureEnum()) {
            case PERSON_TIMES -> personTimes(ind, w, today);
            case DISTINCT_PERSONS -> distinctPersons(ind, w, today);
            case OFFICER_COVERAGE -> coverage(OfficerRole.INFO_OFFICER, today);
            case PROMOTER_COVERAGE -> coverage(OfficerRole.PROMOTER, today);
            case BASES_ACCREDITED -> accreditedBases(ind, w, today);
            case MANUAL -> manual(ind, w);
        };
    }

    private Counted personTimes(IndicatorRow ind, Window w, LocalDate today) {
        List<Bucket> rows = jdbc.sql("""
                SELECT month, town_code, population_group, SUM(person_times) AS value
                FROM indicator_monthly
                WHERE tag = ? AND month BETWEEN ? AND ? AND (? IS NULL OR population_group = ?)
                GROUP BY month, town_code, population_group
                """).params(ind.code(), w.start().withDayOfMonth(1), w.end().withDayOfMonth(1), ind.populationGroup(),
                ind.populationGroup()).query(Bucket.class).list();
        return fromBuckets(rows, w, today);
    }

    private Counted distinctPersons(IndicatorRow ind, Window w, LocalDate today) {
        List<Bucket> rows = jdbc.sql("""
                SELECT month, town_code, population_group, SUM(persons) AS value
                FROM indicator_person_monthly
                WHERE indicator_id = ? AND window_start = ? AND month <= ?
                GROUP BY month, town_code, population_group
                """).params(ind.id(), w.start(), w.end().withDayOfMonth(1)).query(Bucket.class).list();
        return fromBuckets(rows, w, today);
    }

    private Counted fromBuckets(List<Bucket> rows, Window w, LocalDate today) {
        Map<String, BigDecimal> byTown = new TreeMap<>();
        Map<String, BigDecimal> byGroup = new TreeMap<>();
        Map<YearMonth, BigDecimal> byMonth = new TreeMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Bucket b : rows) {
            total = total.add(b.value());
            byTown.merge(b.townCode(), b.value(), BigDecimal::add);
            byGroup.merge(b.populationGroup(), b.value(), BigDecimal::add);
            byMonth.merge(YearMonth.from(b.month()), b.value(), BigDecimal::add);
        }
        return new Counted(total, cumulativeTrend(byMonth, w, today), towns(byTown), groups(byGroup));
    }

    private Counted coverage(OfficerRole role, LocalDate day) {
        CoverageReport report = officers.coverage(role, day);
        Map<String, int[]> perTown = new LinkedHashMap<>();
        report.villages().forEach(v -> {
            int[] c = perTown.computeIfAbsent(v.townCode(), k -> new int[2]);
            c[0] += v.covered() ? 1 : 0;
            c[1]++;
        });
        List<Breakdown> towns = new ArrayList<>();
        perTown.forEach((town, c) -> towns.add(new Breakdown(town, townName(town), percent(c[0], c[1]))));
        return new Counted(percent(report.covered(), report.total()), List.of(), towns, List.of());
    }

    private Counted accreditedBases(IndicatorRow ind, Window w, LocalDate today) {
        Set<String> types = ind.baseTypes() == null ? Set.of() : Set.copyOf(Arrays.asList(ind.baseTypes().split(",")));
        List<AccreditedBase> list = bases.accredited(ind.baseLevel(), types, w.start(), w.end());
        Map<YearMonth, BigDecimal> byMonth = new TreeMap<>();
        Map<String, BigDecimal> byTown = new TreeMap<>();
        list.forEach(b -> {
            byMonth.merge(YearMonth.from(b.accreditedOn()), BigDecimal.ONE, BigDecimal::add);
            byTown.merge(b.townCode() == null ? "" : b.townCode(), BigDecimal.ONE, BigDecimal::add);
        });
        return new Counted(BigDecimal.valueOf(list.size()), cumulativeTrend(byMonth, w, today), towns(byTown), List.of());
    }

    /** The last approved entry; for a per-year target, the last one dated within the year. */
    private Counted manual(IndicatorRow ind, Window w) {
        List<ManualEntryRow> approved = manualEntries.approved(ind.id()).stream()
                .filter(e -> !e.asOf().isAfter(w.end()) && (!ind.yearly() || !e.asOf().isBefore(w.start()))).toList();
        if (approved.isEmpty()) {
            return new Counted(null, List.of(), List.of(), List.of());
        }
        List<Point> trend = approved.stream()
                .map(e -> new Point(YearMonth.from(e.asOf()).toString(), e.value())).toList();
        return new Counted(approved.get(approved.size() - 1).value(), trend, List.of(), List.of());
    }

    SelfTestProxy selfTestProxy(IndicatorRow ind) {
        long[] nk = jdbc.sql("SELECT COALESCE(SUM(persons), 0) AS n, COALESCE(SUM(passed), 0) AS k "
                        + "FROM indicator_person_monthly WHERE indicator_id = ? AND window_start = ?")
                .params(ind.id(), ind.periodStart())
                .query((rs, i) -> new long[] {rs.getLong("n"), rs.getLong("k")}).single();
        return proxy(nk[0], nk[1]);
    }

    /** Pass rate with a 95% Wilson score interval. */
    static SelfTestProxy proxy(long n, long k) {
        String label = "参与者自测通过率（自愿参加的线上自测，非公民科学素质抽样调查结果）";
        if (n == 0) {
            return new SelfTestProxy(label, 0, 0, null, null, null, "样本为 0，无法估计");
        }
        double z = 1.959963984540054;
        double p = (double) k / n;
        double denom = 1 + z * z / n;
        double centre = (p + z * z / (2.0 * n)) / denom;
        double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / denom;
        BigDecimal rate = pct(p);
        BigDecimal low = pct(Math.max(0, centre - half));
        BigDecimal high = pct(Math.min(1, centre + half));
        return new SelfTestProxy(label, n, k, rate, low, high,
                "95% 置信区间（Wilson）" + low.toPlainString() + "%–" + high.toPlainString() + "%，样本 " + n + " 人");
    }

    private static BigDecimal pct(double share) {
        return BigDecimal.valueOf(share * 100).setScale(1, RoundingMode.HALF_UP);
    }

    private static BigDecimal percent(int part, int whole) {
        return whole == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    private static List<Point> cumulativeTrend(Map<YearMonth, BigDecimal> byMonth, Window w, LocalDate today) {
        List<Point> out = new ArrayList<>();
        YearMonth first = YearMonth.from(w.start());
        // up to this month, or to the last month with records when some are dated later (still within the window)
        YearMonth last = YearMonth.from(today.isAfter(w.end()) ? w.end() : today);
        if (byMonth instanceof TreeMap<YearMonth, BigDecimal> sorted && !sorted.isEmpty()
                && sorted.lastKey().isAfter(last)) {
            last = sorted.lastKey().isAfter(YearMonth.from(w.end())) ? YearMonth.from(w.end()) : sorted.lastKey();
        }
        BigDecimal running = BigDecimal.ZERO;
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            running = running.add(byMonth.getOrDefault(m, BigDecimal.ZERO));
            out.add(new Point(m.toString(), running));
        }
        return out;
    }

    private List<Breakdown> towns(Map<String, BigDecimal> byTown) {
        List<Breakdown> out = new ArrayList<>();
        regions.towns().forEach(t -> out.add(new Breakdown(t.code(), t.name(),
                byTown.getOrDefault(t.code(), BigDecimal.ZERO))));
        BigDecimal unknown = byTown.getOrDefault("", BigDecimal.ZERO);
        if (unknown.signum() > 0) {
            out.add(new Breakdown("", "未填写所在村（社区）", unknown));
        }
        return out;
    }

    private String townName(String code) {
        return regions.find(code).map(RegionInfo::name).orElse("未知");
    }

    private static List<Breakdown> groups(Map<String, BigDecimal> byGroup) {
        List<Breakdown> out = new ArrayList<>();
        for (PopulationGroup g : PopulationGroup.values()) {
            out.add(new Breakdown(g.name(), g.label(), byGroup.getOrDefault(g.name(), BigDecimal.ZERO)));
        }
        BigDecimal unknown = byGroup.getOrDefault("", BigDecimal.ZERO);
        if (unknown.signum() > 0) {
            out.add(new Breakdown("", "未填写人群", unknown));
        }
        return out;
    }

    record Bucket(LocalDate month, String townCode, String populationGroup, BigDecimal value) {
    }

    private record Counted(BigDecimal value, List<Point> trend, List<Breakdown> byTown, List<Breakdown> byGroup) {

        /** With the approved figure for the target's window before the plan period: in the total and every point. */
        Counted plusBaseline(BigDecimal baseline) {
            List<Point> points = trend.stream().map(p -> new Point(p.month(), p.value().add(baseline))).toList();
            List<Breakdown> towns = new ArrayList<>(byTown);
            towns.add(new Breakdown(BASELINE, "规划期前基数（未分镇街）", baseline));
            List<Breakdown> groups = new ArrayList<>(byGroup);
            groups.add(new Breakdown(BASELINE, "规划期前基数（未分人群）", baseline));
            return new Counted(value == null ? baseline : value.add(baseline), points, towns, groups);
        }
    }
}
