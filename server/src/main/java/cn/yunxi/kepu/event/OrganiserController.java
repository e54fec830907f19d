package cn.yunxi.kepu.event;

import java.time.Duration;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.yunxi.kepu.common.ratelimit.RateLimiter;
import cn.yunxi.kepu.common.security.CurrentUser;
import cn.yunxi.kepu.common.web.PageQuery;
import cn.yunxi.kepu.common.web.PageResult;
import cn.yunxi.kepu.event.EventRequests.BindOrganiserRequest;
import cn.yunxi.kepu.event.EventRequests.BulkCheckinRequest;
import cn.yunxi.kepu.event.EventRequests.TickRequest;
import cn.yunxi.kepu.event.EventRequests.TicketCheckinRequest;
import cn.yunxi.kepu.event.EventRequests.WalkInRequest;
import cn.yunxi.kepu.event.EventViews.AttendanceView;
import cn.yunxi.kepu.event.EventViews.BulkCheckinResult;
import cn.yunxi.kepu.event.EventViews.EventSummaryView;
import cn.yunxi.kepu.event.EventViews.EventView;
import cn.yunxi.kepu.event.EventViews.Roster;
import cn.yunxi.kepu.event.EventViews.VenueCodeView;
import cn.yunxi.kepu.event.EventViews.WalkInView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

/**
 * The mini-program's organiser mode, on the resident API: the caller's WeChat must be bound to an active staff
 * account, whose role and unit then decide, as in the console, which events it may run (others' are 404).
 */
@RestController
@RequestMapping("/api/v1/organiser")
@Tag(name = "组织者（小程序）")
class OrganiserController {

    private final OrganiserBindingService bindings;
    private final EventAdminService admin;
    private final AttendanceService attendance;
    private final WalkInService walkIns;
    private final OfflineSyncService offline;
    private final RosterService rosters;
    private final VenueCodes venueCodes;
    private final RateLimiter rateLimiter;
    private final TicketSigner tickets;

    private final HelperCheckinService helpers;

    OrganiserController(OrganiserBindingService bindings, EventAdminService admin, AttendanceService attendance,
                        WalkInService walkIns, OfflineSyncService offline, RosterService rosters, VenueCodes venueCodes, RateLimiter rateLimiter,
                        TicketSigner tickets, HelperCheckinService helpers) {
        this.tickets = tickets;
        this.helpers = helpers;
        this.bindings = bindings;
        this.admin = admin;
        this.attendance = attendance;
        this.walkIns = walkIns;
        this.offline = offline;
        this.rosters = rosters;
        this.venueCodes = venueCodes;
        this.rateLimiter = rateLimiter;
    }

    @PostMapping("/binding")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "用工作人员账号的用户名和密码把本微信绑定为组织者（与控制台登录同样限速，任何失败都答 403 BAD_STAFF_CREDENTIALS，措辞与控制台登录相同）；"
            + "一个账号只绑定一个微信，一个微信只绑定一个账号，新绑定取代旧的")
    OrganiserBindingService.BindingView bind(@AuthenticationPrincipal CurrentUser user,
                                             @Valid @RequestBody BindOrganiserRequest request, HttpServletRequest http) {
        rateLimiter.acquire("staff-login", http.getRemoteAddr(), 60, Duration.ofMinutes(1));
        return bindings.bind(user, request.username(), request.password(), http.getRemoteAddr());
    }

    @GetMapping("/binding")
    @Operation(summary = "本微信绑定的工作人员账号（未绑定或账号已停用为 403 NOT_AN_ORGANISER）")
    OrganiserBindingService.BindingView binding(@AuthenticationPrincipal CurrentUser user) {
        return bindings.current(user);
    }

    @DeleteMapping("/binding")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "解除绑定")
    void unbind(@AuthenticationPrincipal CurrentUser user) {
        bindings.unbind(user);
    }

    @GetMapping("/events")
    @Operation(summary = "我可以组织的已发布活动（区级管理员为全部，其他账号为本单位）")
    PageResult<EventSummaryView> events(@AuthenticationPrincipal CurrentUser user, @Valid PageQuery page) {
        return admin.list(bindings.organiser(user), new EventFilter(EventStatus.PUBLISHED, null, null, null), page);
    }

    @GetMapping("/events/{id}")
    EventView event(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return admin.get(bindings.organiser(user), id);
    }

    @GetMapping("/ticket-keys")
    @Operation(summary = "核验签名凭证的公钥（Ed25519，原始 32 字节的 base64url），组织者离线时在手机上核验凭证；当前密钥在前，轮换前的旧密钥随后")
    TicketSigner.KeysView ticketKeys(@AuthenticationPrincipal CurrentUser user) {
        bindings.organiser(user);
        return new TicketSigner.KeysView(tickets.keys());
    }

    @GetMapping("/events/{id}/sessions/{sessionId}/venue-code")
    @Operation(summary = "现场签到（IN）或签退（OUT）码：url 为二维码内容（微信扫一扫即打开小程序签到页），每 30 秒更换；另含已签到人数")
    VenueCodeView venueCode(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                            @PathVariable long sessionId,
                            @RequestParam(defaultValue = "IN") CheckinTokens.Purpose purpose) {
        return venueCodes.code(admin.owned(bindings.organiser(user), id), sessionId, purpose);
    }

    @PostMapping("/events/{id}/tickets")
    @Operation(summary = "扫参加人的报名凭证签到或签退（purpose=IN|OUT）；对未核验位置的签到即为确认在场")
    AttendanceView ticket(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                          @Valid @RequestBody TicketCheckinRequest request) {
        CurrentUser organiser = bindings.organiser(user);
        return attendance.ticket(admin.owned(organiser, id), organiser, request.ticket(), request.sessionId(),
                request.purposeOrIn());
    }

    @GetMapping("/events/{id}/roster")
    @Operation(summary = "名单（手机号掩码），供按姓名或手机号查找、勾选签到签退")
    Roster roster(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        CurrentUser organiser = bindings.organiser(user);
        return rosters.roster(admin.owned(organiser, id), organiser);
    }

    @PostMapping("/events/{id}/sessions/{sessionId}/ticks")
    @Operation(summary = "在名单上勾选签到或签退")
    AttendanceView tick(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long sessionId,
                        @Valid @RequestBody TickRequest request) {
        CurrentUser organiser = bindings.organiser(user);
        return attendance.tick(admin.owned(organiser, id), organiser, request.signupId(), sessionId, request.purpose());
    }

    @GetMapping("/events/{id}/helpers")
    @Operation(summary = "协助签到的科普信息员 / 科普宣传员；位置未核验的 presenceConfirmed=false，待组织者确认")
    java.util.List<EventViews.HelperView> helpers(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return helpers.helpers(admin.owned(bindings.organiser(user), id));
    }

    @PostMapping("/events/{id}/helpers/{helperCheckinId}/confirm")
    @Operation(summary = "确认位置未核验的协助签到者在场，此后计为该信息员开展一次活动（只计一次）")
    EventViews.HelperView confirmHelper(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                        @PathVariable long helperCheckinId) {
        CurrentUser organiser = bindings.organiser(user);
        return helpers.confirm(admin.owned(organiser, id), organiser, helperCheckinId);
    }

    @PostMapping("/events/{id}/sessions/{sessionId}/end-confirmation")
    @Operation(summary = "场次结束后确认这些人在场至结束")
    BulkCheckinResult confirmEnd(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                 @PathVariable long sessionId, @Valid @RequestBody BulkCheckinRequest request) {
        CurrentUser organiser = bindings.organiser(user);
        return attendance.confirmEnd(admin.owned(organiser, id), organiser, sessionId, request.signupIds());
    }

    @PostMapping("/events/{id}/sync")
    @Operation(summary = "同步离线时扫的凭证和勾选：每条带手机生成的 opId 和发生时间 at，按发生时间套用签到/签退时间窗（场次内发生的可晚些补传，"
            + "窗外的拒绝），每个 opId 只生效一次（重发得到原结果）；同一人被两台手机记录时以较早的签到时间为准并标为 CONFLICT")
    java.util.List<EventViews.SyncResult> sync(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                               @Valid @RequestBody EventRequests.SyncRequest request) {
        CurrentUser organiser = bindings.organiser(user);
        return offline.sync(admin.owned(organiser, id), organiser, request.ops());
    }

    @PostMapping("/events/{id}/walk-ins")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "现场补录：组织者为到场者代报名（按活动条件核对），确认后即为其签到当前场次")
    WalkInView walkIn(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                      @Valid @RequestBody WalkInRequest request) {
        CurrentUser organiser = bindings.organiser(user);
        return walkIns.walkIn(admin.owned(organiser, id), organiser, request);
    }
}
