package cn.yunxi.kepu.common.security;

import java.util.Collection;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Every {@link PublicEndpoints} pattern as one request matcher, matching exactly the paths Spring Security's
 * {@code requestMatchers(String...)} matches for those patterns (for any method).
 *
 * <p>Spring's authorization asks its rules in order, and each pattern given to {@code requestMatchers} is a rule of its
 * own: every request to a protected endpoint was first matched in full against each public pattern (building a
 * sub-path for each), a tenth of the security chain's cost for a resident's request. Here a pattern is tried only when
 * the path begins with the pattern's literal part, everything before the segment holding its first wildcard or
 * variable: a path without it cannot match. That comparison is on the raw path, which equals the decoded path Spring
 * matches only when it holds no percent-encoding and no path parameters ({@code ;}); any other path is tried against
 * every pattern.
 */
final class PublicPaths implements RequestMatcher {

    private final PathPattern[] patterns;
    private final String[] literalParts;

    PublicPaths(Collection<String> patterns) {
        this.patterns = patterns.stream().map(PathPatternParser.defaultInstance::parse).toArray(PathPattern[]::new);
        this.literalParts = patterns.stream().map(PublicPaths::literalPart).toArray(String[]::new);
    }

    /** The pattern up to (not including) the separator before the segment with its first wildcard or variable. */
    static String literalPart(String pattern) {
        int syntax = pattern.length();
        for (char c : new char[] {'*', '?', '{'}) {
            int at = pattern.indexOf(c);
            if (at >= 0 && at < syntax) {
                syntax = at;
            }
        }
        return syntax == pattern.length() ? pattern : pattern.substring(0, Math.max(0, pattern.lastIndexOf('/', syntax)));
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        PathContainer path = pathWithinApplication(request);
        String raw = path.value();
        boolean decoded = raw.indexOf('%') < 0 && raw.indexOf(';') < 0;
        for (int i = 0; i < patterns.length; i++) {
            if ((!decoded || raw.startsWith(literalParts[i])) && patterns[i].matches(path)) {
                return true;
            }
        }
        return false;
    }

    /** The path Spring's matcher matches: parsed once per request by the filter in front of the security chain. */
    private static PathContainer pathWithinApplication(HttpServletRequest request) {
        if (ServletRequestPathUtils.hasParsedRequestPath(request)) {
            return ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication();
        }
        RequestPath path = ServletRequestPathUtils.parseAndCache(request);
        ServletRequestPathUtils.clearParsedRequestPath(request);
        return path.pathWithinApplication();
    }
}
