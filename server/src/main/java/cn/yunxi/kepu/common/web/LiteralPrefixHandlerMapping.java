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
 * the request path with each pattern's literal beginning (everything before its first variable or wildcard), its
 * literal end (everything after its last one) and, for a pattern without wildcards, its number of separators (a
 * variable never spans a {@code /}): a path that fails any of these cannot match the pattern, so the full check is
 * skipped. Most candidates sharing a prefix ({@code /api/v1/attempts/{id}}, {@code .../{id}/answers}, ...) are
 * told apart by the end or the separators.
 *
 * <p>The shortcut only applies to paths without percent-encoding or path parameters ({@code ;}), where the raw path
 * and the decoded one Spring matches against are the same text; any other path gets the full check for every
 * mapping, exactly as before. Which mapping wins, and the 404/405/415 answers when none does, are Spring's own.
 */
public class LiteralPrefixHandlerMapping extends RequestMappingHandlerMapping {

    /** The lookup path of the request being resolved on this thread (set only around the search). */
    private static final ThreadLocal<String> PLAIN_LOOKUP_PATH = new ThreadLocal<>();
    private static final Shape[] ANY = {new Shape("", "", -1)};

    private final Map<RequestMappingInfo, Shape[]> shapes = new ConcurrentHashMap<>();

    /**
     * What a path must look like to match a pattern: start with {@code prefix}, end with {@code suffix} and, unless
     * {@code separators} is -1 (the pattern has wildcards), hold exactly that many {@code /}.
     */
    record Shape(String prefix, String suffix, int separators) {

        boolean admits(String path) {
            return path.length() >= prefix.length() + suffix.length() && path.startsWith(prefix)
                    && path.endsWith(suffix) && (separators < 0 || separators == separatorsOf(path));
        }

        private static int separatorsOf(String path) {
            int count = 0;
            for (int i = 0; i < path.length(); i++) {
                if (path.charAt(i) == '/') {
                    count++;
                }
            }
            return count;
        }
    }

    @Override
    protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
        super.registerHandlerMethod(handler, method, mapping);
        shapes.put(mapping, shapesOf(mapping));
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
        if (path != null && !admitsAny(path, shapes.getOrDefault(info, ANY))) {
            return null;
        }
        return super.getMatchingMapping(info, request);
    }

    private static boolean admitsAny(String path, Shape[] candidates) {
        for (Shape shape : candidates) {
            if (shape.admits(path)) {
                return true;
            }
        }
        return false;
    }

    /** The shape of each of the mapping's patterns; one that admits every path when unknown. */
    static Shape[] shapesOf(RequestMappingInfo mapping) {
        PathPatternsRequestCondition condition = mapping.getPathPatternsCondition();
        if (condition == null) {
            return ANY; // AntPathMatcher mode: no pre-filter
        }
        Set<PathPattern> patterns = condition.getPatterns();
        if (patterns.isEmpty()) {
            return ANY;
        }
        return patterns.stream().map(p -> shapeOf(p.getPatternString())).toArray(Shape[]::new);
    }

    static Shape shapeOf(String pattern) {
        return new Shape(literalPrefix(pattern), literalSuffix(pattern), separators(pattern));
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

    /** The pattern's text after its last variable or wildcard; empty when it has none (the prefix is all of it). */
    static String literalSuffix(String pattern) {
        for (int i = pattern.length() - 1; i >= 0; i--) {
            char c = pattern.charAt(i);
            if (c == '}' || c == '*' || c == '?') {
                return pattern.substring(i + 1);
            }
        }
        return "";
    }

    /** The {@code /} outside variables (their regular expressions may hold one), or -1 if there is a wildcard. */
    static int separators(String pattern) {
        int count = 0;
        int depth = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == '*') {
                return -1;
            } else if (c == '/' && depth == 0) {
                count++;
            }
        }
        return count;
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
