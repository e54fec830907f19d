package cn.yunxi.kepu.indicator;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.yunxi.kepu.common.security.CurrentUser;
import cn.yunxi.kepu.common.web.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/admin/v1")
@Tag(name = "规划与指标")
class PlanController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final PlanService plans;
    private final DashboardService dashboards;
    private final DrillDownService drillDowns;
    private final ManualEntryService manualEntries;
    private final UnitReportService reports;
    private final ExportService exports;
    private final ParticipationLedger ledger;
    private final IndicatorCatalog catalog;

    PlanController(PlanService plans, DashboardService dashboards, DrillDownService drillDowns,
                   ManualEntryService manualEntries, UnitReportService reports, ExportService exports,
                   ParticipationLedger ledger, IndicatorCatalog catalog) {
        this.plans = plans;
        this.dashboards = dashboards;
        this.drillDowns = drillDowns;
        this.manualEntries = manualEntries;
        this.reports = reports;
        this.exports = exports;
        this.ledger = ledger;
        this.catalog = catalog;
    }

    @GetMapping("/plans")
    @Operation(summary = "规划列表")
    List<PlanViews.PlanSummary> plans() {
        return plans.list();
    }

    @PostMapping("/plans")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('DISTRICT_ADMIN')")
    @Operation(summary = "新增规划（含章节、责任单位和任务）")
    PlanViews.PlanDetail createPlan(@Valid @RequestBody IndicatorRequests.CreatePlan request) {
        return plans.create(request);
    }

    @GetMapping("/plans/{id}")
    @Operation(summary = "规划详情：章节、牵头和参加单位、任务、指标")
    PlanViews.PlanDetail plan(@PathVariable long id) {
        return plans.detail(id);
    }

    @PostMapping("/plans/{id}/indicators")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('DISTRICT_ADMIN')")
    @Operation(summary = "为规划新增指标")
    PlanViews.IndicatorView addIndicator(@PathVariable long id,
                                         @Valid @RequestBody IndicatorRequests.CreateIndicator request) {
        return plans.addIndicator(id, request);
    }

    @GetMapping("/indicator-codes")
    @Operation(summary = "可用于标注活动的指标编号")
    Set<String> indicatorCodes() {
        return catalog.codes();
    }

    @GetMapping("/plans/{id}/dashboard")
    @Operation(summary = "看板：每个指标的目标、当前值、完成率、时间进度、状态、月度趋势、分镇街和分人群")
    FigureViews.Dashboard dashboard(@PathVariable long id) {
        return dashboards.dashboard(id);
    }

    @GetMapping("/indicators/{id}/records")
    @Operation(summary = "指标明细：构成该数值的记录（人员已脱敏），合计等于指标值")
    DrillDownService.DrillDown records(@PathVariable long id, @Valid PageQuery page) {
        return drillDowns.records(id, page);
    }

    @GetMapping("/indicators/{id}/self-tests")
    @Operation(summary = "自测参考值的样本明细")
    DrillDownService.DrillDown selfTests(@PathVariable long id, @Valid PageQuery page) {
        return drillDowns.selfTests(id, page);
    }

    @GetMapping("/indicators/{id}/records.xlsx")
    @Operation(summary = "导出指标明细（Excel）")
    ResponseEntity<byte[]> recordsExcel(@PathVariable long id) {
        return excel(exports.records(id), "指标明细-" + id + ".xlsx");
    }

    @GetMapping("/plans/{id}/indicator-report.xlsx")
    @Operation(summary = "导出指标完成情况表（Excel，一行一个指标）")
    ResponseEntity<byte[]> reportExcel(@PathVariable long id) {
        return excel(exports.indicatorReport(id), "指标完成情况-" + id + ".xlsx");
    }

    @PostMapping("/plans/{id}/snapshots")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('DISTRICT_ADMIN')")
    @Operation(summary = "报送某月数据（冻结，之后不可更改）")
    DashboardService.SnapshotView snapshot(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                           @Valid @RequestBody IndicatorRequests.Snapshot request) {
        return dashboards.takeSnapshot(id, request.month(), user.id());
    }

    @GetMapping("/plans/{id}/snapshots")
    @Operation(summary = "历次报送")
    List<FigureViews.SnapshotRef> snapshots(@PathVariable long id) {
        return dashboards.snapshots(id);
    }

    @GetMapping("/plans/{id}/snapshots/{snapshotId}")
    @Operation(summary = "某次报送的数值")
    DashboardService.SnapshotView snapshot(@PathVariable long id, @PathVariable long snapshotId) {
        return dashboards.snapshot(id, snapshotId);
    }

    @PostMapping("/plans/{id}/recompute")
    @PreAuthorize("hasRole('DISTRICT_ADMIN')")
    @Operation(summary = "按日期范围从参与记录全量重算汇总（与增量结果一致）")
    ParticipationLedger.RecomputeResult recompute(@PathVariable long id,
                                                  @Valid @RequestBody IndicatorRequests.Recompute request) {
        plans.plan(id);
        return ledger.recompute(request.from(), request.to());
    }

    @PostMapping("/indicators/{id}/manual-entries")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('DISTRICT_ADMIN', 'UNIT_ADMIN')")
    @Operation(summary = "牵头单位填报手工指标（附佐证材料）")
    ManualEntryService.ManualEntryView submitEntry(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                                   @Valid @RequestBody IndicatorRequests.ManualEntry request) {
        return manualEntries.submit(user, id, request);
    }

    @GetMapping("/indicators/{id}/manual-entries")
    @Operation(summary = "手工指标的填报记录")
    List<ManualEntryService.ManualEntryView> entries(@PathVariable long id) {
        return manualEntries.list(id);
    }

    @PostMapping("/manual-entries/{entryId}/approve")
    @PreAuthorize("hasRole('DISTRICT_ADMIN')")
    @Operation(summary = "审核通过填报")
    ManualEntryService.ManualEntryView approve(@AuthenticationPrincipal CurrentUser user, @PathVariable long entryId,
                                               @Valid @RequestBody(required = false) IndicatorRequests.Review review) {
        return manualEntries.approve(user, entryId, review);
    }

    @PostMapping("/manual-entries/{entryId}/reject")
    @PreAuthorize("hasRole('DISTRICT_ADMIN')")
    @Operation(summary = "退回填报（须写明原因）")
    ManualEntryService.ManualEntryView reject(@AuthenticationPrincipal CurrentUser user, @PathVariable long entryId,
                                              @Valid @RequestBody IndicatorRequests.Review review) {
        return manualEntries.reject(user, entryId, review);
    }

    @PostMapping("/tasks/{taskId}/reports")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('UNIT_ADMIN')")
    @Operation(summary = "牵头单位报送任务季度进展")
    UnitReportService.ReportView report(@AuthenticationPrincipal CurrentUser user, @PathVariable long taskId,
                                        @Valid @RequestBody IndicatorRequests.UnitReport request) {
        return reports.submit(user, taskId, request);
    }

    @GetMapping("/plans/{id}/reports")
    @Operation(summary = "某季度的单位报送（单位管理员只看本单位）")
    List<UnitReportService.ReportView> reports(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                               @RequestParam String quarter) {
        return reports.list(user, id, quarter);
    }

    @GetMapping("/plans/{id}/reports/missing")
    @PreAuthorize("hasRole('DISTRICT_ADMIN')")
    @Operation(summary = "某季度未报送的牵头单位及其任务")
    List<UnitReportService.MissingView> missing(@PathVariable long id, @RequestParam String quarter) {
        return reports.missing(id, quarter);
    }

    private static ResponseEntity<byte[]> excel(byte[] body, String filename) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
                .contentType(XLSX).body(body);
    }
}
