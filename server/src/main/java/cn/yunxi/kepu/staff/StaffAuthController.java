package cn.yunxi.kepu.staff;

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
@RequestMapping("/api/admin/v1/auth")
@Tag(name = "工作人员登录")
class StaffAuthController {

    private final StaffLoginService login;
    private final RateLimiter rateLimiter;

    StaffAuthController(StaffLoginService login, RateLimiter rateLimiter) {
        this.login = login;
        this.rateLimiter = rateLimiter;
    }

    @PostMapping("/login")
    @Operation(summary = "用户名密码登录。同一地址对同一用户名连续失败 5 次（或同一地址失败 20 次）后需等待，"
            + "等待时间从 1 分钟起每次失败加倍、最长 15 分钟；账号本身从不锁定。任何失败都答 401 BAD_CREDENTIALS。"
            + "成功时 failedLoginsSinceLastLogin 告诉本人上次登录以来的失败次数")
    StaffRequests.LoginResponse login(@Valid @RequestBody StaffRequests.Login request, HttpServletRequest http) {
        // A plain request cap per address bounds the BCrypt work one address can cause.
        rateLimiter.acquire("staff-login", http.getRemoteAddr(), 60, Duration.ofMinutes(1));
        return login.login(request.username(), request.password(), http.getRemoteAddr());
    }

    @PostMapping("/refresh")
    StaffRequests.LoginResponse refresh(@Valid @RequestBody StaffRequests.Refresh request) {
        return login.refresh(request.refreshToken());
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(@Valid @RequestBody StaffRequests.Refresh request) {
        login.logout(request.refreshToken());
    }
}
