package cn.yunxi.kepu.resident;

import org.springframework.http.HttpStatus;

import cn.yunxi.kepu.common.web.ErrorCode;

enum ResidentErrors implements ErrorCode {
    RESIDENT_NOT_FOUND(HttpStatus.UNAUTHORIZED, "账号不存在或已注销，请重新登录"),
    REGION_NOT_VILLAGE(HttpStatus.BAD_REQUEST, "请选择您所在的村或社区"),
    BIRTH_YEAR_INVALID(HttpStatus.BAD_REQUEST, "出生年份不正确"),
    AVATAR_INVALID(HttpStatus.BAD_REQUEST, "头像须是您本人上传并已确认的头像图片，请重新上传"),
    AVATAR_REJECTED(HttpStatus.BAD_REQUEST, "该图片未通过内容安全检测，请更换头像");

    private final HttpStatus status;
    private final String message;

    ResidentErrors(HttpStatus status, String message) {
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
