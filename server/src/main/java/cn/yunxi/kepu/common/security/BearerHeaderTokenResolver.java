package cn.yunxi.kepu.common.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * Reads the token from {@code Authorization: Bearer <token>} only (never from a query or form parameter), with the
 * rules of Spring's default resolver (RFC 6750's token68 characters, "Bearer" in any case, a malformed header is an
 * {@code invalid_token} error) checked character by character: the default's regular expression was a visible share
 * of every authenticated request's cost.
 */
final class BearerHeaderTokenResolver implements BearerTokenResolver {

    private static final String SCHEME = "bearer";

    @Override
    public String resolve(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        String token = tokenOf(header);
        if (token == null) {
            BearerTokenError error = BearerTokenErrors.invalidToken("Bearer token is malformed");
            throw new OAuth2AuthenticationException(error);
        }
        return token;
    }

    /** The token of "Bearer token68", or null when the header is not exactly that. */
    static String tokenOf(String header) {
        int start = SCHEME.length();
        if (header.length() <= start + 1 || header.charAt(start) != ' ') {
            return null;
        }
        start++;
        int i = start;
        while (i < header.length() && isToken68(header.charAt(i))) {
            i++;
        }
        if (i == start) {
            return null;
        }
        while (i < header.length() && header.charAt(i) == '=') {
            i++; // token68 may end in padding
        }
        return i == header.length() ? header.substring(start) : null;
    }

    private static boolean isToken68(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }
}
