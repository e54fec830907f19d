package cn.yunxi.kepu.indicator;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.yunxi.kepu.common.persistence.ReplicaReads;
import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.common.time.Zones;
import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.indicator.FigureViews.Dashboard;
import cn.yunxi.kepu.indicator.FigureViews.Figure;
import cn.yunxi.kepu.indicator.FigureViews.SectionParticipation;
import cn.yunxi.kepu.indicator.FigureViews.SnapshotRef;
import cn.yunxi.kepu.indicator.PlanRows.IndicatorRow;
import cn.yunxi.kepu.indicator.PlanRows.PlanRow;
import cn.yunxi.kepu.indicator.PlanRows.SectionRow;

/** The officials' dashboard and the monthly snapshots of reported figures. */
@Service
class DashboardService {

    private final PlanService plans;
    private final PlanRepository planRows;
    private final FigureService figures;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ReplicaReads replica;

    DashboardService(PlanService plans, PlanRepository planRows, FigureService figures, JdbcClient jdbc, Clock clock,
                     ReplicaReads replica) {
        this.replica = replica;
        this.plans = plans;
        this.planRows = planRows;
        this.figures = figures;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(Zones.SHANGHAI));
    }

    /** On the read replica when one is configured ({@link ReplicaReads}). */
    Dashboard dashboard(long planId) {
        return replica.read(() -> build(planId));
    }

    private Dashboard build(long planId) {
        PlanRow plan = plans.plan(planId);
        LocalDate today = today();
        Optional<SnapshotRow> last = lastSnapshot(planId);
        Map<Long, BigDecimal> reported = last.map(s -> snapshotValues(s.id())).orElse(Map.of());
        List<Figure> live = planRows.indicators(planId).stream()
                .map(i -> {
                    Figure f = figures.figure(i, today);
                    return last.isPresent() ? f.withReported(reported.get(i.id())) : f;
                })
                .toList();
        boolean differs = last.isPresent() && live.stream().anyMatch(f -> Boolean.TRUE.equals(f.differsFromReported()));
        return new Dashboard(plan.id(), plan.name(), plan.periodStart(), plan.periodEnd(), today,
                FigureService.elapsedPercent(new IndicatorCatalogService.Window(plan.periodStart(), plan.periodEnd()), today),
                live, participation(plan), last.map(DashboardService::ref).orElse(null), differs);
    }

    /** Reads, quiz attempts, attendance... per plan section, from the records tagged with the section's codes. */
    private List<SectionParticipation> participation(PlanRow plan) {
        Map<String, Map<String, Long>> bySection = new HashMap<>();
        jdbc.sql("""
                SELECT tag, kind, SUM(person_times) AS n FROM indicator_monthly
                WHERE tag LIKE 'S:%' AND month BETWEEN ? AND ?
                GROUP BY tag, kind
                """).params(plan.periodStart(), plan.periodEnd().withDayOfMonth(1))
                .query((rs, i) -> {
                    bySection.computeIfAbsent(rs.getString("tag").substring(2), k -> new HashMap<>())
                            .put(rs.getString("kind"), rs.getLong("n"));
                    return null;
                }).list();
        return planRows.sections(plan.id()).stream().map((SectionRow s) -> {
            Map<String, Long> k = bySection.getOrDefault(s.code(), Map.of());
            return new SectionParticipation(s.code(), s.name(), s.kind(), k.getOrDefault("EVENT_ATTENDANCE", 0L),
                    k.getOrDefault("QUIZ", 0L), k.getOrDefault("CONTENT_READ", 0L), k.getOrDefault("SELF_TEST", 0L),
                    k.getOrDefault("BASE_VISIT", 0L), k.getOrDefault("COURSE_LESSON", 0L));
        }).toList();
    }

    // ---- snapshots ------------------------------------------------------------------------------------------

    /** Freezes the plan's figures for a month that has begun, as they stood at its end (or now, for this month). */
    @Transactional
    SnapshotView takeSnapshot(long planId, String month, long staffId) {
        PlanRow plan = plans.plan(planId);
        YearMonth ym = YearMonth.parse(month);
        if (ym.isAfter(YearMonth.from(today()))) {
            throw new ApiException(IndicatorErrors.SNAPSHOT_MONTH_INVALID);
        }
        LocalDateTime now = Times.now(clock);
        var keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("INSERT INTO indicator_snapshot (plan_id, month, taken_at, taken_by) VALUES (?, ?, ?, ?)")
                    .params(plan.id(), ym.atDay(1), now, staffId).update(keys);
        } catch (DuplicateKeyException e) {
            throw new ApiException(IndicatorErrors.SNAPSHOT_EXISTS);
        }
        long id = keys.getKey().longValue();
        // A month reported after it ended (November, in December) is frozen as it stood on its last day.
        LocalDate monthEnd = ym.atEndOfMonth();
        LocalDate asOf = monthEnd.isBefore(today()) ? monthEnd : today();
        for (IndicatorRow i : planRows.indicators(planId)) {
            Figure f = figures.figureAsOf(i, asOf);
            jdbc.sql("INSERT INTO indicator_snapshot_value (snapshot_id, indicator_id, value, target, percent, status) "
                            + "VALUES (?, ?, ?, ?, ?, ?)")
                    .params(id, i.id(), f.value(), f.target(), f.percentOfTarget(), f.status().name()).update();
        }
        return snapshot(planId, id);
    }

    List<SnapshotRef> snapshots(long planId) {
        plans.plan(planId);
        return jdbc.sql("SELECT id, plan_id, month, taken_at, taken_by FROM indicator_snapshot WHERE plan_id = ? "
                        + "ORDER BY month DESC").param(planId).query(SnapshotRow.class).list()
                .stream().map(DashboardService::ref).toList();
    }

    SnapshotView snapshot(long planId, long snapshotId) {
        SnapshotRow s = jdbc.sql("SELECT id, plan_id, month, taken_at, taken_by FROM indicator_snapshot WHERE id = ? "
                        + "AND plan_id = ?").params(snapshotId, planId).query(SnapshotRow.class).optional()
                .orElseThrow(() -> new ApiException(IndicatorErrors.SNAPSHOT_NOT_FOUND));
        List<SnapshotValue> values = jdbc.sql("""
                SELECT v.indicator_id, i.code, i.name, i.unit, v.value, v.target, v.percent, v.status
                FROM indicator_snapshot_value v JOIN indicator i ON i.id = v.indicator_id
                WHERE v.snapshot_id = ? ORDER BY i.sort_order, i.id
                """).param(snapshotId).query(SnapshotValue.class).list();
        return new SnapshotView(s.id(), YearMonth.from(s.month()).toString(), Times.toOffset(s.takenAt()), s.takenBy(),
                values);
    }

    private Optional<SnapshotRow> lastSnapshot(long planId) {
        return jdbc.sql("SELECT id, plan_id, month, taken_at, taken_by FROM indicator_snapshot WHERE plan_id = ? "
                + "ORDER BY month DESC LIMIT 1").param(planId).query(SnapshotRow.class).optional();
    }

    private Map<Long, BigDecimal> snapshotValues(long snapshotId) {
        Map<Long, BigDecimal> out = new HashMap<>();
        jdbc.sql("SELECT indicator_id, value FROM indicator_snapshot_value WHERE snapshot_id = ?").param(snapshotId)
                .query((rs, i) -> out.put(rs.getLong(1), rs.getBigDecimal(2))).list();
        return out;
    }

    private static SnapshotRef ref(SnapshotRow s) {
        return new SnapshotRef(s.id(), YearMonth.from(s.month()).toString(), Times.toOffset(s.takenAt()));
    }

    record SnapshotRow(long id, long planId, LocalDate month, LocalDateTime takenAt, long takenBy) {
    }

    record SnapshotValue(long indicatorId, String code, String name, String unit, @Nullable BigDecimal value,
                         BigDecimal target, @Nullable BigDecimal percent, String status) {
    }

    record SnapshotView(long id, String month, java.time.OffsetDateTime takenAt, long takenBy,
                        List<SnapshotValue> values) {
    }
}
