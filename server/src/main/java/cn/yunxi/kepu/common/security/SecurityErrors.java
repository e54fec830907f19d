package cn.yunxi.kepu.common.security;

import org.springframework.http.HttpStatus;

import cn.yunxi.kepu.common.web.ErrorCode;

public enum SecurityErrors implements ErrorCode {
    REFRESH_TOKEN_INVALID(HttpStatus.UNAUTHORIZED, "登录已过期，请重新登录"),
    REFRESH_TOKEN_REUSED(HttpStatus.UNAUTHORIZED, "检测到登录凭证被重复使用，为保护账号安全已退出登录，请重新登录");

    private final HttpStatus status;
    private final String message;

    SecurityErrors(HttpStatus status, String message) {
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
