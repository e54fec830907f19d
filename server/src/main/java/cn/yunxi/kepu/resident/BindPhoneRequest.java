package cn.yunxi.kepu.resident;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** @param code the code from the mini-program's getPhoneNumber button */
record BindPhoneRequest(@NotBlank(message = "缺少手机号授权码") @Size(max = 128, message = "手机号授权码格式不正确") String code) {
}
