package cn.yunxi.kepu.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the plan API. */
final class IndicatorRequests {

    private IndicatorRequests() {
    }

    record CreatePlan(
            @NotBlank(message = "请填写规划编号") @Pattern(regexp = "[A-Z0-9][A-Z0-9_-]{2,31}", message = "规划编号为 3 到 32 位大写字母、数字、_ 或 -") String code,
            @NotBlank(message = "请填写规划名称") @Size(max = 200, message = "规划名称过长") String name,
            @NotBlank(message = "请填写印发单位") @Size(max = 100, message = "印发单位过长") String issuingBody,
            @Size(max = 100, message = "文号过长") String documentNo,
            @NotNull(message = "请填写规划期开始日期") LocalDate periodStart,
            @NotNull(message = "请填写规划期结束日期") LocalDate periodEnd,
            LocalDate issuedOn,
            @Valid @Size(max = 30, message = "章节过多") List<CreateSection> sections) {
    }

    record CreateSection(
            @NotBlank(message = "请填写章节编号") @Pattern(regexp = "[A-Z][A-Z0-9_]{1,31}", message = "章节编号为大写字母、数字或 _") String code,
            @NotBlank(message = "请选择章节类别") @Pattern(regexp = "GOAL|ACTION|PROJECT", message = "章节类别为 GOAL、ACTION 或 PROJECT") String kind,
            @NotBlank(message = "请填写章节名称") @Size(max = 100, message = "章节名称过长") String name,
            @Size(max = 1000, message = "责任分工过长") String responsibilityText,
            @Size(max = 30, message = "牵头单位过多") List<Long> leadUnitIds,
            @Size(max = 60, message = "参加单位过多") List<Long> participantUnitIds,
            @Valid @Size(max = 50, message = "任务过多") List<CreateTask> tasks) {
    }

    record CreateTask(@NotBlank(message = "请填写任务") @Size(max = 200, message = "任务标题过长") String title,
                      @Size(max = 5000, message = "任务说明过长") String description,
                      Long leadUnitId) {
    }

    /**
     * @param comparison        how the target is met: GT (超过), GTE (以上、不少于; the default), FULL (全覆盖, 100%)
     * @param targetWindowStart when the plan sets the target for a window starting before the plan period (“十四五”:
     *                          2021-01-01), its first day; it ends with the plan period
     * @param targetWindowName  how the plan names that window, e.g. “十四五”期间
     */
    record CreateIndicator(
            @NotBlank(message = "请选择所属章节") String sectionCode,
            @NotBlank(message = "请填写指标编号") @Pattern(regexp = "[A-Z][A-Z0-9_]{2,47}", message = "指标编号为 3 到 48 位大写字母、数字或 _") String code,
            @NotBlank(message = "请填写指标名称") @Size(max = 200, message = "指标名称过长") String name,
            @NotBlank(message = "请选择计量单位") @Pattern(regexp = "人|人次|个|%", message = "计量单位为 人、人次、个 或 %") String unit,
            @NotNull(message = "请填写目标值") @DecimalMin(value = "0.01", message = "目标值须大于 0") BigDecimal target,
            Comparison comparison,
            @NotBlank(message = "请选择目标口径") @Pattern(regexp = "PERIOD|YEARLY", message = "目标口径为 PERIOD 或 YEARLY") String targetBasis,
            LocalDate targetWindowStart,
            @Size(max = 20, message = "统计区间名称过长") String targetWindowName,
            @NotNull(message = "请选择计算方式") Measure measure,
            @Pattern(regexp = "YOUTH|FARMER|INDUSTRIAL_WORKER|ELDERLY|OFFICIAL|OTHER", message = "人群不正确") String populationGroup,
            @Pattern(regexp = "DISTRICT|CITY|PROVINCE|NATIONAL", message = "基地级别不正确") String baseLevel,
            @Pattern(regexp = "(EDUCATION|TOURISM_EDUCATION|DEMONSTRATION)(,(EDUCATION|TOURISM_EDUCATION|DEMONSTRATION))*", message = "基地类别不正确") String baseTypes,
            Boolean selfTestProxy,
            @NotBlank(message = "请说明统计口径") @Size(max = 500, message = "统计口径过长") String method,
            @Size(max = 500, message = "原文过长") String sourceText,
            @NotNull(message = "请选择牵头单位") Long leadUnitId) {
    }

    record ManualEntry(@NotNull(message = "请填写数据截止日期") LocalDate asOf,
                       @NotNull(message = "请填写数值") @DecimalMin(value = "0", message = "数值不能为负") BigDecimal value,
                       @Size(max = 1000, message = "说明过长") String note,
                       @Size(max = 20, message = "佐证材料过多") List<@NotBlank(message = "佐证材料不能为空") @Size(max = 255, message = "佐证材料编号过长") String> evidenceKeys) {
    }

    /** The figure for the part of the target's window before the plan period (e.g. 2021 of “十四五”). */
    record BaselineEntry(@NotNull(message = "请填写数值") @DecimalMin(value = "0", message = "数值不能为负") BigDecimal value,
                         @Size(max = 1000, message = "说明过长") String note,
                         @Size(max = 20, message = "佐证材料过多") List<@NotBlank(message = "佐证材料不能为空") @Size(max = 255, message = "佐证材料编号过长") String> evidenceKeys) {
    }

    @Schema(name = "ManualEntryReviewRequest")
    record Review(@Size(max = 500, message = "审核意见过长") String note) {
    }

    record Snapshot(@NotBlank(message = "请选择报送月份") @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])", message = "月份格式应为 2024-03") String month) {
    }

    record Recompute(@NotNull(message = "请填写开始日期") LocalDate from, @NotNull(message = "请填写结束日期") LocalDate to) {
    }

    record TaskUnits(
            @NotEmpty(message = "请至少指定一个牵头单位") @Size(max = 30, message = "牵头单位过多") List<@NotNull(message = "请选择牵头单位") Long> leadUnitIds,
            @Size(max = 60, message = "参加单位过多") List<@NotNull(message = "请选择参加单位") Long> participantUnitIds,
            @NotBlank(message = "请写明调整原因") @Size(max = 500, message = "调整原因过长") String reason) {
    }

    record UnitReport(
            @NotBlank(message = "请选择季度") @Pattern(regexp = "\\d{4}-Q[1-4]", message = "季度格式应为 2024-Q1") String quarter,
            @NotBlank(message = "请填写工作进展") @Size(max = 5000, message = "工作进展过长") String progress,
            @Size(max = 2000, message = "数据过长") String figures,
            @Size(max = 20, message = "佐证材料过多") List<@NotBlank(message = "佐证材料不能为空") @Size(max = 255, message = "佐证材料编号过长") String> evidenceKeys) {
    }
}
