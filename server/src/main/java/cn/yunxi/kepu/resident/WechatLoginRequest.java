package cn.yunxi.kepu.resident;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** @param code the code from {@code wx.login} */
record WechatLoginRequest(@NotBlank(message = "缺少登录凭证") @Size(max = 128, message = "登录凭证格式不正确") String code) {
}
