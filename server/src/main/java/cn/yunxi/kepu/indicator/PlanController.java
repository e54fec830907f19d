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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.yunxi.kepu.common.apidocs.ApiMediaTypes;
import cn.yunxi.kepu.common.security.CurrentUser;
import cn.yunxi.kepu.common.web.PageQuery;
import cn.yunxi.kepu.common.web.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
    private final ParticipationLedgerService ledger;
    private final IndicatorCatalogService catalog;
    private final TaskUnitService taskUnits;

    PlanController(PlanService plans, DashboardService dashboards, DrillDownService drillDowns,
                   ManualEntryService manualEntries, UnitReportService reports, ExportService exports,
                   ParticipationLedgerService ledger, IndicatorCatalogService catalog, TaskUnitService taskUnits) {
        this.taskUnits = taskUnits;
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
    @Operation(summary = "指标明细：构成该数值的记录（人员以化名显示），合计等于指标值。仅区级管理员（全部记录）和镇（街道）账号"
            + "（本镇街的记录）可查看，其他账号 403 DRILL_DOWN_FORBIDDEN")
    DrillDownService.DrillDown records(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                       @Valid PageQuery page) {
        return drillDowns.records(id, page, drillDowns.scopeFor(user));
    }

    @GetMapping("/indicators/{id}/self-tests")
    @Operation(summary = "自测参考值的样本明细")
    DrillDownService.DrillDown selfTests(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                         @Valid PageQuery page) {
        return drillDowns.selfTests(id, page, drillDowns.scopeFor(user));
    }

    @GetMapping("/indicators/{id}/records.xlsx")
    @Operation(summary = "导出指标明细（Excel；可见范围同指标明细）。最多 20000 行：响应头 X-Total-Rows（明细总条数）、"
            + "X-Row-Cap（上限）、X-Rows-Truncated（是否截断），截断时文件标题行也写明只导出了前多少条")
    @ApiResponse(responseCode = "200", description = "Excel 文件", content = @Content(mediaType = ApiMediaTypes.XLSX,
            schema = @Schema(type = "string", format = "binary")))
    ResponseEntity<byte[]> recordsExcel(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        ExportService.RecordsFile file = exports.records(id, drillDowns.scopeFor(user));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("指标明细-" + id + ".xlsx", StandardCharsets.UTF_8).build().toString())
                // The cap is stated where a program and a person each look: these headers, and the file's title row.
                .header("X-Total-Rows", Long.toString(file.total()))
                .header("X-Row-Cap", Integer.toString(file.cap()))
                .header("X-Rows-Truncated", Boolean.toString(file.truncated()))
                .contentType(XLSX).body(file.body());
    }

    @GetMapping("/plans/{id}/indicator-report.xlsx")
    @Operation(summary = "导出指标完成情况表（Excel，一行一个指标）")
    @ApiResponse(responseCode = "200", description = "Excel 文件", content = @Content(mediaType = ApiMediaTypes.XLSX,
            schema = @Schema(type = "string", format = "binary")))
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
    ParticipationLedgerService.RecomputeResult recompute(@PathVariable long id,
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

    @PostMapping("/indicators/{id}/baseline-entries")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('DISTRICT_ADMIN', 'UNIT_ADMIN')")
    @Operation(summary = "录入规划期之前的基数（如“十四五”期间目标的 2021 年数字，附佐证材料），经区级管理员审核后计入指标")
    ManualEntryService.ManualEntryView submitBaseline(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                                      @Valid @RequestBody IndicatorRequests.BaselineEntry request) {
        return manualEntries.submitBaseline(user, id, request);
    }

    @GetMapping("/indicators/{id}/manual-entries")
    @Operation(summary = "指标的填报记录（手工指标的数值与规划期之前的基数，kind 区分）；区级管理员看全部，其他账号只看本单位的")
    List<ManualEntryService.ManualEntryView> entries(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return manualEntries.list(user, id);
    }

    @GetMapping("/manual-entries")
    @Operation(summary = "填报记录（可按规划、状态筛选，如待审核 status=SUBMITTED），新的在前；区级管理员看全部，其他账号只看本单位的")
    PageResult<ManualEntryService.ManualEntryView> searchEntries(@AuthenticationPrincipal CurrentUser user,
                                                                 @RequestParam(required = false) Long planId,
                                                                 @RequestParam(required = false) String status,
                                                                 @Valid PageQuery page) {
        return manualEntries.search(user, planId, status, page);
    }

    @GetMapping("/manual-entries/{entryId}")
    @Operation(summary = "一条填报（含佐证材料的读取链接）；其他单位的填报答 404")
    ManualEntryService.ManualEntryView entry(@AuthenticationPrincipal CurrentUser user, @PathVariable long entryId) {
        return manualEntries.get(user, entryId);
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
    @PreAuthorize("hasAnyRole('UNIT_ADMIN', 'TOWN_ADMIN')")
    @Operation(summary = "责任单位（牵头或参加）报送本单位在该任务上的季度进展；镇街可报送任一任务的属地落实情况；"
            + "每单位每任务每季度一份")
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
    @Operation(summary = "某季度未报送的单位（牵头与参加单位逐一列出）及其未报送的任务；role=LEAD 或 PARTICIPANT 只看牵头或参加的任务")
    List<UnitReportService.MissingView> missing(@PathVariable long id, @RequestParam String quarter,
                                                @RequestParam(required = false) String role) {
        return reports.missing(id, quarter, role);
    }

    @GetMapping("/plans/{id}/my-tasks")
    @PreAuthorize("hasAnyRole('UNIT_ADMIN', 'TOWN_ADMIN')")
    @Operation(summary = "本单位负责的任务（镇街为全部任务）、本单位的角色，以及本季度是否已报送")
    List<UnitReportService.MyTaskView> myTasks(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                               @RequestParam String quarter) {
        return reports.myTasks(user, id, quarter);
    }

    @PutMapping("/tasks/{taskId}/units")
    @PreAuthorize("hasRole('DISTRICT_ADMIN')")
    @Operation(summary = "调整任务的牵头与参加单位（须写明原因，留痕可查）")
    PlanViews.TaskView reassign(@AuthenticationPrincipal CurrentUser user, @PathVariable long taskId,
                                @Valid @RequestBody IndicatorRequests.TaskUnits request) {
        return taskUnits.reassign(user, taskId, request);
    }

    @GetMapping("/tasks/{taskId}/unit-changes")
    @Operation(summary = "任务责任单位的调整记录（谁、何时、为何、调整前后）")
    List<TaskUnitService.TaskUnitChangeView> unitChanges(@PathVariable long taskId) {
        return taskUnits.changes(taskId);
    }

    private static ResponseEntity<byte[]> excel(byte[] body, String filename) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
                .contentType(XLSX).body(body);
    }
}
