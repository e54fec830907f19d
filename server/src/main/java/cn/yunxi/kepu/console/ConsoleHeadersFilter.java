package cn.yunxi.kepu.console;

import java.io.IOException;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The console's content security policy. Scripts, styles and fonts come only from this server (government intranets
 * reach no CDN, and an injected script has nowhere to load from); images and media may come from object storage
 * (https) and from content bodies; uploads go by XHR to the storage host named in the upload policy (https, or this
 * server in local mode). Inline styles stay allowed: the component library sets style attributes.
 */
class ConsoleHeadersFilter extends OncePerRequestFilter {

    static final String POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            "font-src 'self' data:",
            "img-src 'self' data: blob: https: http:",
            "media-src 'self' blob: https: http:",
            "connect-src 'self' https:",
            "frame-src 'self' https:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("Referrer-Policy", "same-origin");
        chain.doFilter(request, response);
    }
}
