package cn.yunxi.kepu.sciencebase;

import org.springframework.http.HttpStatus;

import cn.yunxi.kepu.common.web.ErrorCode;

enum ScienceBaseErrors implements ErrorCode {
    BASE_NOT_FOUND(HttpStatus.NOT_FOUND, "科普基地不存在"),
    BASE_NAME_TAKEN(HttpStatus.CONFLICT, "已有同名的科普基地"),
    REGION_INVALID(HttpStatus.UNPROCESSABLE_CONTENT, "所在区域不正确"),
    BASE_PHOTO_INVALID(HttpStatus.BAD_REQUEST, "基地照片无效，请重新上传图片"),
    TOO_FAR(HttpStatus.UNPROCESSABLE_CONTENT, "您不在基地附近，请到达基地后再签到"),
    CHECK_IN_NOT_FOUND(HttpStatus.NOT_FOUND, "没有这条待确认的签到"),
    ALREADY_CHECKED_IN(HttpStatus.CONFLICT, "您今天已在该基地签到"),
    BASE_CLOSED(HttpStatus.CONFLICT, "该基地已撤销认定");

    private final HttpStatus status;
    private final String message;

    ScienceBaseErrors(HttpStatus status, String message) {
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
