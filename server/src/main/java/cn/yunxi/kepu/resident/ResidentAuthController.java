package cn.yunxi.kepu.resident;

import java.time.Duration;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.yunxi.kepu.common.ratelimit.RateLimiter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "居民登录")
class ResidentAuthController {

    private final ResidentLoginService login;
    private final RateLimiter rateLimiter;

    ResidentAuthController(ResidentLoginService login, RateLimiter rateLimiter) {
        this.login = login;
        this.rateLimiter = rateLimiter;
    }

    @PostMapping("/wechat-login")
    @Operation(summary = "用 wx.login 的 code 登录（首次登录自动注册）")
    LoginResponse wechatLogin(@Valid @RequestBody WechatLoginRequest request, HttpServletRequest http) {
        // code2Session has a per-app quota: keep one client from spending it.
        rateLimiter.acquire("wechat-login", http.getRemoteAddr(), 30, Duration.ofMinutes(1));
        return login.login(request.code());
    }

    @PostMapping("/refresh")
    @Operation(summary = "用刷新凭证换一对新凭证（刷新凭证每次使用后即作废）")
    LoginResponse refresh(@Valid @RequestBody RefreshRequest request) {
        return login.refresh(request.refreshToken());
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "退出登录（该设备的凭证全部失效）")
    void logout(@Valid @RequestBody RefreshRequest request) {
        login.logout(request.refreshToken());
    }
}
