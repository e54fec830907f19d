package cn.yunxi.kepu.event;

import java.io.IOException;
import java.util.Map;

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

    private final SignupService signups;
    private final JsonMapper json;

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
            // resolution costs more than everything else on this path.
            Problems.write(request, response, json, Problems.of(refused.errorCode(), refused.getMessage()));
            return false;
        }
        return true;
    }
}
