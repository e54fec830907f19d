package cn.yunxi.kepu.officer;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
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

    @Schema(name = "OfficerReviewRequest")
    record Review(@Size(max = 500, message = "审核意见过长") String note) {
    }

    /**
     * What the poster's code opens: an item and the officer's share token for it. The bounds keep the scene
     * ({@code <contentId>.<token>}) within WeChat's 32 characters.
     */
    @Schema(name = "ShareCodeRequest")
    record ShareCode(@NotNull(message = "请选择要分享的内容") @Positive(message = "内容编号不正确")
                     @Max(value = 999_999_999L, message = "内容编号不正确") Long contentId,
                     @NotBlank(message = "缺少分享标识")
                     @Pattern(regexp = "[A-Za-z0-9_-]{16,22}", message = "分享标识不正确") String shareToken) {
    }
}
