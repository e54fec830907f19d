package cn.yunxi.kepu.common.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;

/**
 * A mapping's matching conditions for a request, remembered by the request's method and Accept header. Spring
 * works them out on every request: the method, then the Accept header parsed and compared with what the mapping
 * produces, then the pattern, and builds a new {@link RequestMappingInfo} of the conditions that matched; for a
 * cached content item or feed that is a few per cent of the answer. For a mapping with a single pattern and no
 * parameter, header, consumes, API version or custom conditions the result, once the pattern matches the path, depends on
 * nothing else (pre-flights and other dispatches are not remembered, and the produces condition reads only the
 * Accept header when that is the only content negotiation strategy), and a remembered result equals a new one: same
 * method, same pattern, same matched media types.
 */
final class RememberedConditions {

    /** How many method and Accept header combinations one mapping remembers: requests choose the header freely. */
    static final int LIMIT = 64;
    private static final Object NO_MATCH = new Object();

    private final Map<Key, Object> answers = new ConcurrentHashMap<>();

    record Key(String method, @Nullable String accept) {
    }

    /**
     * Whether the mapping's match depends only on its one pattern, the request's method and its Accept header.
     */
    static boolean applyTo(RequestMappingInfo mapping) {
        PathPatternsRequestCondition patterns = mapping.getPathPatternsCondition();
        return patterns != null && patterns.getPatterns().size() == 1 && mapping.getParamsCondition().isEmpty()
                && mapping.getHeadersCondition().isEmpty() && mapping.getConsumesCondition().isEmpty()
                && mapping.getVersionCondition().isEmpty() && mapping.getCustomCondition() == null;
    }

    /** The answer for a request whose path the pattern matches: remembered, or Spring's, remembered if room. */
    @Nullable RequestMappingInfo answer(Key key, Supplier<@Nullable RequestMappingInfo> spring) {
        Object known = answers.get(key);
        if (known == null) {
            RequestMappingInfo computed = spring.get();
            known = computed == null ? NO_MATCH : computed;
            if (answers.size() < LIMIT) {
                answers.putIfAbsent(key, known);
            }
        }
        return known == NO_MATCH ? null : (RequestMappingInfo) known;
    }

    int size() {
        return answers.size();
    }
}
