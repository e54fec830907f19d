package cn.yunxi.kepu.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Response records of the plan API. */
final class PlanViews {

    private PlanViews() {
    }

    record PlanSummary(long id, String code, String name, String issuingBody, LocalDate periodStart,
                       LocalDate periodEnd, LocalDate issuedOn, int sections, int tasks, int indicators) {
    }

    record UnitRef(long id, String name) {
    }

    record TaskView(long id, int seq, String title, String description, UnitRef leadUnit) {
    }

    record IndicatorView(long id, String code, String name, String sectionCode, String unit, BigDecimal target,
                         String targetBasis, String measure, String populationGroup, String baseLevel,
                         String baseTypes, boolean selfTestProxy, String method, String sourceText, UnitRef leadUnit) {
    }

    record SectionView(long id, String code, String kind, String name, String responsibilityText,
                       List<UnitRef> leadUnits, List<UnitRef> participantUnits, List<TaskView> tasks,
                       List<IndicatorView> indicators) {
    }

    record PlanDetail(long id, String code, String name, String issuingBody, String documentNo, LocalDate periodStart,
                      LocalDate periodEnd, LocalDate issuedOn, List<SectionView> sections) {
    }
}
