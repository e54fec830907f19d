package cn.yunxi.kepu.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

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
    record SelfTestProxy(String label, long sampleSize, long passed, BigDecimal ratePercent, BigDecimal lowPercent,
                         BigDecimal highPercent, String interval) {
    }

    record Figure(long id, String code, String name, String sectionCode, String unit, BigDecimal target,
                  String targetBasis, String measure, String method, String leadUnit, long leadUnitId,
                  LocalDate windowStart, LocalDate windowEnd, BigDecimal value, BigDecimal percentOfTarget,
                  BigDecimal elapsedPercent, Status status, List<Point> trend, List<Breakdown> byTown,
                  List<Breakdown> byGroup, SelfTestProxy proxy, BigDecimal reportedValue, Boolean differsFromReported) {

        Figure withReported(BigDecimal reported) {
            Boolean differs = reported == null ? null : (value == null ? Boolean.TRUE : value.compareTo(reported) != 0);
            return new Figure(id, code, name, sectionCode, unit, target, targetBasis, measure, method, leadUnit,
                    leadUnitId, windowStart, windowEnd, value, percentOfTarget, elapsedPercent, status, trend, byTown,
                    byGroup, proxy, reported, differs);
        }
    }

    record SectionParticipation(String sectionCode, String sectionName, String kind, long eventAttendance,
                                long quizzes, long contentReads, long selfTests, long baseVisits) {
    }

    record SnapshotRef(long id, String month, OffsetDateTime takenAt) {
    }

    record Dashboard(long planId, String planName, LocalDate periodStart, LocalDate periodEnd, LocalDate today,
                     BigDecimal elapsedPercent, List<Figure> indicators, List<SectionParticipation> participation,
                     SnapshotRef lastSnapshot, boolean liveDiffersFromReported) {
    }
}
