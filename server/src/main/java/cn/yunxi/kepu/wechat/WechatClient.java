package cn.yunxi.kepu.wechat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.bean.WxMaJscode2SessionResult;
import cn.binarywang.wx.miniapp.bean.WxMaPhoneNumberInfo;
import cn.yunxi.kepu.common.web.ApiException;
import me.chanjar.weixin.common.error.WxErrorException;

/** The only door to WeChat's server API. Every failure comes out as an {@link ApiException} with our code. */
@Component
public class WechatClient {

    private static final Logger log = LoggerFactory.getLogger(WechatClient.class);

    private final WxMaService wx;

    WechatClient(WxMaService wx) {
        this.wx = wx;
    }

    /** code2Session: exchanges a {@code wx.login} code for the user's openid. */
    public WechatSession exchangeLoginCode(String code) {
        WxMaJscode2SessionResult result = call("jscode2session", WechatErrors.WECHAT_CODE_INVALID,
                () -> wx.jsCode2SessionInfo(code));
        if (result.getOpenid() == null || result.getOpenid().isBlank()) {
            throw new ApiException(WechatErrors.WECHAT_FAILED);
        }
        return new WechatSession(result.getOpenid(), result.getUnionid());
    }

    /** getPhoneNumber: exchanges a phone-number button code for the bound phone (digits only, no country code). */
    public String phoneNumber(String code) {
        WxMaPhoneNumberInfo info = call("getuserphonenumber", WechatErrors.WECHAT_PHONE_CODE_INVALID,
                () -> wx.getUserService().getPhoneNumber(code));
        if (info == null || info.getPurePhoneNumber() == null || info.getPurePhoneNumber().isBlank()) {
            throw new ApiException(WechatErrors.WECHAT_FAILED);
        }
        return info.getPurePhoneNumber();
    }

    private <T> T call(String api, WechatErrors invalidCode, WechatCall<T> call) {
        try {
            return call.run();
        } catch (WxErrorException e) {
            int code = e.getError() == null ? 0 : e.getError().getErrorCode();
            log.warn("WeChat {} failed with errcode {}", api, code);
            throw new ApiException(translate(code, invalidCode), translate(code, invalidCode).message(), e);
        } catch (RuntimeException e) {
            // WxJava wraps I/O failures (timeouts, refused connections) in unchecked exceptions.
            log.warn("WeChat {} unreachable: {}", api, e.getClass().getSimpleName());
            throw new ApiException(WechatErrors.WECHAT_UNAVAILABLE, WechatErrors.WECHAT_UNAVAILABLE.message(), e);
        }
    }

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
    private interface WechatCall<T> {
        T run() throws WxErrorException;
    }
}
