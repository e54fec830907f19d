package cn.yunxi.kepu.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.servlet.HandlerMapping;

import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;

/**
 * {@link HttpServerRequestsFilter} records exactly the meters Spring's observation filter recorded through
 * Micrometer's observation handler: the same requests run through both, and the timers (name, every tag, count) and
 * the active-request timers seen while each request runs must be the same.
 */
class HttpServerRequestsFilterTest {

    /** What the application does with a request, as far as the measurement can tell. */
    private interface Handling {
        void handle(MockHttpServletRequest request, MockHttpServletResponse response) throws IOException,
                ServletException;
    }

    private record Scenario(String name, String method, Handling handling) {
    }

    private static final List<Scenario> SCENARIOS = List.of(
            new Scenario("200 on a mapped path", "GET", (rq, rs) -> pattern(rq, "/api/v1/ping")),
            new Scenario("201 with variables", "POST", (rq, rs) -> {
                pattern(rq, "/api/v1/events/{id}/signups");
                rs.setStatus(201);
            }),
            new Scenario("the root mapping", "GET", (rq, rs) -> pattern(rq, "")),
            new Scenario("404 without a mapping", "GET", (rq, rs) -> rs.setStatus(404)),
            new Scenario("404 from a mapped handler", "GET", (rq, rs) -> {
                pattern(rq, "/api/v1/contents/{id}");
                rs.setStatus(404);
            }),
            new Scenario("302 without a mapping", "GET", (rq, rs) -> rs.setStatus(302)),
            new Scenario("401 from security", "GET", (rq, rs) -> rs.setStatus(401)),
            new Scenario("403", "DELETE", (rq, rs) -> rs.setStatus(403)),
            new Scenario("405", "PATCH", (rq, rs) -> {
                rs.setStatus(405);
            }),
            new Scenario("an unknown method", "BREW", (rq, rs) -> rs.setStatus(400)),
            new Scenario("an odd status", "GET", (rq, rs) -> rs.setStatus(599)),
            new Scenario("a status Spring does not know", "GET", (rq, rs) -> rs.setStatus(1000)),
            new Scenario("500 handled, exception exposed", "GET", (rq, rs) -> {
                pattern(rq, "/api/v1/quizzes/{id}");
                rs.setStatus(500);
                rq.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("handled"));
            }),
            new Scenario("503 handled quietly", "GET", (rq, rs) -> {
                pattern(rq, "/api/v1/contents");
                rs.setStatus(503);
            }),
            new Scenario("a runtime exception escaping", "POST", (rq, rs) -> {
                pattern(rq, "/api/v1/attempts/{id}/submit");
                throw new IllegalArgumentException("escaped");
            }),
            new Scenario("a servlet exception with a cause", "GET", (rq, rs) -> {
                throw new ServletException("wrapped", new UnsupportedOperationException("cause"));
            }),
            new Scenario("a servlet exception without a cause", "GET", (rq, rs) -> {
                throw new ServletException("bare");
            }),
            new Scenario("an I/O exception", "GET", (rq, rs) -> {
                throw new IOException("client gone");
            }),
            new Scenario("an anonymous exception class", "GET", (rq, rs) -> {
                throw new RuntimeException("anonymous") {
                };
            }));

    @Test
    void recordsTheMetersTheObservationFilterRecorded() {
        for (Scenario scenario : SCENARIOS) {
            SimpleMeterRegistry observed = new SimpleMeterRegistry();
            ObservationRegistry observations = ObservationRegistry.create();
            observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(observed));
            SimpleMeterRegistry direct = new SimpleMeterRegistry();

            Recorded before = run(new ServerHttpObservationFilter(observations), observed, scenario);
            Recorded now = run(new HttpServerRequestsFilter(direct), direct, scenario);

            assertThat(now).as(scenario.name()).isEqualTo(before);
            assertThat(now.timers()).as(scenario.name()).hasSize(1);
            assertThat(now.activeWhileRunning()).as(scenario.name()).hasSize(1);
            assertThat(now.activeAfterwards()).as(scenario.name()).isZero();
        }
    }

    @Test
    void tagsOfAMappedSuccessAndOfAnEscapedException() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Recorded ok = run(new HttpServerRequestsFilter(registry), registry, SCENARIOS.get(0));
        assertThat(ok.timers()).containsExactly("http.server.requests{error=none, exception=none, method=GET, "
                + "outcome=SUCCESS, status=200, uri=/api/v1/ping} x1");
        assertThat(ok.activeWhileRunning()).containsExactly("http.server.requests.active{exception=none, "
                + "method=GET, outcome=SUCCESS, status=200, uri=UNKNOWN}");

        registry = new SimpleMeterRegistry();
        Recorded failed = run(new HttpServerRequestsFilter(registry), registry, SCENARIOS.get(14));
        assertThat(failed.timers()).containsExactly("http.server.requests{error=IllegalArgumentException, "
                + "exception=IllegalArgumentException, method=POST, outcome=SERVER_ERROR, status=500, "
                + "uri=/api/v1/attempts/{id}/submit} x1");
    }

    private record Recorded(List<String> timers, List<String> activeWhileRunning, int activeAfterwards) {
    }

    private static Recorded run(Filter filter, MeterRegistry registry, Scenario scenario) {
        MockHttpServletRequest request = new MockHttpServletRequest(scenario.method(), "/some/path");
        MockHttpServletResponse response = new MockHttpServletResponse();
        List<String> active = new ArrayList<>();
        FilterChain chain = (rq, rs) -> {
            registry.getMeters().stream().filter(LongTaskTimer.class::isInstance)
                    .filter(m -> ((LongTaskTimer) m).activeTasks() > 0).forEach(m -> active.add(describe(m)));
            scenario.handling().handle((MockHttpServletRequest) rq, (MockHttpServletResponse) rs);
        };
        try {
            filter.doFilter(request, response, chain);
        } catch (IOException | ServletException | RuntimeException escaped) {
            // rethrown by both filters, as the container would see it
        }
        List<String> timers = registry.getMeters().stream().filter(Timer.class::isInstance)
                .map(m -> describe(m) + " x" + ((Timer) m).count()).sorted().toList();
        int activeAfterwards = registry.getMeters().stream().filter(LongTaskTimer.class::isInstance)
                .mapToInt(m -> ((LongTaskTimer) m).activeTasks()).sum();
        return new Recorded(timers, active.stream().sorted().toList(), activeAfterwards);
    }

    private static String describe(Meter meter) {
        Map<String, String> tags = new TreeMap<>();
        for (Tag tag : meter.getId().getTags()) {
            tags.put(tag.getKey(), tag.getValue());
        }
        return meter.getId().getName() + tags;
    }

    private static void pattern(MockHttpServletRequest request, String pattern) {
        request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, pattern);
        // what the handler mapping also tells the observation, when there is one
        ServerHttpObservationFilter.findObservationContext(request).ifPresent(c -> c.setPathPattern(pattern));
    }
}
