package cn.yunxi.kepu.common.web;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.MediaType;

import tools.jackson.databind.json.JsonMapper;

/**
 * Answers the errors Tomcat raises itself, before any filter or servlet runs (a path with an encoded NUL or a
 * broken escape, say), with the same problem+json every other error has, in Chinese, instead of Tomcat's HTML page:
 * clients generated from the OpenAPI document only know problems. Installed on the host by
 * {@link ContainerErrorsCustomizer}.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(problem(status)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client has gone or the response is already closed: there is nobody left to tell
        }
    }

    static Map<String, Object> problem(int status) {
        ErrorCode code = codeFor(status);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", Problems.of(code).getType().toString());
        problem.put("title", code.name());
        problem.put("status", status);
        problem.put("detail", code.message());
        problem.put("code", code.name());
        return problem;
    }

    private static ErrorCode codeFor(int status) {
        return switch (status) {
            case 404 -> CommonErrors.NOT_FOUND;
            case 405 -> CommonErrors.METHOD_NOT_ALLOWED;
            case 413 -> CommonErrors.PAYLOAD_TOO_LARGE;
            case 415 -> CommonErrors.UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 500 ? CommonErrors.INTERNAL_ERROR : CommonErrors.MALFORMED_REQUEST;
        };
    }
}
