package cn.yunxi.kepu.wechat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.yunxi.kepu.common.web.ApiException;
import me.chanjar.weixin.common.error.WxErrorException;

/**
 * Runs one WxJava call and turns every failure into an {@link ApiException} with our code: WeChat's errcodes
 * through {@link #translate}, I/O failures (timeouts, refused connections) as WECHAT_UNAVAILABLE. Every class
 * of this package that calls WeChat goes through here, so the mapping lives in one place. Never logs request
 * or response bodies: they carry session keys, phone numbers and user content.
 */
final class WechatCalls {

    private static final Logger log = LoggerFactory.getLogger(WechatCalls.class);

    private WechatCalls() {
    }

    static <T> T call(String api, WechatErrors invalidCode, WechatCall<T> call) {
        try {
            return call.run();
        } catch (WxErrorException e) {
            int code = e.getError() == null ? 0 : e.getError().getErrorCode();
            log.warn("WeChat {} failed with errcode {}", api, code);
            WechatErrors error = translate(code, invalidCode);
            throw new ApiException(error, error.message(), e);
        } catch (RuntimeException e) {
            log.warn("WeChat {} unreachable: {}", api, e.getClass().getSimpleName());
            throw new ApiException(WechatErrors.WECHAT_UNAVAILABLE, WechatErrors.WECHAT_UNAVAILABLE.message(), e);
        }
    }

    /**
     * @param invalidCode what a rejected one-time code means for this call (login code, phone code...)
     */
    static WechatErrors translate(int errcode, WechatErrors invalidCode) {
        return switch (errcode) {
            case 40029, 40163 -> invalidCode;
            case 45011, 45009 -> WechatErrors.WECHAT_RATE_LIMITED;
            case 40226 -> WechatErrors.WECHAT_USER_RISKY;
            case -1 -> WechatErrors.WECHAT_BUSY;
            default -> WechatErrors.WECHAT_FAILED;
        };
    }

    @FunctionalInterface
    interface WechatCall<T> {
        T run() throws WxErrorException;
    }
}
