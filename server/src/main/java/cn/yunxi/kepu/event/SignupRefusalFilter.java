package cn.yunxi.kepu.event;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.common.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers a resident's signup for a closed or full event before Spring MVC sees it: when an event opens, thousands
 * of residents press the button at once and most of them meet a full event, so the refusal must be the cheapest
 * answer the server gives. It runs after Spring Security (the caller is an authenticated resident by then) and
 * before the dispatcher, whose handler lookup among all the API's path patterns, argument reading and exception
 * resolution would be most of a refusal's cost. Only a path of exactly the form
 * {@code POST /api/v1/events/<digits>/signups} is looked at; everything else, and the final word on every seat, stays
 * with {@link SignupService#signup}. This applies the same {@code requireOpen} check earlier, with the body the
 * exception handler would write.
 */
class SignupRefusalFilter extends OncePerRequestFilter {

    static final String URL_PATTERN = "/api/v1/events/*";
    private static final String PREFIX = "/api/v1/events/";
    private static final String SUFFIX = "/signups";
    private static final int MAX_RENDERED = 10_000;

    private final SignupService signups;
    private final JsonMapper json;
    // The crowd at one full event gets the same few bytes, so they are rendered once.
    private final Map<String, byte[]> rendered = new ConcurrentHashMap<>();

    SignupRefusalFilter(SignupService signups, JsonMapper json) {
        this.signups = signups;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || eventId(request.getRequestURI()) < 0;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            signups.refuseEarly(eventId(request.getRequestURI()));
        } catch (ApiException refused) {
            write(request, response, refused);
            return;
        }
        chain.doFilter(request, response);
    }

    private void write(HttpServletRequest request, HttpServletResponse response, ApiException refused)
            throws IOException {
        String path = request.getRequestURI();
        String key = path + '\n' + refused.errorCode().name() + '\n' + refused.getMessage();
        byte[] body = rendered.get(key);
        if (body == null) {
            ProblemDetail problem = Problems.of(refused.errorCode(), refused.getMessage());
            problem.setInstance(URI.create(path));
            body = json.writeValueAsBytes(problem);
            if (rendered.size() >= MAX_RENDERED) {
                rendered.clear();
            }
            rendered.put(key, body);
        }
        response.setStatus(refused.errorCode().status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The event id of {@code /api/v1/events/<digits>/signups}, or -1 for any other path. */
    static long eventId(String path) {
        if (path == null || !path.startsWith(PREFIX) || !path.endsWith(SUFFIX)
                || path.length() <= PREFIX.length() + SUFFIX.length()
                || path.length() > PREFIX.length() + SUFFIX.length() + 18) {
            return -1;
        }
        long id = 0;
        for (int i = PREFIX.length(); i < path.length() - SUFFIX.length(); i++) {
            char c = path.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            id = id * 10 + (c - '0');
        }
        return id;
    }
}
