package cn.yunxi.kepu.event;

import java.util.Map;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers a resident's signup for a closed or full event before Spring reads and validates the form: when an
 * event opens, thousands of residents press the button at once and most of them meet a full event, so the
 * refusal must be the cheapest answer the server gives. Everything else (and the final word on every seat) stays
 * with {@link SignupService#signup}; this only applies the same {@code requireOpen} check earlier.
 */
class SignupRefusalInterceptor implements HandlerInterceptor {

    static final String PATH = "/api/v1/events/*/signups";

    private final SignupService signups;

    SignupRefusalInterceptor(SignupService signups) {
        this.signups = signups;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
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
        try {
            signups.refuseEarly(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return true; // not an event id: the controller answers that with its usual 400
        }
        return true;
    }
}
