package cn.yunxi.kepu.common.web;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC finds the handler of a path with variables ({@code /api/v1/attempts/42/submit}) by asking every one
 * of the API's mappings, in turn, whether it matches: method, Accept header, then the pattern. With some two
 * hundred mappings that search cost more than a whole leaderboard answer's own work. This mapping first compares
 * the request path with each pattern's literal beginning (everything before its first variable or wildcard): a
 * path that does not start with it cannot match the pattern, so the full check is skipped.
 *
 * <p>The shortcut only applies to paths without percent-encoding or path parameters ({@code ;}), where the raw path
 * and the decoded one Spring matches against are the same text; any other path gets the full check for every
 * mapping, exactly as before. Which mapping wins, and the 404/405/415 answers when none does, are Spring's own.
 */
public class LiteralPrefixHandlerMapping extends RequestMappingHandlerMapping {

    /** The lookup path of the request being resolved on this thread (set only around the search). */
    private static final ThreadLocal<String> PLAIN_LOOKUP_PATH = new ThreadLocal<>();
    private static final String[] ANY = {""};

    private final Map<RequestMappingInfo, String[]> prefixes = new ConcurrentHashMap<>();

    @Override
    protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
        super.registerHandlerMethod(handler, method, mapping);
        prefixes.put(mapping, literalPrefixes(mapping));
    }

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        boolean plain = lookupPath.indexOf('%') < 0 && lookupPath.indexOf(';') < 0;
        String outer = PLAIN_LOOKUP_PATH.get(); // a lookup within a lookup (an introspector) keeps the outer one
        if (plain) {
            PLAIN_LOOKUP_PATH.set(lookupPath);
        } else {
            PLAIN_LOOKUP_PATH.remove();
        }
        try {
            return super.lookupHandlerMethod(lookupPath, request);
        } finally {
            if (outer == null) {
                PLAIN_LOOKUP_PATH.remove();
            } else {
                PLAIN_LOOKUP_PATH.set(outer);
            }
        }
    }

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        String path = PLAIN_LOOKUP_PATH.get();
        if (path != null && !startsWithAny(path, prefixes.getOrDefault(info, ANY))) {
            return null;
        }
        return super.getMatchingMapping(info, request);
    }

    private static boolean startsWithAny(String path, String[] candidates) {
        for (String prefix : candidates) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Each pattern's text up to its first variable or wildcard; {@code ""} (matches all) when unknown. */
    static String[] literalPrefixes(RequestMappingInfo mapping) {
        PathPatternsRequestCondition condition = mapping.getPathPatternsCondition();
        if (condition == null) {
            return ANY; // AntPathMatcher mode: no pre-filter
        }
        Set<PathPattern> patterns = condition.getPatterns();
        if (patterns.isEmpty()) {
            return ANY;
        }
        return patterns.stream().map(p -> literalPrefix(p.getPatternString())).toArray(String[]::new);
    }

    static String literalPrefix(String pattern) {
        int end = pattern.length();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '{' || c == '*' || c == '?') {
                end = i;
                break;
            }
        }
        return pattern.substring(0, end);
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        WebMvcRegistrations literalPrefixHandlerMappingRegistration() {
            return new WebMvcRegistrations() {
                @Override
                public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                    return new LiteralPrefixHandlerMapping();
                }
            };
        }
    }
}
