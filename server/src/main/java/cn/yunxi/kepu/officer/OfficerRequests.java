package cn.yunxi.kepu.officer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

final class OfficerRequests {

    private OfficerRequests() {
    }

    record Apply(@NotNull(message = "请选择申请的身份") OfficerRole role,
                 @NotBlank(message = "请选择所在村（社区）") String regionCode,
                 @NotBlank(message = "请填写真实姓名") @Size(max = 20, message = "姓名过长") String realName,
                 @NotBlank(message = "请填写手机号") @Pattern(regexp = "1\\d{10}", message = "手机号格式不正确") String phone,
                 @Size(max = 500, message = "申请说明过长") String motivation) {

        @Override
        public String toString() {
            return "Apply[role=" + role + ", regionCode=" + regionCode + "]";
        }
    }

    record Review(@Size(max = 500, message = "审核意见过长") String note) {
    }
}
