package cn.yunxi.kepu.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** What the dashboard, snapshots and exports show of an indicator. */
final class FigureViews {

    private FigureViews() {
    }

    enum Status {
        /** the target is reached */
        DONE,
        /** the share of the target reached is at least the share of the period elapsed */
        ON_TRACK,
        /** behind the elapsed share of the period */
        BEHIND,
        /** a manual figure that has not been entered and approved yet */
        NO_DATA
    }

    record Point(String month, BigDecimal value) {
    }

    record Breakdown(String code, String name, BigDecimal value) {
    }

    /**
     * The participant self-test, shown beside the survey figure. It is NOT the survey result: participants choose
     * to take it. Each participant counts once, by their first self-test in the period.
     */
    record SelfTestProxy(String label, long sampleSize, long passed, @Nullable BigDecimal ratePercent,
                         @Nullable BigDecimal lowPercent, @Nullable BigDecimal highPercent, String interval) {
    }

    /**
     * One indicator on the dashboard.
     *
     * @param status     DONE only when the value meets the target by the indicator's comparison
     * @param comparison how the target is met, as the plan words it: GT (超过), GTE (以上、不少于), FULL (全覆盖)
     * @param targetText the target as written for people: “＞15%”, “≥500 人”, “全覆盖（100%）”
     * @param years      for a target set for each year (“每年”), every year of the plan with its own figure; null
     *                   for targets over the whole plan period
     * @param targetWindow for a target set for a window that starts before the plan period (“十四五”期间, 2021–2025):
     *                   that window and the approved figure for its part before the period; null for the others.
     *                   The elapsed share is then the share of that window.
     */
    record Figure(long id, String code, String name, String sectionCode, String unit, BigDecimal target,
                  String targetBasis, String measure, String method, String leadUnit, long leadUnitId,
                  LocalDate windowStart, LocalDate windowEnd, @Nullable BigDecimal value,
                  @Nullable BigDecimal percentOfTarget, BigDecimal elapsedPercent, Status status, List<Point> trend,
                  List<Breakdown> byTown, List<Breakdown> byGroup, @Nullable SelfTestProxy proxy,
                  @Nullable BigDecimal reportedValue, Boolean differsFromReported, Comparison comparison,
                  String targetText, @Nullable List<YearFigure> years, @Nullable TargetWindow targetWindow) {

        Figure withReported(BigDecimal reported) {
            Boolean differs = reported == null ? null : (value == null ? Boolean.TRUE : value.compareTo(reported) != 0);
            return new Figure(id, code, name, sectionCode, unit, target, targetBasis, measure, method, leadUnit,
                    leadUnitId, windowStart, windowEnd, value, percentOfTarget, elapsedPercent, status, trend, byTown,
                    byGroup, proxy, reported, differs, comparison, targetText, years, targetWindow);
        }
    }

    /**
     * The window a target is set for when it is not the plan period, e.g. “十四五”期间 2021-01-01 to 2025-12-31.
     *
     * @param recordsFrom     the day from which records count (the plan period's start); before it only the baseline
     * @param takesBaseline   whether a figure for the part before the plan period may be entered (counts of persons or
     *                        person-times; not a rate)
     * @param baseline        the approved figure for that part, included in the value; null while none is approved
     * @param baselineEntryId the approved entry it comes from
     */
    record TargetWindow(String name, LocalDate start, LocalDate end, LocalDate recordsFrom, boolean takesBaseline,
                        @Nullable BigDecimal baseline, Long baselineEntryId) {
    }

    /** Where a year of a per-year target stands: over, under way, or still to come. */
    enum YearPhase { PAST, CURRENT, FUTURE }

    /**
     * One year of a per-year target (“每年不少于300人”), counted on its own.
     *
     * @param met    whether this year's figure meets the target (a past year that did not is a target missed)
     * @param status as for the whole figure, against this year's elapsed share; null for a year still to come
     */
    record YearFigure(int year, LocalDate windowStart, LocalDate windowEnd, YearPhase phase, @Nullable BigDecimal value,
                      @Nullable BigDecimal percentOfTarget, BigDecimal elapsedPercent, @Nullable Status status,
                      boolean met) {
    }

    record SectionParticipation(String sectionCode, String sectionName, String kind, long eventAttendance,
                                long quizzes, long contentReads, long selfTests, long baseVisits,
                                long courseLessons) {
    }

    record SnapshotRef(long id, String month, OffsetDateTime takenAt) {
    }

    record Dashboard(long planId, String planName, LocalDate periodStart, LocalDate periodEnd, LocalDate today,
                     BigDecimal elapsedPercent, List<Figure> indicators, List<SectionParticipation> participation,
                     @Nullable SnapshotRef lastSnapshot, boolean liveDiffersFromReported) {
    }
}
