package cn.yunxi.kepu.event;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import cn.yunxi.kepu.common.web.ApiException;
import cn.yunxi.kepu.common.web.Problems;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers a resident's signup for a closed or full event before Spring reads and validates the form: when an
 * event opens, thousands of residents press the button at once and most of them meet a full event, so the
 * refusal must be the cheapest answer the server gives. Everything else (and the final word on every seat) stays
 * with {@link SignupService#signup}; this only applies the same {@code requireOpen} check earlier.
 */
class SignupRefusalInterceptor implements HandlerInterceptor {

    static final String PATH = "/api/v1/events/*/signups";

    private static final int MAX_RENDERED = 10_000;

    private final SignupService signups;
    private final JsonMapper json;
    private final Map<String, byte[]> rendered = new ConcurrentHashMap<>();

    SignupRefusalInterceptor(SignupService signups, JsonMapper json) {
        this.signups = signups;
        this.json = json;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (!"POST".equals(request.getMethod())) {
            return true;
        }
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String id = variables == null ? null : variables.get("id");
        if (id == null) {
            return true;
        }
        long eventId;
        try {
            eventId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            return true; // not an event id: the controller answers that with its usual 400
        }
        try {
            signups.refuseEarly(eventId);
        } catch (ApiException refused) {
            // Answered here, with the body the exception handler would write: going through exception
            // resolution costs more than everything else on this path. The crowd at one full event gets the
            // same few bytes, so they are rendered once.
            String key = request.getRequestURI() + '\n' + refused.errorCode().name() + '\n' + refused.getMessage();
            byte[] body = rendered.get(key);
            if (body == null) {
                ProblemDetail problem = Problems.of(refused.errorCode(), refused.getMessage());
                problem.setInstance(URI.create(request.getRequestURI()));
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
            return false;
        }
        return true;
    }
}
