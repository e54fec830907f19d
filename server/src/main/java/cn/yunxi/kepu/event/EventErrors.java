package cn.yunxi.kepu.event;

import org.springframework.http.HttpStatus;

import cn.yunxi.kepu.common.web.ErrorCode;

/** Expected failures of events, signups and check-in, with messages fit to show a resident. */
enum EventErrors implements ErrorCode {
    EVENT_NOT_FOUND(HttpStatus.NOT_FOUND, "活动不存在或已下线"),
    SIGNUP_NOT_FOUND(HttpStatus.NOT_FOUND, "报名记录不存在"),
    TRAINING_CERTIFICATE_NOT_FOUND(HttpStatus.NOT_FOUND, "没有这个编号的培训证明，请核对编号"),
    TRAINING_CERTIFICATE_NOT_EARNED(HttpStatus.CONFLICT, "培训结束、学时结算并计入后才能查看培训证明"),
    SESSION_NOT_FOUND(HttpStatus.NOT_FOUND, "活动场次不存在"),
    EVENT_NOT_EDITABLE(HttpStatus.CONFLICT, "活动已取消或已结束，不能再修改"),
    EVENT_NOT_DRAFT(HttpStatus.CONFLICT, "只有草稿状态的活动可以发布"),
    EVENT_NOT_PUBLISHED(HttpStatus.CONFLICT, "活动未发布或已取消"),
    INVALID_EVENT(HttpStatus.BAD_REQUEST, "活动信息有误"),
    CAPACITY_BELOW_CHECKED_IN(HttpStatus.CONFLICT, "名额不能少于已签到的人数"),
    SEAT_WITHDRAWAL_NOT_CONFIRMED(HttpStatus.CONFLICT, "减少名额会收回已确认报名者的名额，请确认后再保存"),
    SIGNUP_NOT_OPEN(HttpStatus.CONFLICT, "报名尚未开始"),
    SIGNUP_CLOSED(HttpStatus.CONFLICT, "报名已截止"),
    EVENT_FULL(HttpStatus.CONFLICT, "名额已满，本活动不设候补"),
    NOT_ELIGIBLE(HttpStatus.FORBIDDEN, "您不符合本活动的报名条件"),
    ALREADY_SIGNED_UP(HttpStatus.CONFLICT, "您已报名本活动，无需重复报名"),
    CANCEL_DEADLINE_PASSED(HttpStatus.CONFLICT, "已过取消报名的截止时间，如需取消请联系组织者"),
    SIGNUP_ALREADY_CANCELLED(HttpStatus.CONFLICT, "该报名已取消"),
    PHONE_NOT_YOURS(HttpStatus.FORBIDDEN, "请先在“我的”中绑定该手机号，再认领报名记录"),
    CHECKIN_TOKEN_INVALID(HttpStatus.BAD_REQUEST, "签到码无效，请扫描现场大屏上的签到码"),
    CHECKIN_TOKEN_EXPIRED(HttpStatus.BAD_REQUEST, "签到码已过期，请扫描现场大屏上最新的签到码"),
    TICKET_INVALID(HttpStatus.BAD_REQUEST, "报名凭证无效"),
    NOT_SIGNED_UP(HttpStatus.FORBIDDEN, "您没有报名本活动或尚在候补中，无法签到"),
    CHECKIN_NOT_OPEN(HttpStatus.CONFLICT, "当前不在签到时间内"),
    TOO_FAR_FROM_VENUE(HttpStatus.FORBIDDEN, "您当前不在活动现场附近，请到现场后再签到"),
    NOT_CHECKED_IN(HttpStatus.CONFLICT, "您还没有签到，不能签退"),
    SESSION_NOT_OVER(HttpStatus.CONFLICT, "本场尚未结束，结束后才能确认在场至结束"),
    EVENT_NOT_OVER(HttpStatus.CONFLICT, "活动的最后一场尚未结束，结束后才能结束活动"),
    ATTENDANCE_SETTLED(HttpStatus.CONFLICT, "本场的出勤和学时已结算，不能再修改"),
    NOT_A_VOLUNTEER(HttpStatus.FORBIDDEN, "本活动仅限已审核通过的科技志愿者报名"),
    PROXY_SIGNUP_LIMIT(HttpStatus.TOO_MANY_REQUESTS, "您为本活动代报名的人数已达上限，如需为更多人报名请联系活动组织者"),
    NOT_AN_ORGANISER(HttpStatus.FORBIDDEN, "您还没有绑定工作人员账号，或账号已停用，请在“组织者”页面绑定"),
    BAD_STAFF_CREDENTIALS(HttpStatus.FORBIDDEN, "用户名或密码错误。多次输错后需等几分钟再试；账号停用请联系区级管理员"),
    BINDING_CONFLICT(HttpStatus.CONFLICT, "该账号正在别处绑定，请稍后重试"),
    NOT_AN_OFFICER(HttpStatus.FORBIDDEN, "只有已审核通过的科普信息员或科普宣传员可以协助签到"),
    HELPER_CHECKIN_NOT_FOUND(HttpStatus.NOT_FOUND, "没有这条协助签到记录"),
    HELPER_NOT_CONFIRMABLE(HttpStatus.CONFLICT, "此人已注销账号或已不是在册的科普信息员、科普宣传员，不能确认计入");

    private final HttpStatus status;
    private final String message;

    EventErrors(HttpStatus status, String message) {
        this.status = status;
        this.message = message;
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    @Override
    public String message() {
        return message;
    }
}
