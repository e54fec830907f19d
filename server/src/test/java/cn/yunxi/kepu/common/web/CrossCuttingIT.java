package cn.yunxi.kepu.common.web;

import static cn.yunxi.kepu.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;

import org.apache.catalina.valves.RemoteIpValve;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.http.server.PathContainer;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.ObservationFilterChainDecorator;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.context.request.async.WebAsyncTask;
import org.springframework.web.method.annotation.RequestHeaderMethodArgumentResolver;
import org.springframework.web.method.annotation.RequestParamMethodArgumentResolver;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import cn.yunxi.kepu.support.ApiClient;
import cn.yunxi.kepu.support.ApiClient.Response;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.Logins;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import tools.jackson.databind.JsonNode;

@KepuIntegrationTest
class CrossCuttingIT {

    @LocalServerPort
    int port;

    @Autowired
    FilterChainProxy securityChain;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ServletContext servletContext;

    @Autowired
    WebServerApplicationContext webServerContext;

    @Autowired
    RequestMappingHandlerAdapter handlerAdapter;

    @Autowired
    DispatcherServlet dispatcherServlet;

    @Value("${management.metrics.web.server.max-uri-tags}")
    int maxUriTags;

    /** The resolvers that stand in for Spring's (every {@link ResolverAheadOfSpring}) come before all of Spring's own. */
    @Test
    void resolversAheadOfSpringComeFirst() {
        List<String> order = handlerAdapter.getArgumentResolvers().stream().map(r -> r.getClass().getName()).toList();
        // Spring's own resolvers start with its @RequestParam one (Spring Data puts its projection resolver even before)
        int firstOfSprings = order.indexOf(RequestParamMethodArgumentResolver.class.getName());
        assertThat(order.subList(0, firstOfSprings)).as(order.toString()).contains(PlainStringArguments.Param.class.getName(),
                PlainStringArguments.Header.class.getName(), DecimalPathVariables.class.getName(),
                "cn.yunxi.kepu.quiz.AnswerSheetArgument");
    }

    /** Plain String parameters and headers are read directly: those resolvers come before Spring's (which would claim them). */
    @Test
    void plainStringArgumentsAreResolvedFirst() {
        List<Class<?>> order = handlerAdapter.getArgumentResolvers().stream().<Class<?>>map(Object::getClass).toList();
        assertThat(order.indexOf(PlainStringArguments.Param.class)).isNotNegative()
                .isLessThan(order.indexOf(RequestParamMethodArgumentResolver.class));
        assertThat(order.indexOf(PlainStringArguments.Header.class)).isNotNegative()
                .isLessThan(order.indexOf(RequestHeaderMethodArgumentResolver.class));
    }

    /**
     * Plain long path variables are parsed directly: that resolver comes before Spring's, and no controller or advice
     * has an {@code @InitBinder} method that could make Spring's data binder read such a number differently.
     */
    @Test
    void decimalPathVariablesAreResolvedFirstWithoutInitBinders() {
        List<Class<?>> order = handlerAdapter.getArgumentResolvers().stream().<Class<?>>map(Object::getClass).toList();
        assertThat(order.indexOf(DecimalPathVariables.class)).isNotNegative()
                .isLessThan(order.indexOf(org.springframework.web.servlet.mvc.method.annotation
                        .PathVariableMethodArgumentResolver.class));
        List<Class<?>> types = new java.util.ArrayList<>();
        handlerMapping.getHandlerMethods().values().forEach(h -> types.add(h.getBeanType()));
        org.springframework.web.method.ControllerAdviceBean.findAnnotatedBeans(webServerContext)
                .forEach(advice -> types.add(java.util.Objects.requireNonNull(advice.getBeanType())));
        assertThat(types).isNotEmpty().allSatisfy(type -> assertThat(
                org.springframework.core.MethodIntrospector.selectMethods(type,
                        (org.springframework.core.MethodIntrospector.MetadataLookup<Boolean>) m -> m.isAnnotationPresent(
                                org.springframework.web.bind.annotation.InitBinder.class) ? Boolean.TRUE : null))
                .isEmpty());
    }

    /**
     * Pre-rendered JSON and bodies marked to be written directly are claimed before Spring's own return value
     * handlers are asked, and written directly: the application has no response body advice that would have to see
     * those bodies.
     */
    @Test
    void directResponsesAreHandledFirstAndDirectly() {
        assertThat(handlerAdapter.getReturnValueHandlers().get(0))
                .isInstanceOfSatisfying(PreRenderedJsonReturnValueHandler.class, h -> assertThat(h.direct()).isTrue());
        assertThat(handlerAdapter.getReturnValueHandlers().get(1))
                .isInstanceOfSatisfying(DirectJsonReturnValueHandler.class, h -> assertThat(h.direct()).isTrue());
        DirectJsonReturnValueHandler direct = (DirectJsonReturnValueHandler) handlerAdapter.getReturnValueHandlers().get(1);
        List<String> claimedGets = handlerMapping.getHandlerMethods().entrySet().stream()
                .filter(e -> e.getKey().getMethodsCondition().getMethods().contains(RequestMethod.GET))
                .filter(e -> direct.supportsReturnType(e.getValue().getReturnType()))
                .map(e -> e.getValue().getShortLogMessage()).toList();
        assertThat(claimedGets).as("GET answers written directly")
                .anyMatch(m -> m.contains(".PingController#ping")).anyMatch(m -> m.contains(".QuizController#leaderboard"));
    }

    /**
     * Each mapped path is its own uri tag of http.server.requests; once an instance has served more distinct tags
     * than the limit, Micrometer stops recording the rest. There are more mapped paths than Boot's default of 100.
     */
    @Test
    void everyMappedPathCanBeMeasured() {
        long paths = handlerMapping.getHandlerMethods().keySet().stream()
                .flatMap(mapping -> mapping.getPatternValues().stream()).distinct().count();
        assertThat(paths).isGreaterThan(100);
        // plus UNKNOWN, NOT_FOUND, REDIRECTION and root
        assertThat(maxUriTags).isGreaterThan((int) paths + 4);
    }

    @Test
    void unknownPathsAndMethodsAnswerAsProblems() {
        ApiClient api = new ApiClient(port);
        String token = Logins.residentToken(api);

        assertProblem(api.get("/api/v1/no-such-thing", token), 404, "NOT_FOUND");
        assertProblem(api.delete("/api/v1/regions", null), 405, "METHOD_NOT_ALLOWED");
        assertProblem(api.get("/somewhere-else", null), 404, "NOT_FOUND");
        assertProblem(api.get("/api/unknown-api", null), 401, "UNAUTHENTICATED");
        assertProblem(api.get("/actuator/env", null), 401, "UNAUTHENTICATED");
    }

    /**
     * The API's handler mapping is asked before the actuator's and the functional routes' ones, which Spring orders
     * first; none of its patterns can match an actuator path, so those still answer their own paths.
     */
    @Test
    void apiMappingsAreAskedFirstAndLeaveTheActuatorItsPaths() {
        ApiClient api = new ApiClient(port);
        assertThat(api.get("/api/v1/ping", null).status()).isEqualTo(200); // the dispatcher initialises on first use
        assertThat(dispatcherServlet.getHandlerMappings()).isNotNull().first().isSameAs(handlerMapping);
        List<String> actuatorPaths = List.of("/actuator", "/actuator/health", "/actuator/health/liveness",
                "/actuator/info", "/actuator/prometheus", "/actuator/env");
        handlerMapping.getHandlerMethods().keySet().stream()
                .flatMap(mapping -> mapping.getPathPatternsCondition().getPatterns().stream())
                .forEach(pattern -> {
                    assertThat(pattern.getPatternString()).as("a literal first segment")
                            .matches("/[^/*?{]+(/.*)?").doesNotStartWith("/actuator");
                    assertThat(actuatorPaths).noneMatch(path -> pattern.matches(PathContainer.parsePath(path)));
                });
        assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
        assertThat(api.get("/actuator/health/liveness", null).status()).isEqualTo(200);
        assertProblem(api.get("/actuator/env", null), 401, "UNAUTHENTICATED");
    }

    /**
     * Bodies are read and written as JSON (or text, bytes, files, forms): no converter for formats the API does not
     * document, such as XML and YAML, whose libraries other dependencies bring onto the class path.
     */
    @Test
    void onlyDocumentedFormatsAreConverted() {
        assertThat(handlerAdapter.getMessageConverters())
                .hasAtLeastOneElementOfType(org.springframework.http.converter.json.JacksonJsonHttpMessageConverter.class)
                .allMatch(JsonMessageConverters::servesDocumentedFormat)
                .noneMatch(c -> c.getSupportedMediaTypes().stream().anyMatch(t -> t.getSubtype().contains("xml")
                        || t.getSubtype().contains("yaml")));
        ApiClient api = new ApiClient(port);
        ApiClient asking = api.unchecked("asks on purpose for formats the contract does not offer");
        assertThat(asking.get("/api/v1/ping", null, "Accept", "application/yaml").status()).isEqualTo(406);
        assertThat(asking.get("/api/v1/ping", null, "Accept", "application/xml").status()).isEqualTo(406);
        Response json = api.get("/api/v1/ping", null, "Accept", "application/json");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.json().path("status").asString()).isEqualTo("ok");
    }

    /** Paths Tomcat refuses before any filter runs (an encoded NUL, a broken escape) still answer as problems. */
    @Test
    void pathsTheContainerRefusesAnswerAsProblemsToo() {
        ApiClient api = new ApiClient(port);
        Response nul = api.get("/api/v1/contents/%00", null);
        assertProblem(nul, 400, "MALFORMED_REQUEST");
        assertThat(nul.contentType()).startsWith("application/problem+json");
        assertThat(nul.json().path("detail").asString()).isEqualTo("请求内容格式不正确");
        assertProblem(api.get("/api/admin/v1/plans/-1/snapshots/%00", null), 400, "MALFORMED_REQUEST");
    }

    /**
     * Handlers of paths with variables are found through {@link LiteralPrefixHandlerMapping}'s shortcut; a
     * percent-encoded path takes the full search and must end at the same handler, and the answers when no handler
     * matches (404, 405) stay Spring's.
     */
    @Test
    void pathsWithVariablesFindTheirHandlerEncodedOrNot() {
        ApiClient api = new ApiClient(port);
        String token = Logins.residentToken(api);
        assertThat(handlerMapping).isInstanceOf(LiteralPrefixHandlerMapping.class);

        assertProblem(api.get("/api/v1/quizzes/987654/leaderboard", token), 404, "QUIZ_NOT_FOUND");
        assertProblem(api.get("/api/v1/qu%69zzes/987654/leaderboard", token), 404, "QUIZ_NOT_FOUND");
        assertProblem(api.get("/api/v1/quizzes/987654/leaderboard/regions", token), 404, "QUIZ_NOT_FOUND");
        assertProblem(api.delete("/api/v1/quizzes/987654/leaderboard", token), 405, "METHOD_NOT_ALLOWED");
        assertProblem(api.get("/api/v1/quizzes/987654/no-such-board", token), 404, "NOT_FOUND");
        assertThat(api.get("/api/v1/quizzes", token).status()).isEqualTo(200);
    }

    @Test
    void everyResponseCarriesARequestIdAndEchoesASaneOne() {
        ApiClient api = new ApiClient(port);

        Response fresh = api.get("/api/v1/ping", null);
        Response echoed = api.get("/api/v1/ping", null, "X-Request-Id", "mini-program-req-0001");
        Response hostile = api.get("/api/v1/ping", null, "X-Request-Id", "bad id\twith spaces");

        assertThat(fresh.header("X-Request-Id")).hasSizeGreaterThanOrEqualTo(16);
        assertThat(echoed.header("X-Request-Id")).isEqualTo("mini-program-req-0001");
        assertThat(hostile.header("X-Request-Id")).doesNotContain(" ");
    }

    /** The security headers every kind of answer carries, as the full set of their values. */
    private static final Map<String, List<String>> STATIC_HEADERS = Map.of("X-Content-Type-Options", List.of("nosniff"),
            "X-XSS-Protection", List.of("0"), "X-Frame-Options", List.of("DENY"));
    private static final Map<String, List<String>> NOT_STORED = Map.of(
            "Cache-Control", List.of("no-cache, no-store, max-age=0, must-revalidate"), "Pragma", List.of("no-cache"),
            "Expires", List.of("0"));

    /**
     * Every kind of answer (200, 304, 400, 401, 403, 404, 405; through the valve's forwarded https too) carries the same
     * security headers; Spring's "do not store" trio is added unless the handler set its own caching (the feed) or
     * the answer is a 304, and HSTS only on a request that reached the proxy over https.
     */
    @Test
    void everyKindOfAnswerCarriesTheSameSecurityHeaders() {
        ApiClient api = new ApiClient(port);
        String token = Logins.residentToken(api);
        Response feed = api.get("/api/v1/contents?page=1&size=20", token);
        Response notModified = api.get("/api/v1/contents?page=1&size=20", token, "If-None-Match", feed.header("ETag"));
        assertThat(notModified.status()).isEqualTo(304);

        Map<String, List<String>> plain = merged(STATIC_HEADERS, NOT_STORED);
        assertThat(securityHeaders(api.get("/api/v1/ping", null))).isEqualTo(plain);
        assertThat(securityHeaders(feed)).isEqualTo(merged(STATIC_HEADERS,
                Map.of("Cache-Control", List.of("no-cache, private"))));
        assertThat(securityHeaders(notModified)).containsAllEntriesOf(STATIC_HEADERS)
                .doesNotContainKeys("Pragma", "Expires", "Strict-Transport-Security");
        assertThat(notModified.raw().headers().allValues("Cache-Control")).noneMatch(v -> v.contains("no-store"));
        for (Response refused : List.of(api.get("/api/v1/contents?page=1&size=20", null),
                api.get("/api/admin/v1/staff", token), api.get("/api/v1/no-such-thing", token),
                api.delete("/api/v1/regions", null), api.get("/actuator/env", null),
                api.postRaw("/api/v1/auth/wechat-login", null, "application/json", "{"))) {
            assertThat(refused.status()).isBetween(400, 499);
            assertThat(securityHeaders(refused)).as("%s", refused).isEqualTo(plain);
        }
        assertThat(securityHeaders(api.get("/api/v1/ping", null, "X-Forwarded-Proto", "https"))).isEqualTo(merged(plain,
                Map.of("Strict-Transport-Security", List.of("max-age=31536000 ; includeSubDomains"))));
    }

    private static Map<String, List<String>> securityHeaders(Response response) {
        Map<String, List<String>> found = new TreeMap<>();
        for (String name : List.of("X-Content-Type-Options", "X-XSS-Protection", "X-Frame-Options", "Cache-Control",
                "Pragma", "Expires", "Strict-Transport-Security")) {
            List<String> values = response.raw().headers().allValues(name);
            if (!values.isEmpty()) {
                found.put(name, values);
            }
        }
        return found;
    }

    private static Map<String, List<String>> merged(Map<String, List<String>> a, Map<String, List<String>> b) {
        Map<String, List<String>> all = new TreeMap<>(a);
        all.putAll(b);
        return all;
    }

    /**
     * Filters this stateless API has no use for are gone: session management's two (no sessions; nothing encodes
     * URLs), the one handing the security context to asynchronously processed requests (no handler returns an async
     * type), and Boot's RequestContextFilter (handlers get the request from the DispatcherServlet); Boot's encoding and
     * form-content filters are replaced by plain ones doing their work without the once-per-request attribute. Behind nginx the
     * forwarded headers are read by {@link ForwardedHeadersValve}.
     */
    @Test
    void filtersWithNothingToDoAreGone() {
        assertThat(securityChain.getFilterChains().get(0).getFilters()).extracting(f -> f.getClass().getSimpleName())
                .doesNotContain("SessionManagementFilter", "DisableEncodeUrlFilter", "WebAsyncManagerIntegrationFilter")
                .contains("SecurityContextHolderFilter", "AnonymousAuthenticationFilter");
        List<Class<?>> async = List.of(Callable.class, DeferredResult.class, WebAsyncTask.class, ResponseBodyEmitter.class,
                StreamingResponseBody.class, CompletionStage.class, Future.class);
        handlerMapping.getHandlerMethods().forEach((mapping, method) -> assertThat(async)
                .as("%s returns %s", mapping, method.getReturnType().getParameterType())
                .noneMatch(type -> type.isAssignableFrom(method.getReturnType().getParameterType())));
        assertThat(servletContext.getFilterRegistrations().values()).extracting(FilterRegistration::getClassName)
                .noneMatch(name -> name.contains("RequestContextFilter"))
                // the encoding and form-content filters' work is done by plain filters (PlainServletFiltersTest)
                .noneMatch(name -> name.contains("CharacterEncodingFilter") || name.contains("FormContentFilter"))
                .contains(PlainServletFilters.RequestEncoding.class.getName(),
                        PlainServletFilters.FormBodies.class.getName());
        assertThat(servletContext.getFilterRegistration("requestEncoding").getUrlPatternMappings()).containsExactly("/*");
        assertThat(((TomcatWebServer) webServerContext.getWebServer()).getTomcat().getEngine().getPipeline()
                .getValves()).hasAtLeastOneElementOfType(ForwardedHeadersValve.class)
                .doesNotHaveAnyElementsOfTypes(RemoteIpValve.class);
    }

    /**
     * The security chain runs without its observing decorator and without the form-login filters (logout, saved
     * requests, the servlet API wrapper); what production needs from the chain stays: security headers on every
     * answer, 401 without a token where one is required, and every request measured as http.server.requests with
     * its tags.
     */
    @Test
    void theLeanSecurityChainStillSecuresAndEveryRequestIsMeasured() {
        ApiClient api = new ApiClient(port);
        String token = Logins.residentToken(api);

        assertThat(securityChain.getFilterChains()).hasSize(1);
        assertThat(ReflectionTestUtils.getField(securityChain, "filterChainDecorator"))
                .isNotInstanceOf(ObservationFilterChainDecorator.class);
        assertThat(securityChain.getFilterChains().get(0).getFilters()).extracting(f -> f.getClass().getSimpleName())
                .contains("HeaderWriterFilter", "BearerTokenFilter", "ExceptionTranslationFilter",
                        "AuthorizationFilter")
                .doesNotContain("LogoutFilter", "RequestCacheAwareFilter", "SecurityContextHolderAwareRequestFilter",
                        // the resource-server configurer's: its bearer filter, DPoP and protected-resource metadata
                        "BearerTokenAuthenticationFilter", "AuthenticationFilter",
                        "OAuth2ProtectedResourceMetadataFilter");

        Response ping = api.get("/api/v1/ping", null);
        Response anonymous = api.get("/api/v1/contents?page=1&size=20", null);
        Response resident = api.get("/api/v1/contents?page=1&size=20", token);

        assertThat(ping.status()).isEqualTo(200);
        for (Response answer : List.of(ping, anonymous, resident)) {
            assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(answer.header("X-Request-Id")).matches("[0-9a-f]{32}");
        }
        assertThat(ping.header("Cache-Control")).contains("no-store");
        assertThat(anonymous.header("Cache-Control")).contains("no-store");
        // the feed sets its own (revalidated with its ETag); the security headers leave it alone, as before
        assertThat(resident.header("Cache-Control")).isEqualTo("no-cache, private");
        assertProblem(anonymous, 401, "UNAUTHENTICATED");
        assertThat(resident.status()).isEqualTo(200);
        // Spring's form logout (a redirect to a login page this server does not have) is gone: an unknown path
        assertProblem(api.post("/logout", null, "{}"), 404, "NOT_FOUND");

        String metrics = api.get("/actuator/prometheus", null).body();
        assertThat(metrics).containsPattern("http_server_requests_seconds_count\\{error=\"none\",exception=\"none\","
                + "method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/api/v1/ping\"\\} [1-9]");
        assertThat(metrics).containsPattern("http_server_requests_seconds_count\\{error=\"none\",exception=\"none\","
                + "method=\"GET\",outcome=\"CLIENT_ERROR\",status=\"401\",uri=\"UNKNOWN\"\\} [1-9]");
    }

    /**
     * http.server.requests is recorded by {@link HttpServerRequestsFilter}, not an observation: the same meter names
     * and tags for a mapped success, a path nothing maps, a refused login and a wrong method, and the active-request
     * timer with the tags known on arrival. (Every tag rule, exceptions included, is compared with Spring's
     * observation filter in HttpServerRequestsFilterTest.)
     */
    @Test
    void everyRequestIsMeasuredWithTheTagsSpringsObservationGave() {
        ApiClient api = new ApiClient(port);
        String token = Logins.residentToken(api);
        double pings = count("GET", "200", "SUCCESS", "/api/v1/ping");
        double unmappedBefore = unmapped();

        assertThat(api.get("/api/v1/ping", null).status()).isEqualTo(200);
        assertProblem(api.get("/api/v1/no-such-thing", token), 404, "NOT_FOUND");
        assertProblem(api.get("/api/v1/contents?page=1&size=20", null), 401, "UNAUTHENTICATED");
        assertProblem(api.delete("/api/v1/regions", null), 405, "METHOD_NOT_ALLOWED");

        assertThat(count("GET", "200", "SUCCESS", "/api/v1/ping")).isGreaterThan(pings);
        assertThat(count("GET", "401", "CLIENT_ERROR", "UNKNOWN")).isPositive();
        assertThat(count("DELETE", "405", "CLIENT_ERROR", "UNKNOWN")).isPositive();
        // an unmapped path is answered by the static-resource handler's catch-all pattern, as before
        assertThat(unmapped()).isGreaterThan(unmappedBefore);
        assertThat(meters.find("http.server.requests.active").tags("exception", "none", "method", "GET",
                "outcome", "SUCCESS", "status", "200", "uri", "UNKNOWN").longTaskTimer()).isNotNull();
        assertThat(meters.find("http.server.requests").timers()).allSatisfy(timer ->
                assertThat(timer.getId().getTags()).extracting(Tag::getKey)
                        .containsExactly("error", "exception", "method", "outcome", "status", "uri"));
    }

    private double unmapped() {
        return count("GET", "404", "CLIENT_ERROR", "/**") + count("GET", "404", "CLIENT_ERROR", "NOT_FOUND");
    }

    private double count(String method, String status, String outcome, String uri) {
        Timer timer = meters.find("http.server.requests").tags("error", "none", "exception", "none", "method", method,
                "status", status, "outcome", outcome, "uri", uri).timer();
        return timer == null ? 0 : timer.count();
    }

    @Test
    void healthMetricsAndApiDocsAreServed() {
        ApiClient api = new ApiClient(port);

        Response health = api.get("/actuator/health", null);
        Response prometheus = api.get("/actuator/prometheus", null);

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asString()).isEqualTo("UP");
        assertThat(prometheus.status()).isEqualTo(200);
        assertThat(prometheus.body()).contains("http_server_requests");
        // springdoc builds the document on its first request, which a loaded machine takes long over
        JsonNode docs = ApiClient.apiDocs(port);
        assertThat(docs.path("paths").has("/api/v1/auth/wechat-login")).isTrue();
        assertThat(docs.path("paths").has("/api/admin/v1/staff")).isTrue();
    }

    @Test
    void pageSizeIsCappedAtOneHundred() {
        ApiClient api = new ApiClient(port);
        String admin = Logins.districtAdminToken(api);

        Response page = api.get("/api/admin/v1/staff?page=1&size=1000", admin);
        Response bad = api.get("/api/admin/v1/staff?page=0", admin);
        Response notANumber = api.get("/api/admin/v1/staff?page=abc", admin);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().path("size").asInt()).isEqualTo(100);
        assertThat(page.json().path("page").asInt()).isEqualTo(1);
        assertThat(page.json().has("items")).isTrue();
        assertThat(page.json().has("total")).isTrue();
        assertProblem(bad, 400, "VALIDATION_FAILED");
        assertProblem(notANumber, 400, "VALIDATION_FAILED");
        assertThat(bad.json().path("errors").get(0).path("field").asString()).isEqualTo("page");
        assertThat(bad.json().path("errors").get(0).path("message").asString()).isEqualTo("页码从 1 开始");
        assertThat(notANumber.json().path("errors").get(0).path("message").asString()).isEqualTo("格式不正确");
    }
}
