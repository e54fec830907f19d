package cn.yunxi.kepu.wechat;

import org.springframework.stereotype.Component;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.yunxi.kepu.common.web.ApiException;

/** Mini-program codes (wxacode.getUnlimited): unlimited in number, for posters. */
@Component
public class WechatCodes {

    private final WxMaService wx;

    WechatCodes(WxMaService wx) {
        this.wx = wx;
    }

    /**
     * @param scene up to 32 visible characters the page receives as {@code scene}, e.g. {@code e=42}
     * @param page  the page to open, without leading slash (must be published unless {@code checkPath} is off)
     * @return the PNG image
     * @throws ApiException WeChat's errors, mapped in one place
     */
    public byte[] unlimited(String scene, String page, int width) {
        if (scene == null || scene.isEmpty() || scene.length() > 32) {
            throw new IllegalArgumentException("scene must be 1 to 32 characters");
        }
        return WechatCalls.call("wxacode.getUnlimited", WechatErrors.WECHAT_FAILED,
                () -> wx.getQrcodeService().createWxaCodeUnlimitBytes(scene, page, false, "release", width, false,
                        null, false));
    }
}
