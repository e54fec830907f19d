package cn.yunxi.kepu.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** Rows of the plan tables as read by {@link PlanRepository}. */
final class PlanRows {

    private PlanRows() {
    }

    record PlanRow(long id, String code, String name, String issuingBody, String documentNo, LocalDate periodStart,
                   LocalDate periodEnd, LocalDate issuedOn) {
    }

    record SectionRow(long id, long planId, String code, String kind, String name, String responsibilityText,
                      int sortOrder) {
    }

    record SectionUnitRow(long sectionId, long unitId, String unitName, String role) {
    }

    record TaskRow(long id, long sectionId, int seq, String title, String description, long leadUnitId,
                   String leadUnitName) {
    }

    /** A unit responsible for a task: {@code LEAD} (牵头) or {@code PARTICIPANT} (参加). */
    record TaskUnitRow(long taskId, long unitId, String unitName, String role) {

        boolean lead() {
            return "LEAD".equals(role);
        }
    }

    record TaskUnitChangeRow(long id, long taskId, long changedBy, LocalDateTime changedAt, String reason,
                             String unitsBefore, String unitsAfter) {
    }

    record IndicatorRow(long id, long planId, long sectionId, String sectionCode, String code, String name,
                        String unit, BigDecimal target, String comparison, String targetBasis,
                        LocalDate targetWindowStart, String targetWindowName, String measure, String populationGroup,
                        String baseLevel, String baseTypes, String proxyMeasure, String method, String sourceText,
                        long leadUnitId, String leadUnitName, int sortOrder, LocalDate periodStart,
                        LocalDate periodEnd) {

        Measure measureEnum() {
            return Measure.valueOf(measure);
        }

        Comparison comparisonEnum() {
            return Comparison.valueOf(comparison);
        }

        boolean yearly() {
            return "YEARLY".equals(targetBasis);
        }

        boolean hasProxy() {
            return proxyMeasure != null;
        }

        /** The target is set for a window that starts before the plan period (“十四五”: 2021–2025). */
        boolean windowReachesBeforePeriod() {
            return targetWindowStart != null && targetWindowStart.isBefore(periodStart);
        }

        /**
         * A figure for the part of the target's window before the plan period (a BASELINE entry) adds to this
         * indicator's figure: only for counts, which add up; a rate or a register at a moment does not.
         */
        boolean takesBaseline() {
            return windowReachesBeforePeriod()
                    && (measureEnum() == Measure.PERSON_TIMES || measureEnum() == Measure.DISTINCT_PERSONS);
        }
    }

    record ManualEntryRow(long id, long indicatorId, String kind, LocalDate asOf, BigDecimal value, String note,
                          String evidenceKeys, String status, Long unitId, long submittedBy,
                          LocalDateTime submittedAt, Long reviewedBy, LocalDateTime reviewedAt, String reviewNote) {
    }
}
