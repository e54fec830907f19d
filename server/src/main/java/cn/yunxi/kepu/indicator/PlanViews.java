package cn.yunxi.kepu.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** Response records of the plan API. */
final class PlanViews {

    private PlanViews() {
    }

    record PlanSummary(long id, String code, String name, String issuingBody, LocalDate periodStart,
                       LocalDate periodEnd, @Nullable LocalDate issuedOn, int sections, int tasks, int indicators) {
    }

    record UnitRef(long id, String name) {
    }

    /**
     * @param leadUnit         the first lead unit
     * @param leadUnits        every lead unit (牵头), each reports its part
     * @param participantUnits the participating units (参加), each reports its part too
     */
    record TaskView(long id, int seq, String title, @Nullable String description, UnitRef leadUnit,
                    List<UnitRef> leadUnits, List<UnitRef> participantUnits) {
    }

    /**
     * @param comparison how the target is met, as the plan words it: GT (超过), GTE (以上、不少于), FULL (全覆盖)
     * @param targetText the target as written for people: “＞15%”, “≥500 人”, “全覆盖（100%）”
     * @param targetWindowStart for a target set for a window before the plan period (“十四五”), its first day
     * @param targetWindowName  that window's name, e.g. “十四五”期间
     */
    record IndicatorView(long id, String code, String name, String sectionCode, String unit, BigDecimal target,
                         Comparison comparison, String targetText, String targetBasis,
                         @Nullable LocalDate targetWindowStart, @Nullable String targetWindowName, String measure,
                         @Nullable String populationGroup, @Nullable String baseLevel, @Nullable String baseTypes,
                         boolean selfTestProxy, String method, @Nullable String sourceText, UnitRef leadUnit) {
    }

    record SectionView(long id, String code, String kind, String name, @Nullable String responsibilityText,
                       List<UnitRef> leadUnits, List<UnitRef> participantUnits, List<TaskView> tasks,
                       List<IndicatorView> indicators) {
    }

    record PlanDetail(long id, String code, String name, String issuingBody, @Nullable String documentNo,
                      LocalDate periodStart, LocalDate periodEnd, @Nullable LocalDate issuedOn,
                      List<SectionView> sections) {
    }
}
