package cn.yunxi.kepu.emergency;

import org.springframework.http.HttpStatus;

import cn.yunxi.kepu.common.web.ErrorCode;

enum EmergencyErrors implements ErrorCode {
    EMERGENCY_NOT_FOUND(HttpStatus.NOT_FOUND, "应急通知不存在"),
    EMERGENCY_TEMPLATE_NOT_FOUND(HttpStatus.NOT_FOUND, "应急模板不存在或已停用"),
    EMERGENCY_TEMPLATE_NAME_TAKEN(HttpStatus.CONFLICT, "已有同名的应急模板"),
    EMERGENCY_CONFIRMATION_REQUIRED(HttpStatus.BAD_REQUEST, "请输入“确认发布”以再次确认"),
    EMERGENCY_END_REQUIRED(HttpStatus.BAD_REQUEST, "请设置一个晚于现在、且在 30 天以内的结束时间"),
    EMERGENCY_TARGET_INVALID(HttpStatus.BAD_REQUEST, "请选择全区，或选择要通知的镇街、村社区"),
    EMERGENCY_SELF_APPROVAL(HttpStatus.FORBIDDEN, "不能审批自己起草的应急通知，请由另一位区级管理员审批"),
    EMERGENCY_STATE(HttpStatus.CONFLICT, "该应急通知当前状态不允许此操作，请刷新后重试"),
    EMERGENCY_EXPIRED(HttpStatus.CONFLICT, "该应急通知的结束时间已过，无法发布"),
    EMERGENCY_REASON_REQUIRED(HttpStatus.BAD_REQUEST, "请填写驳回理由");

    private final HttpStatus status;
    private final String message;

    EmergencyErrors(HttpStatus status, String message) {
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
