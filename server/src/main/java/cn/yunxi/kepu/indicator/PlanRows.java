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

        boolean covers(LocalDate day) {
            return !day.isBefore(periodStart) && !day.isAfter(periodEnd);
        }
    }

    record SectionRow(long id, long planId, String code, String kind, String name, String responsibilityText,
                      int sortOrder) {
    }

    record SectionUnitRow(long sectionId, long unitId, String unitName, String role) {
    }

    record TaskRow(long id, long sectionId, int seq, String title, String description, long leadUnitId,
                   String leadUnitName) {
    }

    record IndicatorRow(long id, long planId, long sectionId, String sectionCode, String code, String name,
                        String unit, BigDecimal target, String targetBasis, String measure, String populationGroup,
                        String baseLevel, String baseTypes, String proxyMeasure, String method, String sourceText,
                        long leadUnitId, String leadUnitName, int sortOrder, LocalDate periodStart,
                        LocalDate periodEnd) {

        Measure measureEnum() {
            return Measure.valueOf(measure);
        }

        boolean yearly() {
            return "YEARLY".equals(targetBasis);
        }

        boolean hasProxy() {
            return proxyMeasure != null;
        }
    }

    record ManualEntryRow(long id, long indicatorId, LocalDate asOf, BigDecimal value, String note,
                          String evidenceKeys, String status, Long unitId, long submittedBy,
                          LocalDateTime submittedAt, Long reviewedBy, LocalDateTime reviewedAt, String reviewNote) {
    }
}
