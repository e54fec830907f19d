package cn.yunxi.kepu.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.http.server.PathContainer;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.context.support.StaticWebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

class LiteralPrefixHandlerMappingTest {

    private static final List<String> PATTERNS = List.of("/api/v1/attempts/{id}", "/api/v1/attempts/{id}/submit",
            "/api/v1/attempts/{id}/answers", "/api/v1/quizzes/{id}/leaderboard", "/api/v1/quizzes/{id}/leaderboard/regions",
            "/api/v1/files/x{name}.jpg", "/swagger-ui/**", "/api/v1/a?c", "/api/v1/ping", "/api/v1/items/{id:\\d+}",
            "/api/v1/codes/{code:[a-z]{2}}/x", "/files/{*rest}", "/api/v1/*/list", "/api/v1/reports/*.json",
            "/api/v1/{kind}/{id}/tags/{tag}", "/api/v1/contents", "/api/v1/contents/{id}");

    @Test
    void aPatternsLiteralPrefixEndsAtItsFirstVariableOrWildcard() {
        assertThat(LiteralPrefixHandlerMapping.literalPrefix("/api/v1/attempts/{id}/submit")).isEqualTo("/api/v1/attempts/");
        assertThat(LiteralPrefixHandlerMapping.literalPrefix("/api/v1/files/x{name}.jpg")).isEqualTo("/api/v1/files/x");
        assertThat(LiteralPrefixHandlerMapping.literalPrefix("/swagger-ui/**")).isEqualTo("/swagger-ui/");
        assertThat(LiteralPrefixHandlerMapping.literalPrefix("/api/v1/a?c")).isEqualTo("/api/v1/a");
        assertThat(LiteralPrefixHandlerMapping.literalPrefix("/api/v1/ping")).isEqualTo("/api/v1/ping");
        assertThat(LiteralPrefixHandlerMapping.literalPrefix("")).isEmpty();
    }

    @Test
    void aPatternsShapeHasItsLiteralEndAndSeparatorsOutsideVariables() {
        assertThat(LiteralPrefixHandlerMapping.shapeOf("/api/v1/attempts/{id}/submit"))
                .isEqualTo(new LiteralPrefixHandlerMapping.Shape("/api/v1/attempts/", "/submit", 5));
        assertThat(LiteralPrefixHandlerMapping.shapeOf("/api/v1/files/x{name}.jpg").suffix()).isEqualTo(".jpg");
        assertThat(LiteralPrefixHandlerMapping.shapeOf("/api/v1/ping"))
                .isEqualTo(new LiteralPrefixHandlerMapping.Shape("/api/v1/ping", "", 3));
        assertThat(LiteralPrefixHandlerMapping.separators("/a/{p:[a-z/]+}/b")).isEqualTo(3);
        assertThat(LiteralPrefixHandlerMapping.separators("/swagger-ui/**")).isEqualTo(-1);
        assertThat(LiteralPrefixHandlerMapping.separators("/files/{*rest}")).isEqualTo(-1);
        assertThat(LiteralPrefixHandlerMapping.keyOf("/api/v1/contents/42")).isEqualTo("/api/v1/contents");
        assertThat(LiteralPrefixHandlerMapping.keyOf("/api/v1/contents/")).isEqualTo("/api/v1/contents");
        assertThat(LiteralPrefixHandlerMapping.keyOf("/api/v1/contents")).isNull();
        assertThat(LiteralPrefixHandlerMapping.keyOf("/api/v1/")).isNull();
    }

    @Test
    void everyPatternOfAMappingGivesAShape() {
        RequestMappingInfo.BuilderConfiguration config = new RequestMappingInfo.BuilderConfiguration();
        config.setPatternParser(new PathPatternParser());
        RequestMappingInfo info = RequestMappingInfo.paths("/api/v1/quizzes/{id}", "/api/v1/contests/{id}")
                .options(config).build();

        assertThat(LiteralPrefixHandlerMapping.shapesOf(info)).extracting(LiteralPrefixHandlerMapping.Shape::prefix)
                .containsExactlyInAnyOrder("/api/v1/quizzes/", "/api/v1/contests/");
    }

    /** The pre-filter may only skip what cannot match: every path a pattern matches, its shape admits. */
    @Test
    void theShapeAdmitsEveryPathThePatternMatchesAndTellsSiblingsApart() {
        PathPatternParser parser = new PathPatternParser();
        Random random = new Random(7);
        int matched = 0;
        int skipped = 0;
        for (String text : PATTERNS) {
            PathPattern pattern = parser.parse(text);
            LiteralPrefixHandlerMapping.Shape shape = LiteralPrefixHandlerMapping.shapeOf(text);
            for (String path : candidatePaths(random)) {
                boolean matches = pattern.matches(PathContainer.parsePath(path));
                if (matches) {
                    matched++;
                    assertThat(shape.admits(path)).as(text + " matches " + path).isTrue();
                } else if (!shape.admits(path)) {
                    skipped++;
                }
            }
        }
        assertThat(matched).isGreaterThan(PATTERNS.size());
        assertThat(skipped).isGreaterThan(matched);
        LiteralPrefixHandlerMapping.Shape submit = LiteralPrefixHandlerMapping.shapeOf("/api/v1/attempts/{id}/submit");
        assertThat(submit.admits("/api/v1/attempts/42/submit")).isTrue();
        assertThat(submit.admits("/api/v1/attempts/42/answers")).isFalse();
        assertThat(LiteralPrefixHandlerMapping.shapeOf("/api/v1/attempts/{id}").admits("/api/v1/attempts/42/submit")).isFalse();
    }

    /**
     * The index grouped by separators admits, for every path, exactly the mappings whose shapes admit it one by one:
     * the mappings the whole search then considers are the same as without the index.
     */
    @Test
    void theIndexAdmitsExactlyTheMappingsWhoseShapesAdmitThePath() {
        RequestMappingInfo.BuilderConfiguration config = new RequestMappingInfo.BuilderConfiguration();
        config.setPatternParser(new PathPatternParser());
        Map<RequestMappingInfo, LiteralPrefixHandlerMapping.Shape[]> shapes = new LinkedHashMap<>();
        for (String text : PATTERNS) {
            RequestMappingInfo info = RequestMappingInfo.paths(text).options(config).build();
            shapes.put(info, LiteralPrefixHandlerMapping.shapesOf(info));
        }
        RequestMappingInfo twoPatterns = RequestMappingInfo.paths("/api/v1/quizzes/{id}", "/api/v1/contests/{id}/x")
                .options(config).build();
        shapes.put(twoPatterns, LiteralPrefixHandlerMapping.shapesOf(twoPatterns));
        LiteralPrefixHandlerMapping.Index index = LiteralPrefixHandlerMapping.Index.of(shapes, 0);

        int admittedSomewhere = 0;
        for (String path : candidatePaths(new Random(11))) {
            Set<RequestMappingInfo> expected = new HashSet<>();
            shapes.forEach((info, infoShapes) -> {
                for (LiteralPrefixHandlerMapping.Shape shape : infoShapes) {
                    if (shape.admits(path)) {
                        expected.add(info);
                    }
                }
            });
            Set<RequestMappingInfo> admitted = new HashSet<>(List.of(index.admitting(path)));
            assertThat(admitted).as(path).isEqualTo(expected);
            admittedSomewhere += expected.isEmpty() ? 0 : 1;
        }
        assertThat(admittedSomewhere).isGreaterThan(PATTERNS.size());
        assertThat(index.admitting("/api/v1/contests/9/x")).containsExactly(twoPatterns);
    }

    /** Handlers for the lookup comparison: one instance per mapping, so that the mapping found can be told. */
    @SuppressWarnings("unused")
    public static class Sample {
        public void handle() {
        }
    }

    /**
     * A whole lookup (handler, or the 404/405/406/415 exception, and every request attribute it sets) through this
     * mapping is what Spring's own mapping gives, with the same mappings (patterns sharing paths with different
     * methods, produces, consumes and params conditions) for random paths, methods, Accept and Content-Type headers
     * and CORS pre-flights.
     */
    @Test
    void aLookupFindsWhatSpringsOneByOneLookupFinds() throws Exception {
        RequestMappingHandlerMapping spring = new RequestMappingHandlerMapping();
        LiteralPrefixHandlerMapping ours = new LiteralPrefixHandlerMapping();
        List<Object> beans = new ArrayList<>();
        for (RequestMappingHandlerMapping mapping : List.of(spring, ours)) {
            StaticWebApplicationContext context = new StaticWebApplicationContext();
            context.refresh();
            mapping.setApplicationContext(context);
            mapping.afterPropertiesSet();
        }
        java.lang.reflect.Method handle = Sample.class.getMethod("handle");
        List<java.util.function.Function<RequestMappingInfo.BuilderConfiguration, RequestMappingInfo>> infos = new ArrayList<>();
        for (String text : PATTERNS) {
            infos.add(c -> RequestMappingInfo.paths(text).methods(RequestMethod.GET).options(c).build());
            infos.add(c -> RequestMappingInfo.paths(text).methods(RequestMethod.POST).consumes("application/json").options(c).build());
        }
        infos.add(c -> RequestMappingInfo.paths("/api/v1/attempts/{id}").methods(RequestMethod.PUT).produces("application/json").options(c).build());
        infos.add(c -> RequestMappingInfo.paths("/api/v1/attempts/{id}").methods(RequestMethod.GET).params("full").options(c).build());
        infos.add(c -> RequestMappingInfo.paths("/api/v1/quizzes/{id}/leaderboard").methods(RequestMethod.GET).produces("text/plain").options(c).build());
        infos.add(c -> RequestMappingInfo.paths("/api/v1/{kind}/{id}").options(c).build());
        infos.add(c -> RequestMappingInfo.paths("/api/v1/quizzes/{id}", "/api/v1/contests/{id}/x").methods(RequestMethod.DELETE).options(c).build());
        infos.add(c -> RequestMappingInfo.paths("/api/v1/contents").methods(RequestMethod.GET).produces("application/json").options(c).build());
        infos.add(c -> RequestMappingInfo.paths("/api/v1/contents").methods(RequestMethod.POST).produces("application/json").options(c).build());
        infos.add(c -> RequestMappingInfo.paths("/api/v1/contents/{id}").methods(RequestMethod.GET).produces("application/json").options(c).build());
        infos.add(c -> RequestMappingInfo.paths("/api/v1/contents/{id}").methods(RequestMethod.GET).produces("text/plain").options(c).build());
        infos.add(c -> RequestMappingInfo.paths("/api/v1/contents/{id}/interaction").methods(RequestMethod.GET).options(c).build());
        infos.add(c -> RequestMappingInfo.paths("/api/v1/ping").methods(RequestMethod.GET).params("x").options(c).build());
        for (var info : infos) {
            Object bean = new Sample();
            beans.add(bean);
            spring.registerMapping(info.apply(spring.getBuilderConfiguration()), bean, handle);
            ours.registerMapping(info.apply(ours.getBuilderConfiguration()), bean, handle);
        }

        Random random = new Random(13);
        String[] methods = {"GET", "GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH"};
        String[] accepts = {null, "application/json", "text/plain", "*/*", "application/xml",
                "application/json;q=0.5, text/plain", "text/*", "application/*+json", "not a media type", "",
                "application/json|text/plain"};
        String[] contentTypes = {null, "application/json", "text/plain"};
        int found = 0;
        int refused = 0;
        for (String path : candidatePaths(random)) {
            String method = methods[random.nextInt(methods.length)];
            String accept = accepts[random.nextInt(accepts.length)];
            String contentType = contentTypes[random.nextInt(contentTypes.length)];
            boolean preflight = random.nextInt(10) == 0;
            boolean param = random.nextInt(4) == 0;
            String expected = lookup(spring, beans, path, method, accept, contentType, preflight, param);
            String actual = lookup(ours, beans, path, method, accept, contentType, preflight, param);
            // the second time a mapping may answer from what it remembered of the first
            assertThat(lookup(ours, beans, path, method, accept, contentType, preflight, param)).isEqualTo(actual);
            assertThat(actual).as(method + " " + path + " Accept " + accept + " Content-Type " + contentType
                    + (preflight ? " pre-flight" : "") + (param ? " ?full" : "")).isEqualTo(expected);
            found += expected.startsWith("handler") ? 1 : 0;
            refused += expected.startsWith("org.") ? 1 : 0;
        }
        assertThat(found).isGreaterThan(PATTERNS.size() * 4);
        assertThat(ours.rememberedAnswers()).isGreaterThan(20);
        assertThat(refused).isGreaterThan(PATTERNS.size());
    }

    /** Only a mapping with one pattern and no condition but method and produces has its matches remembered. */
    @Test
    void onlyMatchesDecidedByMethodAcceptAndOnePatternAreRemembered() {
        assertThat(RememberedConditions.applyTo(RequestMappingInfo.paths("/api/v1/contents/{id}")
                .methods(RequestMethod.GET).produces("application/json").build())).isTrue();
        assertThat(RememberedConditions.applyTo(RequestMappingInfo.paths("/api/v1/contents").build())).isTrue();
        assertThat(RememberedConditions.applyTo(RequestMappingInfo.paths("/a", "/b").build())).isFalse();
        assertThat(RememberedConditions.applyTo(RequestMappingInfo.paths("/a").params("full").build())).isFalse();
        assertThat(RememberedConditions.applyTo(RequestMappingInfo.paths("/a").headers("X-A=1").build())).isFalse();
        assertThat(RememberedConditions.applyTo(RequestMappingInfo.paths("/a").consumes("application/json").build()))
                .isFalse();
        assertThat(RememberedConditions.applyTo(RequestMappingInfo.paths("/a").customCondition(
                new org.springframework.web.servlet.mvc.condition.ParamsRequestCondition("x")).build())).isFalse();
    }

    /** The lookup's outcome and the request attributes it left, with handlers named by their mapping's number. */
    private static String lookup(RequestMappingHandlerMapping mapping, List<Object> beans, String path, String method,
                                 String accept, String contentType, boolean preflight, boolean param) {
        MockHttpServletRequest request = new MockHttpServletRequest(preflight ? "OPTIONS" : method, path);
        if (accept != null) {
            for (String value : accept.split("\\|")) {
                request.addHeader("Accept", value); // several Accept headers where separated by |
            }
        }
        if (contentType != null) {
            request.setContentType(contentType);
        }
        if (param) {
            request.setParameter("full", "1");
        }
        if (preflight) {
            request.addHeader("Origin", "https://example.com");
            request.addHeader("Access-Control-Request-Method", method);
        }
        ServletRequestPathUtils.parseAndCache(request);
        String outcome;
        try {
            HandlerExecutionChain chain = mapping.getHandler(request);
            outcome = chain == null ? "none" : name(chain.getHandler(), beans);
        } catch (Exception e) {
            outcome = e.getClass().getName() + ": " + e.getMessage();
        }
        Map<String, String> attributes = new java.util.TreeMap<>();
        for (String name : java.util.Collections.list(request.getAttributeNames())) {
            attributes.put(name, name(request.getAttribute(name), beans));
        }
        return outcome + " " + attributes;
    }

    private static String name(Object value, List<Object> beans) {
        if (value instanceof HandlerMethod handler) {
            return "handler " + beans.indexOf(handler.getBean());
        }
        String text = value instanceof org.springframework.http.server.RequestPath ? "path " + value
                : String.valueOf(value);
        // objects without their own toString (a pre-flight handler made per request) by their class
        return text.matches(".*@[0-9a-f]+") ? value.getClass().getName() : text;
    }

    /** Paths built from the patterns with random values, plus random mixes of their pieces. */
    private static List<String> candidatePaths(Random random) {
        String[] values = {"42", "x", "ab", "a.json", "7.jpg", "xname.jpg", "", "a/b", "submit", "abc", "a-c", "list",
                "leaderboard", "regions", "tags", "%E4", "v1"};
        List<String> paths = new ArrayList<>();
        for (String text : PATTERNS) {
            for (int i = 0; i < 40; i++) {
                StringBuilder path = new StringBuilder();
                int depth = 0;
                for (int c = 0; c < text.length(); c++) {
                    char ch = text.charAt(c);
                    if (ch == '{' && depth++ == 0) {
                        path.append(values[random.nextInt(values.length)]);
                    } else if (ch == '}') {
                        depth--;
                    } else if (depth == 0 && (ch == '*' || ch == '?')) {
                        path.append(ch == '?' ? "b" : values[random.nextInt(values.length)]);
                    } else if (depth == 0) {
                        path.append(ch);
                    }
                }
                paths.add(path.toString());
            }
        }
        for (int i = 0; i < 400; i++) {
            StringBuilder path = new StringBuilder();
            int segments = 1 + random.nextInt(6);
            for (int s = 0; s < segments; s++) {
                path.append('/').append(s < 2 ? (s == 0 ? "api" : "v1") : values[random.nextInt(values.length)]);
            }
            paths.add(path.toString());
        }
        return paths;
    }
}
