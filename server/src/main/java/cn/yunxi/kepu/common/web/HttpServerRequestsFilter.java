package cn.yunxi.kepu.common.web;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerMapping;

import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Records every request as {@code http.server.requests} (a timer) and {@code http.server.requests.active} (a long
 * task timer) straight into the meter registry, with exactly the meters Spring's observation filter produced through
 * Micrometer's observation handler: the same names and tags ({@code error}, {@code exception}, {@code method},
 * {@code outcome}, {@code status}, {@code uri}) computed by the same rules. The observation path built a context, an
 * observation, key-value sets at start and stop, a scope and handler lookups for every request, a visible share of
 * a ping; nothing else (no tracing) consumed those observations.
 */
final class HttpServerRequestsFilter implements Filter {

    static final String NAME = "http.server.requests";
    private static final String ACTIVE = NAME + ".active";
    private static final String NONE = "none";
    private static final String UNKNOWN = "UNKNOWN";
    private static final Set<String> HTTP_METHODS =
            Stream.of(HttpMethod.values()).map(HttpMethod::name).collect(Collectors.toUnmodifiableSet());

    private final MeterRegistry registry;
    /**
     * The registry's meters, found once per combination of tags: looking one up by its id (hashing and comparing
     * six tags) was most of this filter's own cost. The combinations are as bounded as the meters themselves.
     */
    private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();
    private final Map<TimerKey, LongTaskTimer> activeTimers = new ConcurrentHashMap<>();

    /**
     * Written out rather than left to the record's generated methods, which were a visible part of each lookup; the
     * strings are nearly always the same instances (the mapped pattern, the method's constant), compared by identity
     * first.
     */
    private record TimerKey(String method, int status, String uri, String exception, String error) {

        @Override
        public boolean equals(Object other) {
            return other instanceof TimerKey key && status == key.status && same(uri, key.uri)
                    && same(method, key.method) && same(exception, key.exception) && same(error, key.error);
        }

        @Override
        public int hashCode() {
            return (31 * (31 * uri.hashCode() + status) + method.hashCode()) * 31 + exception.hashCode();
        }

        private static boolean same(String a, String b) {
            return a == b || a.equals(b);
        }
    }

    HttpServerRequestsFilter(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if (request.getDispatcherType() == DispatcherType.ASYNC) {
            chain.doFilter(request, response); // the request measured already: its listener stops the measurement
            return;
        }
        Measurement measurement = new Measurement(request, response);
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            measurement.escaped = e instanceof ServletException && e.getCause() != null ? e.getCause() : e;
            response.setStatus(HttpStatus.INTERNAL_SERVER_ERROR.value());
            throw e;
        } finally {
            if (request.isAsyncStarted() && request.getDispatcherType() == DispatcherType.REQUEST) {
                request.getAsyncContext().addListener(measurement);
            } else {
                measurement.stop();
            }
        }
    }

    /** One request: started when it arrives, stopped (once) when its answer is complete. */
    private final class Measurement implements AsyncListener {

        private final HttpServletRequest request;
        private final HttpServletResponse response;
        private final Timer.Sample sample;
        private final LongTaskTimer.Sample active;
        private Throwable escaped;
        private boolean stopped;

        Measurement(HttpServletRequest request, HttpServletResponse response) {
            this.request = request;
            this.response = response;
            // The observation handler tagged the active timer with what was known on arrival (no pattern yet).
            TimerKey arrival = key(null);
            this.active = activeTimers.computeIfAbsent(arrival,
                    k -> registry.more().longTaskTimer(ACTIVE, tags(k))).start();
            this.sample = Timer.start(registry);
        }

        synchronized void stop() {
            if (stopped) {
                return;
            }
            stopped = true;
            Throwable error = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t
                    ? t : escaped;
            sample.stop(timers.computeIfAbsent(key(error),
                    k -> registry.timer(NAME, tags(k).and("error", k.error()))));
            active.stop();
        }

        /** The tags' values as Spring's convention computed them; {@code error} is the handler's extra tag. */
        private TimerKey key(Throwable error) {
            int status = response.getStatus();
            return new TimerKey(method(request.getMethod()), status, uri(request, status), exception(error),
                    error == null ? NONE : error.getClass().getSimpleName());
        }

        @Override
        public void onComplete(AsyncEvent event) {
            stop();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            stop();
        }

        @Override
        public void onError(AsyncEvent event) {
            if (escaped == null) {
                escaped = event.getThrowable();
            }
            stop();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this);
        }
    }

    private static Tags tags(TimerKey key) {
        return Tags.of(
                Tag.of("exception", key.exception()),
                Tag.of("method", key.method()),
                Tag.of("outcome", outcome(key.status())),
                Tag.of("status", Integer.toString(key.status())),
                Tag.of("uri", key.uri()));
    }

    static String method(String method) {
        return HTTP_METHODS.contains(method) ? method : UNKNOWN;
    }

    static String exception(Throwable error) {
        if (error == null) {
            return NONE;
        }
        String simpleName = error.getClass().getSimpleName();
        return simpleName.isBlank() ? error.getClass().getName() : simpleName;
    }

    static String outcome(int status) {
        if (status < 100 || status > 999) {
            return UNKNOWN;
        }
        if (status / 100 == 2) {
            return "SUCCESS";
        }
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? UNKNOWN : known.series().name();
    }

    /** The mapped pattern ("root" for the empty one); without one, REDIRECTION, NOT_FOUND or UNKNOWN by status. */
    static String uri(HttpServletRequest request, int status) {
        if (request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String pattern) {
            return pattern.isEmpty() ? "root" : pattern;
        }
        HttpStatus known = HttpStatus.resolve(status);
        if (known != null && known.is3xxRedirection()) {
            return "REDIRECTION";
        }
        return known == HttpStatus.NOT_FOUND ? "NOT_FOUND" : UNKNOWN;
    }
}
