package cn.yunxi.kepu.resident;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record RefreshRequest(@NotBlank(message = "缺少刷新凭证") @Size(max = 128, message = "刷新凭证格式不正确") String refreshToken) {
}
