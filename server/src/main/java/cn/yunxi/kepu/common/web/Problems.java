package cn.yunxi.kepu.common.web;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

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

    public static ProblemDetail validation(List<FieldError> errors) {
        ProblemDetail problem = of(CommonErrors.VALIDATION_FAILED);
        problem.setProperty("errors", errors);
        return problem;
    }
}
