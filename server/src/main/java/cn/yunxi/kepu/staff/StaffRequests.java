package cn.yunxi.kepu.staff;

import java.time.OffsetDateTime;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request and response records of the staff API. */
final class StaffRequests {

    private StaffRequests() {
    }

    record Login(@NotBlank(message = "请输入用户名") @Size(max = 32, message = "用户名过长") String username,
                 @NotBlank(message = "请输入密码") @Size(max = 128, message = "密码过长") String password) {

        @Override
        public String toString() {
            return "Login[username=" + username + "]";
        }
    }

    record Refresh(@NotBlank(message = "缺少刷新凭证") @Size(max = 128, message = "刷新凭证格式不正确") String refreshToken) {
    }

    record CreateStaff(
            @NotBlank(message = "请输入用户名")
            @Pattern(regexp = "[a-zA-Z][a-zA-Z0-9_.-]{2,31}", message = "用户名须以字母开头，3 到 32 位字母、数字或 _ . -")
            String username,
            @NotBlank(message = "请输入姓名") @Size(max = 32, message = "姓名过长") String displayName,
            @NotNull(message = "请选择角色") StaffRole role,
            Long unitId,
            @Schema(description = "至少 10 个字符，最多 72 个字节（UTF-8；汉字每个 3 字节），超出答 400 PASSWORD_TOO_LONG")
            @NotBlank(message = "请输入初始密码") @Size(min = 10, max = 128, message = "密码至少 10 位") String password) {

        @Override
        public String toString() {
            return "CreateStaff[username=" + username + ", role=" + role + ", unitId=" + unitId + "]";
        }
    }

    /** What the district admin may change on someone else's account; a new role or unit takes effect at next login. */
    record UpdateStaff(@NotBlank(message = "请输入姓名") @Size(max = 32, message = "姓名过长") String displayName,
                       @NotNull(message = "请选择角色") StaffRole role,
                       Long unitId) {
    }

    record ChangePassword(@NotBlank(message = "请输入原密码") @Size(max = 128, message = "密码过长") String oldPassword,
                          @Schema(description = "至少 10 个字符，最多 72 个字节（UTF-8；汉字每个 3 字节），超出答 400 PASSWORD_TOO_LONG")
                          @NotBlank(message = "请输入新密码") @Size(min = 10, max = 128, message = "新密码至少 10 位") String newPassword) {

        @Override
        public String toString() {
            return "ChangePassword[***]";
        }
    }

    record ResetPassword(@NotBlank(message = "请输入新的初始密码")
                         @Size(min = 10, max = 128, message = "密码至少 10 位") String password) {

        @Override
        public String toString() {
            return "ResetPassword[***]";
        }
    }

    /**
     * @param failedLoginsSinceLastLogin failed login attempts with this username since the previous successful
     *                                   login (from anywhere); the console shows it so the owner notices guessing.
     *                                   Always 0 on refresh.
     */
    @Schema(name = "StaffLoginResponse")
    record LoginResponse(String accessToken, OffsetDateTime accessTokenExpiresAt, String refreshToken,
                         OffsetDateTime refreshTokenExpiresAt, StaffView staff,
                         @Schema(description = "上次成功登录以来，此用户名登录失败的次数（刷新令牌时为 0）")
                         int failedLoginsSinceLastLogin) {
    }
}
