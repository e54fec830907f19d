package cn.yunxi.kepu.resident;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.yunxi.kepu.common.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** The caller's own account. There is no resident id in these paths: it always comes from the token. */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "我的")
class MeController {

    private final ResidentProfileService profiles;

    MeController(ResidentProfileService profiles) {
        this.profiles = profiles;
    }

    @GetMapping
    MeView me(@AuthenticationPrincipal CurrentUser user) {
        return profiles.me(user.id());
    }

    @PatchMapping
    @Operation(summary = "修改资料（只传要改的字段）；传 privacyPolicyVersion 表示同意该版本隐私政策")
    MeView update(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody UpdateMeRequest request) {
        return profiles.update(user.id(), request);
    }

    @PostMapping("/phone")
    @Operation(summary = "用手机号快速验证组件的 code 绑定手机号（加密保存）")
    MeView bindPhone(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody BindPhoneRequest request) {
        return profiles.bindPhone(user.id(), request.code());
    }

    @GetMapping("/export")
    @Operation(summary = "导出我的全部数据（每人每天最多 3 次，超出 429）")
    ResidentExport export(@AuthenticationPrincipal CurrentUser user) {
        return profiles.export(user.id());
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "注销账号：删除个人信息，仅保留匿名的参与统计")
    void delete(@AuthenticationPrincipal CurrentUser user) {
        profiles.delete(user.id());
    }
}
