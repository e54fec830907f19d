package cn.yunxi.kepu.media;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** This server's base URL as clients reach it: configured, else the current request's, else localhost. */
class MediaUrls {

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
        if (RequestContextHolder.getRequestAttributes() != null) {
            return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        }
        return fallback;
    }
}
