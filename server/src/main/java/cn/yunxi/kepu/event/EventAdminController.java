package cn.yunxi.kepu.event;

import java.nio.charset.StandardCharsets;
import java.util.List;

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
import cn.yunxi.kepu.event.EventRequests.BulkCheckinRequest;
import cn.yunxi.kepu.event.EventRequests.EventRequest;
import cn.yunxi.kepu.event.EventRequests.ProxySignupRequest;
import cn.yunxi.kepu.event.EventRequests.TicketCheckinRequest;
import cn.yunxi.kepu.event.EventViews.AttendanceView;
import cn.yunxi.kepu.event.EventViews.BulkCheckinResult;
import cn.yunxi.kepu.event.EventViews.CheckinTokenView;
import cn.yunxi.kepu.event.EventViews.EventEditView;
import cn.yunxi.kepu.event.EventViews.EventSummaryView;
import cn.yunxi.kepu.event.EventViews.EventView;
import cn.yunxi.kepu.event.EventViews.HelperView;
import cn.yunxi.kepu.event.EventViews.Roster;
import cn.yunxi.kepu.event.EventViews.SignupView;
import cn.yunxi.kepu.event.EventViews.VenueCount;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/** Staff side of events. Unit and town admins and organisers see only their own unit's events. */
@RestController
@RequestMapping("/api/admin/v1/events")
@Tag(name = "活动管理")
class EventAdminController {

    private static final String ADMINS = "hasAnyRole('DISTRICT_ADMIN', 'UNIT_ADMIN', 'TOWN_ADMIN')";
    private static final String ANY_STAFF = "hasAnyRole('DISTRICT_ADMIN', 'UNIT_ADMIN', 'TOWN_ADMIN', 'ORGANISER')";

    private final EventAdminService admin;
    private final SignupService signups;
    private final AttendanceService attendance;
    private final RosterService rosters;
    private final PosterService posters;
    private final HelperCheckinService helpers;
    private final VenueCountRepository venueCounts;

    EventAdminController(EventAdminService admin, SignupService signups, AttendanceService attendance,
                         RosterService rosters, PosterService posters, HelperCheckinService helpers,
                         VenueCountRepository venueCounts) {
        this.venueCounts = venueCounts;
        this.posters = posters;
        this.helpers = helpers;
        this.admin = admin;
        this.signups = signups;
        this.attendance = attendance;
        this.rosters = rosters;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(ADMINS)
    @Operation(summary = "新建活动（草稿）；organiserOfficerResidentIds 为组织或共同组织本活动的科普信息员 / 科普宣传员（须已审核通过）")
    EventView create(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody EventRequest request) {
        return admin.create(user, request);
    }

    @GetMapping
    @PreAuthorize(ANY_STAFF)
    @Operation(summary = "活动列表（新的在前）：按状态、类型、主办单位（仅区级管理员可选，其他人只看本单位）和名称或地点中的字词筛选")
    PageResult<EventSummaryView> list(@AuthenticationPrincipal CurrentUser user,
                                      @RequestParam(required = false) EventStatus status,
                                      @RequestParam(required = false) EventKind kind,
                                      @RequestParam(required = false) Long unitId,
                                      @RequestParam(required = false) @Size(max = 50, message = "关键词最多 50 字") String keyword,
                                      @Valid PageQuery page) {
        return admin.list(user, new EventFilter(status, kind, unitId, keyword), page);
    }

    @GetMapping("/{id}")
    @PreAuthorize(ANY_STAFF)
    EventView get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return admin.get(user, id);
    }

    @PutMapping("/{id}")
    @PreAuthorize(ADMINS)
    @Operation(summary = "修改活动（整体替换）；改时间、地点会通知已报名者；名额少于已确认人数时须 confirmSeatWithdrawal=true，"
            + "最近确认的人转入候补队首（无候补则取消）并通知；增加名额自动递补候补；seatChange 说明名额变动")
    EventEditView update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                     @Valid @RequestBody EventRequest request) {
        return admin.update(user, id, request);
    }

    @PostMapping("/{id}/publish")
    @PreAuthorize(ADMINS)
    EventView publish(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return admin.publish(user, id);
    }

    @PostMapping("/{id}/cancel")
    @PreAuthorize(ADMINS)
    @Operation(summary = "取消活动：所有报名随之取消，并通知每位报名者")
    EventView cancel(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return admin.cancel(user, id);
    }

    @PostMapping("/{id}/finish")
    @PreAuthorize(ANY_STAFF)
    @Operation(summary = "结束活动（最后一场结束后）：结算所有未结算的签到（未签退且未经确认在场至结束的不计学时）；组织本活动的科普信息员各计开展一次活动")
    EventView finish(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return admin.finish(user, id);
    }

    @GetMapping("/{id}/roster")
    @PreAuthorize(ANY_STAFF)
    @Operation(summary = "名单：已确认、候补（按顺序）、已取消，每场签到与学时；手机号仅区级管理员可见全号")
    Roster roster(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return rosters.roster(admin.owned(user, id), user);
    }

    @GetMapping("/{id}/roster.xlsx")
    @PreAuthorize(ANY_STAFF)
    @Operation(summary = "名单导出为 Excel")
    @ApiResponse(responseCode = "200", description = "Excel 文件", content = @Content(mediaType = ApiMediaTypes.XLSX,
            schema = @Schema(type = "string", format = "binary")))
    ResponseEntity<byte[]> rosterExcel(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        EventSnapshot event = admin.owned(user, id);
        byte[] body = rosters.excel(event, user);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("活动名单-" + id + ".xlsx", StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    @GetMapping("/{id}/helpers")
    @PreAuthorize(ANY_STAFF)
    @Operation(summary = "协助签到的科普信息员 / 科普宣传员（每场每人一条）；位置未核验的 presenceConfirmed=false，组织者确认后才计入")
    List<HelperView> helpers(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return helpers.helpers(admin.owned(user, id));
    }

    @PostMapping("/{id}/helpers/{helperCheckinId}/confirm")
    @PreAuthorize(ANY_STAFF)
    @Operation(summary = "确认位置未核验的协助签到者在场：此后计为该信息员开展一次活动（只计一次，重复确认不变）；"
            + "已注销或已不在册的为 409 HELPER_NOT_CONFIRMABLE")
    HelperView confirmHelper(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                             @PathVariable long helperCheckinId) {
        return helpers.confirm(admin.owned(user, id), user, helperCheckinId);
    }

    @GetMapping("/{id}/sessions/{sessionId}/checkin-token")
    @PreAuthorize(ANY_STAFF)
    @Operation(summary = "现场签到（purpose=IN）或签退（purpose=OUT）二维码内容：每 30 秒更换，约 60 秒内有效")
    CheckinTokenView checkinToken(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                  @PathVariable long sessionId,
                                  @RequestParam(defaultValue = "IN") CheckinTokens.Purpose purpose) {
        return attendance.venueToken(admin.owned(user, id), sessionId, purpose);
    }

    @GetMapping("/{id}/sessions/{sessionId}/checkin-count")
    @PreAuthorize(ANY_STAFF)
    @Operation(summary = "现场大屏的签到人数：本场已签到、已签退人数与已确认报名人数")
    VenueCount checkinCount(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                            @PathVariable long sessionId) {
        return venueCounts.count(admin.owned(user, id), sessionId);
    }

    @PostMapping("/{id}/checkins/ticket")
    @PreAuthorize(ANY_STAFF)
    @Operation(summary = "扫参加人的报名凭证为其签到或签退（purpose=IN|OUT，默认签到；不指定场次时为当前场次）；"
            + "对未核验位置的签到即为确认在场")
    AttendanceView ticketCheckin(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                 @Valid @RequestBody TicketCheckinRequest request) {
        return attendance.ticket(admin.owned(user, id), user, request.ticket(), request.sessionId(),
                request.purposeOrIn());
    }

    @PostMapping("/{id}/sessions/{sessionId}/ticks")
    @PreAuthorize(ANY_STAFF)
    @Operation(summary = "在名单上勾选签到或签退（无手机的代报名者、现场补录者）；对未核验位置的签到即为确认在场")
    AttendanceView tick(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long sessionId,
                        @Valid @RequestBody EventRequests.TickRequest request) {
        return attendance.tick(admin.owned(user, id), user, request.signupId(), sessionId, request.purpose());
    }

    @PostMapping("/{id}/sessions/{sessionId}/end-confirmation")
    @PreAuthorize(ANY_STAFF)
    @Operation(summary = "场次结束后确认这些人在场至结束：未签退者以场次结束时间为签退时间并确认在场；否则未签退者不计学时")
    BulkCheckinResult confirmEnd(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                 @PathVariable long sessionId, @Valid @RequestBody BulkCheckinRequest request) {
        return attendance.confirmEnd(admin.owned(user, id), user, sessionId, request.signupIds());
    }

    @PostMapping("/{id}/sessions/{sessionId}/bulk-checkin")
    @PreAuthorize(ANY_STAFF)
    @Operation(summary = "按纸质签到表批量签到（多为代报名者）：记为全场出勤，并记录操作人")
    BulkCheckinResult bulkCheckin(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                  @PathVariable long sessionId, @Valid @RequestBody BulkCheckinRequest request) {
        return attendance.bulk(admin.owned(user, id), user, sessionId, request.signupIds());
    }

    @PostMapping("/{id}/wxacode")
    @PreAuthorize(ANY_STAFF)
    @Operation(summary = "海报用小程序码（wxacode.getUnlimited，scene=e=活动ID）：首次生成并存入文件存储，之后直接返回")
    PosterService.PosterCode wxacode(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return posters.code(admin.owned(user, id));
    }

    @PostMapping("/{id}/proxy-signups")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(ANY_STAFF)
    @Operation(summary = "组织者代报名（活动结束前均可，用于现场补录）")
    SignupView proxySignup(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                           @Valid @RequestBody ProxySignupRequest request) {
        admin.owned(user, id);
        return signups.proxySignup(user, id, request);
    }
}
