package cn.yunxi.kepu.event;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
import cn.yunxi.kepu.event.EventRequests.CheckinRequest;
import cn.yunxi.kepu.event.EventRequests.ClaimRequest;
import cn.yunxi.kepu.event.EventRequests.ProxySignupRequest;
import cn.yunxi.kepu.event.EventRequests.SignupRequest;
import cn.yunxi.kepu.event.EventViews.AttendanceView;
import cn.yunxi.kepu.event.EventViews.EventSummaryView;
import cn.yunxi.kepu.event.EventViews.EventView;
import cn.yunxi.kepu.event.EventViews.HelperCheckinView;
import cn.yunxi.kepu.event.EventViews.SignupView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** The mini-program's side of events: browse, sign up (also for others), cancel, check in. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "活动与培训")
class EventController {

    private final EventBrowseService browse;
    private final SignupService signups;
    private final AttendanceService attendance;
    private final HelperCheckinService helpers;
    private final RateLimiter rateLimiter;
    private final TrainingCertificateService certificates;

    EventController(EventBrowseService browse, SignupService signups, AttendanceService attendance,
                    HelperCheckinService helpers, RateLimiter rateLimiter, TrainingCertificateService certificates) {
        this.certificates = certificates;
        this.browse = browse;
        this.signups = signups;
        this.attendance = attendance;
        this.helpers = helpers;
        this.rateLimiter = rateLimiter;
    }

    @GetMapping("/events")
    @Operation(summary = "活动列表：默认为未结束的已发布活动（按开始时间）；past=true 为往期活动")
    PageResult<EventSummaryView> list(@RequestParam(required = false) EventKind kind,
                                      @RequestParam(defaultValue = "false") boolean past, @Valid PageQuery page) {
        return browse.list(kind, past, page);
    }

    @GetMapping("/events/{id}")
    @Operation(summary = "活动详情（含我的报名状态与候补位置）")
    EventView detail(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return browse.detail(user.id(), id);
    }

    @PostMapping("/events/{id}/signups")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "报名：成功为 CONFIRMED，名额已满且开放候补时为 WAITLISTED（附候补位置）；"
            + "已截止、已满且无候补、不符合条件、已报名时返回对应错误码")
    SignupView signup(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                      @Valid @RequestBody(required = false) SignupRequest request) {
        return signups.signup(user, id, request);
    }

    @PostMapping("/events/{id}/proxy-signups")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "代报名：为没有智能手机的亲友、村民按姓名和手机号报名（同一手机号视为同一人）")
    SignupView proxySignup(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                           @Valid @RequestBody ProxySignupRequest request) {
        rateLimiter.acquire("event-proxy-signup", Long.toString(user.id()), 30, java.time.Duration.ofDays(1));
        return signups.proxySignup(user, id, request);
    }

    @GetMapping("/signups/{id}")
    @Operation(summary = "我的（或我代报名的）一条报名，确认后附签到凭证")
    SignupView signupDetail(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return signups.get(user, id);
    }

    @GetMapping("/signups/{id}/attendance")
    @Operation(summary = "我的（或我代报名的）这条报名每场的签到、签退与学时（结算后才有学时；待组织者确认的签到不计学时）")
    java.util.List<EventViews.MyAttendance> signupAttendance(@AuthenticationPrincipal CurrentUser user,
                                                             @PathVariable long id) {
        return signups.attendance(user, id);
    }

    @GetMapping("/signups/{id}/certificate")
    @Operation(summary = "我这条报名的培训证明：培训结束、学时结算并计入后第一次打开时签发（编号随机、可公开查验），之后原样返回；"
            + "未计入学时为 409 TRAINING_CERTIFICATE_NOT_EARNED，不是本人的报名为 404")
    TrainingCertificateService.View trainingCertificate(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return certificates.mine(user, id);
    }

    @GetMapping("/training-certificates/{verifyNo}")
    @Operation(summary = "公开查验培训证明编号（无需登录，姓名已脱敏）")
    TrainingCertificateService.View verifyCertificate(@PathVariable String verifyNo) {
        return certificates.verify(verifyNo);
    }

    @PostMapping("/signups/{id}/cancel")
    @Operation(summary = "取消报名（取消截止时间前）；空出的名额自动递补给候补第一位")
    SignupView cancel(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return signups.cancel(user, id);
    }

    @PostMapping("/signups/claim")
    @Operation(summary = "认领别人用我的手机号为我代报名的记录（手机号须已绑定到本账号）")
    List<SignupView> claim(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody ClaimRequest request) {
        return signups.claim(user, request.phone());
    }

    @GetMapping("/me/signups")
    @Operation(summary = "我的报名")
    PageResult<SignupView> mine(@AuthenticationPrincipal CurrentUser user, @Valid PageQuery page) {
        return signups.mine(user, page);
    }

    @GetMapping("/me/proxy-signups")
    @Operation(summary = "我代别人报名的记录")
    PageResult<SignupView> proxied(@AuthenticationPrincipal CurrentUser user, @Valid PageQuery page) {
        return signups.proxiedByMe(user, page);
    }

    @PostMapping("/checkins")
    @Operation(summary = "扫现场签到码签到（或签退码签退）；可附带位置，不带位置时记为“位置未核验”；重复扫码不改变结果")
    AttendanceView checkin(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody CheckinRequest request) {
        return attendance.scan(user, request);
    }

    @PostMapping("/helper-checkins")
    @Operation(summary = "科普信息员 / 科普宣传员扫现场签到码协助签到（无需报名）：计为开展一次活动；每场一次，重复扫码不改变结果；"
            + "不是在册信息员时返回 NOT_AN_OFFICER")
    HelperCheckinView helperCheckin(@AuthenticationPrincipal CurrentUser user,
                                    @Valid @RequestBody CheckinRequest request) {
        return helpers.checkIn(user, request);
    }
}
