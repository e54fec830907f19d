package cn.yunxi.kepu.officer;

import org.springframework.http.HttpStatus;

import cn.yunxi.kepu.common.web.ErrorCode;

enum OfficerErrors implements ErrorCode {
    REGION_NOT_VILLAGE(HttpStatus.BAD_REQUEST, "请选择所在的村或社区"),
    ALREADY_APPLIED(HttpStatus.CONFLICT, "您已经申请过，请等待审核"),
    ALREADY_OFFICER(HttpStatus.CONFLICT, "您已经是该身份，无需重复申请"),
    OFFICER_NOT_FOUND(HttpStatus.NOT_FOUND, "申请不存在"),
    NOT_PENDING(HttpStatus.CONFLICT, "该申请已审核过"),
    OUTSIDE_TOWN(HttpStatus.NOT_FOUND, "申请不存在"),
    REJECT_REASON_REQUIRED(HttpStatus.UNPROCESSABLE_CONTENT, "退回时请填写原因"),
    NOT_OFFICER(HttpStatus.NOT_FOUND, "您还不是科普信息员");

    private final HttpStatus status;
    private final String message;

    OfficerErrors(HttpStatus status, String message) {
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
