package cn.yunxi.kepu.event;

import org.springframework.http.HttpStatus;

import cn.yunxi.kepu.common.web.ErrorCode;

/** Expected failures of events, signups and check-in, with messages fit to show a resident. */
enum EventErrors implements ErrorCode {
    EVENT_NOT_FOUND(HttpStatus.NOT_FOUND, "活动不存在或已下线"),
    SIGNUP_NOT_FOUND(HttpStatus.NOT_FOUND, "报名记录不存在"),
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
    NOT_A_VOLUNTEER(HttpStatus.FORBIDDEN, "本活动仅限已审核通过的科技志愿者报名");

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
