package cn.yunxi.kepu.wechat;

import org.springframework.stereotype.Component;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.bean.WxMaJscode2SessionResult;
import cn.binarywang.wx.miniapp.bean.WxMaPhoneNumberInfo;
import cn.yunxi.kepu.common.web.ApiException;

/** Login and phone number: the WeChat calls of accounts. Failures come out as {@link ApiException}s. */
@Component
public class WechatClient {

    private final WxMaService wx;

    WechatClient(WxMaService wx) {
        this.wx = wx;
    }

    /** code2Session: exchanges a {@code wx.login} code for the user's openid. */
    public WechatSession exchangeLoginCode(String code) {
        WxMaJscode2SessionResult result = WechatCalls.call("jscode2session", WechatErrors.WECHAT_CODE_INVALID,
                () -> wx.jsCode2SessionInfo(code));
        if (result.getOpenid() == null || result.getOpenid().isBlank()) {
            throw new ApiException(WechatErrors.WECHAT_FAILED);
        }
        return new WechatSession(result.getOpenid(), result.getUnionid());
    }

    /** getPhoneNumber: exchanges a phone-number button code for the bound phone (digits only, no country code). */
    public String phoneNumber(String code) {
        WxMaPhoneNumberInfo info = WechatCalls.call("getuserphonenumber", WechatErrors.WECHAT_PHONE_CODE_INVALID,
                () -> wx.getUserService().getPhoneNumber(code));
        if (info == null || info.getPurePhoneNumber() == null || info.getPurePhoneNumber().isBlank()) {
            throw new ApiException(WechatErrors.WECHAT_FAILED);
        }
        return info.getPurePhoneNumber();
    }
}
