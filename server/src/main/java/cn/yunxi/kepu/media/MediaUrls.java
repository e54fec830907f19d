package cn.yunxi.kepu.media;

import java.util.regex.Pattern;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import jakarta.servlet.http.HttpServletRequest;

/**
 * This server's base URL as clients reach it: configured (always so in production), else the Host the current
 * request was sent to, else localhost. The request's X-Forwarded-Host is never used: URLs built here end up in
 * cached feeds served to everyone, and a forged forwarded header from one client must not reach the others.
 */
class MediaUrls {

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]+(:\\d{1,5})?|\\[[0-9A-Fa-f:.]+\\](:\\d{1,5})?");

    private final String configured;
    private final String fallback;

    MediaUrls(String configured, String fallback) {
        this.configured = configured;
        this.fallback = fallback;
    }

    String base() {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            HttpServletRequest request = servlet.getRequest();
            String host = request.getHeader("Host");
            if (host != null && HOST.matcher(host).matches()) {
                return request.getScheme() + "://" + host + request.getContextPath();
            }
        }
        return fallback;
    }
}
