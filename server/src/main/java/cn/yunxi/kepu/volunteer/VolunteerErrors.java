package cn.yunxi.kepu.volunteer;

import org.springframework.http.HttpStatus;

import cn.yunxi.kepu.common.web.ErrorCode;

enum VolunteerErrors implements ErrorCode {
    VOLUNTEER_NOT_FOUND(HttpStatus.NOT_FOUND, "志愿者信息不存在"),
    ALREADY_REGISTERED(HttpStatus.CONFLICT, "您已登记为科技志愿者，无需重复申请"),
    NOT_PENDING(HttpStatus.CONFLICT, "该申请已审核过"),
    NOT_APPROVED(HttpStatus.CONFLICT, "志愿者资格尚未审核通过"),
    REGION_NOT_FOUND(HttpStatus.BAD_REQUEST, "所在地区不存在"),
    REJECT_REASON_REQUIRED(HttpStatus.UNPROCESSABLE_CONTENT, "不通过时请填写原因，申请人会看到");

    private final HttpStatus status;
    private final String message;

    VolunteerErrors(HttpStatus status, String message) {
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
