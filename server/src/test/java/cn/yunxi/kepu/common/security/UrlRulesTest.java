package cn.yunxi.kepu.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.DefaultAuthorizationManagerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.access.intercept.RequestMatcherDelegatingAuthorizationManager;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPatternParser;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@link UrlRules} built from {@link SecurityConfig#urlRules} decides every request exactly as Spring's request-matcher
 * delegation did with the rules the security configuration declared through Spring's DSL before (rebuilt here from
 * Spring's own path-pattern request matchers, in the same order): for every documented operation's path and many
 * random ones, every method, inside and outside a context path, parsed beforehand or not, and for anonymous callers,
 * residents, staff and no authentication at all.
 */
class UrlRulesTest {

    private static final List<String> OPEN = List.of("/api/v1/auth/**", "/api/admin/v1/auth/**", "/api/v1/ping",
            "/api/v1/training-certificates/*", "/api/v1/media/local/**", "/api/v1/media/oss-callback",
            "/api/v1/syndication/**", "/api/v1/certificates/*", "/api/v1/wechat/push", "/api/v1/course-art/*",
            "/api/v1/regions", "/api/v1/things/{id}/open");
    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
            "TRACE", "PROPFIND");
    private static final String[] SEGMENTS = {"api", "v1", "admin", "auth", "ping", "actuator", "health", "info",
            "prometheus", "v3", "api-docs", "swagger-ui", "swagger-ui.html", "error", "media", "local", "regions",
            "certificates", "course-art", "x.png", "42", "", "a;b=c", "%2F", "..", ".", "科普", "API", "V1"};

    private final PathPatternParser parser = new PathPatternParser();
    private final DefaultAuthorizationManagerFactory<RequestAuthorizationContext> decisions =
            new DefaultAuthorizationManagerFactory<>();
    private final UrlRules ours = new UrlRules(SecurityConfig.urlRules(OPEN, decisions), parser);
    private final AuthorizationManager<jakarta.servlet.http.HttpServletRequest> springs = springsRules();

    /** What {@code authorizeHttpRequests} built from the rules as they were declared with Spring's DSL. */
    private RequestMatcherDelegatingAuthorizationManager springsRules() {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withPathPatternParser(parser);
        RequestMatcherDelegatingAuthorizationManager.Builder rules = RequestMatcherDelegatingAuthorizationManager.builder();
        OPEN.forEach(p -> rules.add(paths.matcher(p), decisions.permitAll()));
        rules.add(paths.matcher(HttpMethod.OPTIONS, "/**"), decisions.permitAll());
        rules.add(paths.matcher("/api/v1/**"), decisions.hasAuthority("RESIDENT"));
        rules.add(paths.matcher("/api/admin/v1/**"), decisions.hasAuthority("STAFF"));
        for (String p : List.of("/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/v3/api-docs/**",
                "/swagger-ui/**", "/swagger-ui.html", "/error")) {
            rules.add(paths.matcher(p), decisions.permitAll());
        }
        rules.add(paths.matcher("/api/**"), decisions.denyAll());
        rules.add(paths.matcher("/actuator/**"), decisions.denyAll());
        rules.add(AnyRequestMatcher.INSTANCE, decisions.permitAll());
        return rules.build();
    }

    private static final List<Supplier<Authentication>> CALLERS = List.of(
            () -> null,
            () -> new AnonymousAuthenticationToken("key", "anonymousUser",
                    AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")),
            () -> new TestingAuthenticationToken("resident", null, "RESIDENT"),
            () -> new TestingAuthenticationToken("staff", null, "STAFF"),
            () -> new TestingAuthenticationToken("both", null, "RESIDENT", "STAFF"),
            () -> new TestingAuthenticationToken("other", null, "ROLE_RESIDENT"));

    @Test
    void decidesEveryDocumentedOperationAsSpringDid() throws IOException {
        List<String> paths = new ArrayList<>();
        JsonMapper.builder().build().readTree(Files.readString(Path.of("api/openapi.json"))).path("paths")
                .propertyNames().forEach(p -> {
                    paths.add(p);
                    paths.add(p.replaceAll("\\{[^}]+}", "7"));
                    paths.add(p.replaceAll("\\{[^}]+}", "7") + "/");
                });
        assertThat(paths).hasSizeGreaterThan(200);
        compareAll(paths);
    }

    @Test
    void decidesRandomPathsAsSpringDid() {
        Random random = new Random(7);
        List<String> paths = new ArrayList<>(List.of("/", "/api", "/api/", "/api/v1", "/api/v1/", "/actuator",
                "/error", "/error/", "/api/v1/ping/", "/api/v1/ping/x", "/api/v1/regions/1", "/api/v1/course-art/",
                "/api/v1/course-art/a/b", "/swagger-ui.html/x", "//api/v1/me", "/api//v1/me", "/api/v1/auth"));
        for (int n = 0; n < 4_000; n++) {
            StringBuilder path = new StringBuilder();
            int depth = 1 + random.nextInt(5);
            for (int i = 0; i < depth; i++) {
                path.append('/');
                // mostly the real prefixes, so the deeper rules are reached
                path.append(i < 2 && random.nextBoolean() ? (i == 0 ? "api" : "v1")
                        : SEGMENTS[random.nextInt(SEGMENTS.length)]);
            }
            if (random.nextInt(8) == 0) {
                path.append('/');
            }
            paths.add(path.toString());
        }
        compareAll(paths);
    }

    private void compareAll(List<String> paths) {
        int compared = 0;
        for (String path : paths) {
            for (String method : METHODS) {
                for (String contextPath : Arrays.asList("", "/ctx")) {
                    for (boolean parsed : new boolean[] {false, true}) {
                        for (Supplier<Authentication> caller : CALLERS) {
                            MockHttpServletRequest request = new MockHttpServletRequest(method, contextPath + path);
                            request.setContextPath(contextPath);
                            if (parsed) {
                                ServletRequestPathUtils.parseAndCache(request);
                            }
                            AuthorizationResult expected = springs.authorize(caller, request);
                            AuthorizationResult actual = ours.authorize(caller,
                                    new RequestAuthorizationContext(request));
                            assertThat(actual).as("%s %s%s", method, contextPath, path).isNotNull();
                            assertThat(actual.isGranted()).as("%s %s%s by %s", method, contextPath, path, caller.get())
                                    .isEqualTo(expected.isGranted());
                            // the parsed path is left as it was found
                            assertThat(ServletRequestPathUtils.hasParsedRequestPath(request)).isEqualTo(parsed);
                            compared++;
                        }
                    }
                }
            }
        }
        assertThat(compared).isEqualTo(paths.size() * METHODS.size() * 2 * 2 * CALLERS.size());
    }
}
