package cn.yunxi.kepu.common.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** Builds the problem details every error response uses, so web and security layers answer alike. */
public final class Problems {

    private static final String TYPE_PREFIX = "https://kepu.yunxi.gov.cn/problems/";

    private Problems() {
    }

    public static ProblemDetail of(ErrorCode code) {
        return of(code, code.status(), code.message());
    }

    public static ProblemDetail of(ErrorCode code, String detail) {
        return of(code, code.status(), detail);
    }

    public static ProblemDetail of(ErrorCode code, HttpStatusCode status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + code.name().toLowerCase().replace('_', '-')));
        problem.setTitle(code.name());
        problem.setProperty("code", code.name());
        return problem;
    }

    /** Writes a problem straight to the response, for code that answers outside Spring MVC (security failures). */
    public static void write(HttpServletResponse response, JsonMapper json, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    public static ProblemDetail validation(List<FieldError> errors) {
        ProblemDetail problem = of(CommonErrors.VALIDATION_FAILED);
        problem.setProperty("errors", errors);
        return problem;
    }
}
