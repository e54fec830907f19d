package cn.yunxi.kepu.wechat;

import org.springframework.http.HttpStatus;

import cn.yunxi.kepu.common.web.ErrorCode;

/** WeChat's error codes, translated once, here, into ours. */
public enum WechatErrors implements ErrorCode {
    WECHAT_CODE_INVALID(HttpStatus.BAD_REQUEST, "微信登录凭证无效或已过期，请重新进入小程序后再试"),
    WECHAT_PHONE_CODE_INVALID(HttpStatus.BAD_REQUEST, "手机号授权已失效，请重新点击获取手机号"),
    WECHAT_RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "当前使用人数较多，请稍后再试"),
    WECHAT_USER_RISKY(HttpStatus.FORBIDDEN, "微信判定当前账号存在安全风险，暂时无法登录，请稍后再试"),
    WECHAT_BUSY(HttpStatus.SERVICE_UNAVAILABLE, "微信服务繁忙，请稍后重试"),
    WECHAT_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "暂时连接不上微信服务，请检查网络后重试"),
    WECHAT_FAILED(HttpStatus.BAD_GATEWAY, "微信服务返回异常，请稍后重试");

    private final HttpStatus status;
    private final String message;

    WechatErrors(HttpStatus status, String message) {
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
