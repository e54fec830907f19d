package cn.yunxi.kepu.common.web;

import org.springframework.http.HttpStatus;

public enum CommonErrors implements ErrorCode {
    VALIDATION_FAILED(HttpStatus.BAD_REQUEST, "提交的信息有误，请检查后重试"),
    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "请求内容格式不正确"),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "请先登录"),
    TOKEN_INVALID(HttpStatus.UNAUTHORIZED, "登录已失效，请重新登录"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "没有权限进行此操作"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "访问的内容不存在"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "不支持该请求方式"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "不支持的内容类型，请使用 JSON"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "无法提供所请求的格式"),
    CONFLICT(HttpStatus.CONFLICT, "数据已存在或已被修改，请刷新后重试"),
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "提交的内容过大"),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "操作太频繁，请稍后再试"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "服务器开小差了，请稍后重试"),
    DATABASE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "系统正在恢复，请稍后重试，已提交的内容不会丢失");

    private final HttpStatus status;
    private final String message;

    CommonErrors(HttpStatus status, String message) {
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
