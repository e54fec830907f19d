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
    @Operation(summary = "用户名密码登录；连续 5 次密码错误锁定 15 分钟")
    StaffRequests.LoginResponse login(@Valid @RequestBody StaffRequests.Login request, HttpServletRequest http) {
        rateLimiter.acquire("staff-login", http.getRemoteAddr(), 20, Duration.ofMinutes(1));
        return login.login(request.username(), request.password());
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
