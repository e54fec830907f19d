package cn.yunxi.kepu.common.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.cors.CorsUtils;
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
 * told apart by the end or the separators. The shapes are kept grouped by their number of separators and their first
 * three segments where those are literal, so a path is compared only with the patterns that can have its number of
 * {@code /} and its beginning (and with those with wildcards), once per request. When exactly one of the admitted mappings matches (the usual case) it is the handler, handled as Spring
 * handles a sole match (the best-matching-handler attribute, then {@code handleMatch}); otherwise (no match, several,
 * a CORS pre-flight) Spring's walk over every mapping decides, only testing whether each one is among the few
 * admitted.
 *
 * <p>A path without variables is looked up first among the mappings with that literal path, as Spring does, and a
 * sole match there is handled the same way. Whether a mapping matches is asked of Spring once per method and Accept
 * header and then remembered where nothing else can change the answer ({@link RememberedConditions}).
 *
 * <p>The shortcut only applies to paths without percent-encoding or path parameters ({@code ;}), where the raw path
 * and the decoded one Spring matches against are the same text; any other path gets the full check for every
 * mapping, exactly as before. Which mapping wins, and the 404/405/415 answers when none does, are Spring's own.
 */
public class LiteralPrefixHandlerMapping extends RequestMappingHandlerMapping {

    /** The mappings admitted for the request being resolved on this thread (set only around the search). */
    private static final ThreadLocal<RequestMappingInfo[]> ADMITTED = new ThreadLocal<>();
    private static final Shape[] ANY = {new Shape("", "", -1)};

    private final Map<RequestMappingInfo, Shape[]> shapes = new ConcurrentHashMap<>();
    /** Counts registrations, so an index built before the last one is built again. */
    private final AtomicInteger registrations = new AtomicInteger();
    private volatile Index index;
    /**
     * Patterns without variables or wildcards: Spring finds their mappings by the path itself and searches all
     * mappings only when none of those fits (a wrong method, say), so such a path is not worth an index lookup.
     */
    private final Set<String> directPaths = ConcurrentHashMap.newKeySet();
    /** Each mapping's patterns without variables or wildcards, as Spring looks them up by the path itself. */
    private final Map<RequestMappingInfo, List<String>> literalPaths = new ConcurrentHashMap<>();
    /** The mappings whose match can be remembered (see {@link RememberedConditions}), with what was remembered. */
    private final Map<RequestMappingInfo, RememberedConditions> remembered = new ConcurrentHashMap<>();

    /**
     * What a path must look like to match a pattern: start with {@code prefix}, end with {@code suffix} and, unless
     * {@code separators} is -1 (the pattern has wildcards), hold exactly that many {@code /}.
     */
    record Shape(String prefix, String suffix, int separators) {

        boolean admits(String path) {
            return hasEnds(path) && (separators < 0 || separators == separatorsOf(path));
        }

        boolean hasEnds(String path) {
            return path.length() >= prefix.length() + suffix.length() && path.startsWith(prefix)
                    && path.endsWith(suffix);
        }

        static int separatorsOf(String path) {
            int count = 0;
            for (int i = 0; i < path.length(); i++) {
                if (path.charAt(i) == '/') {
                    count++;
                }
            }
            return count;
        }
    }

    /**
     * Spring orders the actuator's handler mapping (-100) and the one for functional routes (-1) before this one, so
     * every API request went through both first: each records the API version in a request attribute, and the
     * actuator's also searched its own mappings and cleared the cached lookup path, about 2% of a ping. None of the
     * patterns here can match a path of theirs (no pattern starts with a wildcard, a variable or /actuator, which
     * CrossCuttingIT checks), so asking this mapping first changes no answer; they still get every request it leaves.
     */
    static final int ORDER = -200;

    @Override
    public void afterPropertiesSet() {
        // Spring's configuration sets order 0 on this bean before it is initialised.
        setOrder(ORDER);
        super.afterPropertiesSet();
    }

    @Override
    protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
        super.registerHandlerMethod(handler, method, mapping);
        remember(mapping);
    }

    private void remember(RequestMappingInfo mapping) {
        shapes.put(mapping, shapesOf(mapping));
        if (mapping.getPathPatternsCondition() != null) {
            List<String> literal = mapping.getPathPatternsCondition().getPatterns().stream()
                    .filter(p -> !p.hasPatternSyntax()).map(PathPattern::getPatternString).toList();
            directPaths.addAll(literal);
            literalPaths.put(mapping, literal);
        }
        if (RememberedConditions.applyTo(mapping) && negotiatesByAcceptHeaderOnly()) {
            remembered.put(mapping, new RememberedConditions());
        } else {
            remembered.remove(mapping);
        }
        registrations.incrementAndGet();
    }

    /** Whether a mapping's produces condition depends on nothing but the request's Accept header. */
    private boolean negotiatesByAcceptHeaderOnly() {
        return getContentNegotiationManager().getStrategies().stream()
                .allMatch(s -> s.getClass() == HeaderContentNegotiationStrategy.class);
    }

    @Override
    public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
        super.registerMapping(mapping, handler, method);
        remember(mapping);
    }

    @Override
    public void unregisterMapping(RequestMappingInfo mapping) {
        super.unregisterMapping(mapping);
        shapes.remove(mapping);
        literalPaths.remove(mapping);
        remembered.remove(mapping);
        registrations.incrementAndGet();
    }

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        boolean plain = lookupPath.indexOf('%') < 0 && lookupPath.indexOf(';') < 0;
        RequestMappingInfo[] outer = ADMITTED.get(); // a lookup within a lookup (an introspector) keeps the outer one
        if (plain && directPaths.contains(lookupPath)) {
            // Spring looks at the mappings with this literal path first and stops there when one of them matches
            Index current = index();
            HandlerMethod only = onlyMatch(current.direct().getOrDefault(lookupPath, Index.NO_MAPPINGS), current,
                    lookupPath, request);
            if (only != null) {
                return only;
            }
            ADMITTED.remove();
        } else if (plain) {
            Index current = index();
            RequestMappingInfo[] admitted = current.admitting(lookupPath);
            HandlerMethod only = onlyMatch(admitted, current, lookupPath, request);
            if (only != null) {
                return only;
            }
            ADMITTED.set(admitted);
        } else {
            ADMITTED.remove();
        }
        try {
            return super.lookupHandlerMethod(lookupPath, request);
        } finally {
            if (outer == null) {
                ADMITTED.remove();
            } else {
                ADMITTED.set(outer);
            }
        }
    }

    /**
     * The handler when exactly one of the admitted mappings matches the request, handled as Spring handles a sole
     * match; null when none or several do, or for a CORS pre-flight, which Spring's own search then answers. The
     * admitted mappings include every mapping that can match, so a sole match here is Spring's sole match.
     */
    private @Nullable HandlerMethod onlyMatch(RequestMappingInfo[] admitted, Index current, String lookupPath,
                                              HttpServletRequest request) {
        if (CorsUtils.isPreFlightRequest(request)) {
            return null;
        }
        RequestMappingInfo matchedMapping = null;
        RequestMappingInfo match = null;
        for (RequestMappingInfo info : admitted) {
            if (info == matchedMapping) {
                continue; // the same mapping admitted again by another of its patterns
            }
            RequestMappingInfo condition = matching(info, request);
            if (condition != null) {
                if (match != null) {
                    return null;
                }
                matchedMapping = info;
                match = condition;
            }
        }
        HandlerMethod handler = match == null ? null : current.handlers().get(matchedMapping);
        if (handler == null) {
            return null;
        }
        request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, handler);
        handleMatch(match, lookupPath, request);
        return handler;
    }

    /**
     * What Spring's {@code getMatchingMapping} gives for the mapping and request: remembered, for a mapping whose
     * answer depends only on whether its single pattern matches the path, the method and the Accept header, by
     * method and Accept header once the pattern matches. Spring works the answer out anew on every request (parsing
     * the Accept header, matching each condition and building a new mapping of the matched conditions); the
     * remembered answer is equal to it. At most {@value RememberedConditions#LIMIT} answers are kept per mapping.
     */
    private @Nullable RequestMappingInfo matching(RequestMappingInfo info, HttpServletRequest request) {
        RememberedConditions known = remembered.get(info);
        if (known == null || request.getDispatcherType() != DispatcherType.REQUEST
                || CorsUtils.isPreFlightRequest(request)) {
            return super.getMatchingMapping(info, request);
        }
        Enumeration<String> accepts = request.getHeaders(HttpHeaders.ACCEPT);
        String accept = accepts != null && accepts.hasMoreElements() ? accepts.nextElement() : null;
        if (accepts != null && accepts.hasMoreElements()) {
            return super.getMatchingMapping(info, request); // several Accept headers: not worth a key
        }
        PathPatternsRequestCondition patterns = info.getPathPatternsCondition();
        if (patterns == null || patterns.getMatchingCondition(request) == null) {
            return null;
        }
        return known.answer(new RememberedConditions.Key(request.getMethod(), accept),
                () -> super.getMatchingMapping(info, request));
    }

    /** How many matches the mappings remember in all. */
    int rememberedAnswers() {
        return remembered.values().stream().mapToInt(RememberedConditions::size).sum();
    }

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        RequestMappingInfo[] admitted = ADMITTED.get();
        if (admitted != null && !contains(admitted, info)) {
            return null;
        }
        return super.getMatchingMapping(info, request);
    }

    private static boolean contains(RequestMappingInfo[] admitted, RequestMappingInfo info) {
        for (RequestMappingInfo candidate : admitted) {
            if (candidate == info) {
                return true;
            }
        }
        return false;
    }

    private Index index() {
        int registered = registrations.get();
        Index current = index;
        if (current == null || current.registrations() != registered) {
            current = Index.of(shapes, registered).with(getHandlerMethods(), literalPaths);
            index = current;
        }
        return current;
    }

    /**
     * Every mapping's shapes, grouped by their number of separators and, within a group, by their first
     * {@value LiteralPrefixHandlerMapping#KEY_SEPARATORS} segments when those are literal
     * ({@code /api/v1/contents}), so a path is compared only with the patterns that share its beginning (and those
     * that begin with a variable); shapes with wildcards (or unknown) apart.
     *
     * @param bySeparators  by number of separators, the shapes whose literal prefix is shorter than a key
     * @param keyed         by number of separators, the other shapes by their key
     * @param registrations the number of registrations the shapes held when it was built
     */
    record Index(Entry[][] bySeparators, List<Map<String, Entry[]>> keyed, Entry[] anyCount, int registrations,
                 Map<RequestMappingInfo, HandlerMethod> handlers, Map<String, RequestMappingInfo[]> direct) {

        private static final Entry[] NONE = {};
        static final RequestMappingInfo[] NO_MAPPINGS = {};

        record Entry(Shape shape, RequestMappingInfo mapping) {
        }

        static Index of(Map<RequestMappingInfo, Shape[]> shapes, int registrations) {
            List<List<Entry>> bySeparators = new ArrayList<>();
            List<Map<String, List<Entry>>> keyed = new ArrayList<>();
            List<Entry> anyCount = new ArrayList<>();
            shapes.forEach((mapping, mappingShapes) -> {
                for (Shape shape : mappingShapes) {
                    if (shape.separators() < 0) {
                        anyCount.add(new Entry(shape, mapping));
                        continue;
                    }
                    while (bySeparators.size() <= shape.separators()) {
                        bySeparators.add(new ArrayList<>());
                        keyed.add(new HashMap<>());
                    }
                    String key = keyOf(shape.prefix());
                    List<Entry> group = key == null ? bySeparators.get(shape.separators())
                            : keyed.get(shape.separators()).computeIfAbsent(key, k -> new ArrayList<>());
                    group.add(new Entry(shape, mapping));
                }
            });
            List<Map<String, Entry[]>> keyedArrays = new ArrayList<>();
            for (Map<String, List<Entry>> group : keyed) {
                Map<String, Entry[]> arrays = new HashMap<>();
                group.forEach((key, entries) -> arrays.put(key, entries.toArray(Entry[]::new)));
                keyedArrays.add(arrays);
            }
            return new Index(bySeparators.stream().map(l -> l.toArray(Entry[]::new)).toArray(Entry[][]::new),
                    keyedArrays, anyCount.toArray(Entry[]::new), registrations, Map.of(), Map.of());
        }

        /** The same index, knowing each mapping's handler and the mappings of each literal path. */
        Index with(Map<RequestMappingInfo, HandlerMethod> handlers, Map<RequestMappingInfo, List<String>> literalPaths) {
            Map<String, List<RequestMappingInfo>> byPath = new HashMap<>();
            literalPaths.forEach((mapping, paths) -> paths.forEach(
                    path -> byPath.computeIfAbsent(path, p -> new ArrayList<>()).add(mapping)));
            Map<String, RequestMappingInfo[]> direct = new HashMap<>();
            byPath.forEach((path, mappings) -> direct.put(path, mappings.toArray(RequestMappingInfo[]::new)));
            return new Index(bySeparators, keyed, anyCount, registrations, new IdentityHashMap<>(handlers), direct);
        }

        /** The mappings with a shape admitting {@code path} (a mapping with several patterns may repeat). */
        RequestMappingInfo[] admitting(String path) {
            int separators = Shape.separatorsOf(path);
            Entry[] sameCount = separators < bySeparators.length ? bySeparators[separators] : NONE;
            String key = separators < keyed.size() ? keyOf(path) : null;
            Entry[] sameKey = key == null ? NONE : keyed.get(separators).getOrDefault(key, NONE);
            RequestMappingInfo[] admitted = new RequestMappingInfo[sameCount.length + sameKey.length + anyCount.length];
            int n = 0;
            for (Entry entry : sameKey) {
                if (entry.shape().hasEnds(path)) {
                    admitted[n++] = entry.mapping();
                }
            }
            for (Entry entry : sameCount) {
                if (entry.shape().hasEnds(path)) {
                    admitted[n++] = entry.mapping();
                }
            }
            for (Entry entry : anyCount) {
                if (entry.shape().admits(path)) {
                    admitted[n++] = entry.mapping();
                }
            }
            return Arrays.copyOf(admitted, n);
        }
    }

    /** How many separators begin a key: {@code /api/v1/contents} of {@code /api/v1/contents/42}. */
    static final int KEY_SEPARATORS = 3;

    /**
     * The text before the {@code (KEY_SEPARATORS + 1)}th {@code /}, or null when there is none: for a pattern's
     * literal prefix, a path it admits begins with that same text.
     */
    static @Nullable String keyOf(String text) {
        int seen = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '/' && ++seen > KEY_SEPARATORS) {
                return text.substring(0, i);
            }
        }
        return null;
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
