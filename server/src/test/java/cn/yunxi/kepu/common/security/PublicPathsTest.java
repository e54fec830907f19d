package cn.yunxi.kepu.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The public paths matcher answers exactly as Spring Security's matchers for the same patterns, one per pattern as
 * {@code requestMatchers(String...)} builds them, on the application's patterns and on awkward ones.
 */
class PublicPathsTest {

    /** The application's public patterns, plus shapes it does not use yet. */
    private static final List<String> PATTERNS = List.of("/api/v1/auth/**", "/api/admin/v1/auth/**", "/api/v1/ping",
            "/api/v1/certificates/*", "/api/v1/training-certificates/*", "/api/v1/media/local/**",
            "/api/v1/media/oss-callback", "/api/v1/syndication/**", "/api/v1/wechat/push", "/api/v1/regions",
            "/api/v1/course-art/{name}.png", "/api/v1/files/{*rest}", "/api/v?/odd", "/api/*/any", "/static/**",
            "/exact/");

    private static final List<String> SEGMENTS = List.of("api", "v1", "v2", "admin", "auth", "login", "ping", "PING",
            "certificates", "training-certificates", "12", "media", "local", "a.png", "oss-callback", "syndication",
            "rss.xml", "wechat", "push", "regions", "course-art", "x.png", ".png", "files", "odd", "any", "static", "exact",
            "pi%6Eg", "a%2Fb", "p;x=1", "auth;jsessionid=1", "", "科普", "%E7%A7%91");

    private final RequestMatcher spring = new OrRequestMatcher(PATTERNS.stream()
            .map(p -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(p)).toList());
    private final PublicPaths publicPaths = new PublicPaths(PATTERNS);

    @Test
    void literalPartStopsBeforeTheSegmentWithTheFirstWildcardOrVariable() {
        assertThat(PublicPaths.literalPart("/api/v1/auth/**")).isEqualTo("/api/v1/auth");
        assertThat(PublicPaths.literalPart("/api/v1/certificates/*")).isEqualTo("/api/v1/certificates");
        assertThat(PublicPaths.literalPart("/api/v1/course-art/{name}.png")).isEqualTo("/api/v1/course-art");
        assertThat(PublicPaths.literalPart("/api/v?/odd")).isEqualTo("/api");
        assertThat(PublicPaths.literalPart("/**")).isEmpty();
        assertThat(PublicPaths.literalPart("/api/v1/ping")).isEqualTo("/api/v1/ping");
    }

    @Test
    void agreesWithSpringOnChosenPaths() {
        List<String> paths = List.of("/api/v1/ping", "/api/v1/ping/", "/api/v1/pin", "/api/v1/pingx", "/api/v1/PING",
                "/api/v1/pi%6Eg", "/api/v1/ping;x=1", "/api/v1/auth", "/api/v1/auth/", "/api/v1/auth/login",
                "/api/v1/authx", "/api/v1/auth;a=b/login", "/api/admin/v1/auth/login", "/api/admin/v1/users",
                "/api/v1/certificates", "/api/v1/certificates/", "/api/v1/certificates/12", "/api/v1/certificates/12/x",
                "/api/v1/course-art/x.png", "/api/v1/course-art/.png", "/api/v1/course-art/x.jpg", "/api/v1/files",
                "/api/v1/files/a/b", "/api/v2/odd", "/api/v12/odd", "/api/v1/any", "/api/anything/any", "/static",
                "/exact/", "/exact", "/", "/api/v1/feed", "/api/v1//ping", "/api/v1/regions", "/api/v1/regions/1",
                "/api/v1/media/local/a/b.png", "/api/v1/media/oss-callback", "/api/v1/wechat/push%20");
        for (String path : paths) {
            assertAgree(path);
        }
    }

    @Test
    void agreesWithSpringOnRandomPaths() {
        Random random = new Random(7);
        List<String> paths = new ArrayList<>();
        for (int n = 0; n < 30_000; n++) {
            StringBuilder path = new StringBuilder();
            int segments = random.nextInt(6);
            for (int i = 0; i < segments; i++) {
                path.append('/').append(SEGMENTS.get(random.nextInt(SEGMENTS.size())));
            }
            if (path.isEmpty() || random.nextInt(8) == 0) {
                path.append('/');
            }
            paths.add(path.toString());
        }
        // Paths that begin like the public ones are the interesting ones: most random paths match nothing.
        for (String pattern : PATTERNS) {
            String literal = PublicPaths.literalPart(pattern);
            for (int n = 0; n < 200; n++) {
                paths.add(literal + (random.nextBoolean() ? "/" : "") + SEGMENTS.get(random.nextInt(SEGMENTS.size()))
                        + (random.nextBoolean() ? "/" + SEGMENTS.get(random.nextInt(SEGMENTS.size())) : ""));
            }
        }
        long matched = paths.stream().filter(this::assertAgree).count();
        assertThat(matched).as("some random paths are public").isGreaterThan(500);
    }

    @Test
    void agreesWithSpringUnderAContextPath() {
        for (String path : List.of("/api/v1/ping", "/api/v1/auth/login", "/api/v1/feed")) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/kepu" + path);
            request.setContextPath("/kepu");
            ServletRequestPathUtils.parseAndCache(request);
            assertThat(publicPaths.matches(request)).as(path).isEqualTo(spring.matches(request));
        }
    }

    /** Asserts both answer the same, with the path parsed in advance (as in the chain) and without; returns it. */
    private boolean assertAgree(String path) {
        MockHttpServletRequest unparsed = new MockHttpServletRequest("POST", path);
        boolean expected = spring.matches(unparsed);
        assertThat(publicPaths.matches(unparsed)).as("%s, not parsed in advance", path).isEqualTo(expected);
        assertThat(ServletRequestPathUtils.hasParsedRequestPath(unparsed)).isFalse();
        MockHttpServletRequest parsed = new MockHttpServletRequest("GET", path);
        ServletRequestPathUtils.parseAndCache(parsed);
        assertThat(publicPaths.matches(parsed)).as(path).isEqualTo(spring.matches(parsed)).isEqualTo(expected);
        return expected;
    }
}
