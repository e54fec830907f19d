package cn.yunxi.kepu.common.web;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import jakarta.validation.ConstraintViolationException;

/**
 * The single place where exceptions become RFC 9457 problem details with a stable {@code code} and a Chinese
 * {@code detail}. User error never reaches the 500 branch: every framework exception a bad request can cause is
 * mapped here.
 */
@RestControllerAdvice
class GlobalExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GlobalExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> handleApi(ApiException ex) {
        ErrorCode code = ex.errorCode();
        if (code.status().is5xxServerError()) {
            log.warn("API error {}: {}", code.name(), ex.getMessage(), ex.getCause());
        }
        if (code.status() == HttpStatus.SERVICE_UNAVAILABLE) {
            // A dependency (WeChat) is down or busy: nothing was done, the client may retry, and Retry-After
            // tells it (and the mini-program) when, as for the database.
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(DatabaseOutage.RETRY_AFTER.toSeconds()))
                    .body(Problems.of(code, ex.getMessage()));
        }
        return respond(Problems.of(code, ex.getMessage()));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> handleConstraintViolation(ConstraintViolationException ex) {
        List<FieldError> errors = ex.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return respond(Problems.validation(errors));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> handleTypeMismatch(MethodArgumentTypeMismatchException ex) {
        return respond(Problems.validation(List.of(new FieldError(ex.getName(), "格式不正确"))));
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> handleDuplicate(DuplicateKeyException ex) {
        log.info("Duplicate key rejected by the database: {}", ex.getMostSpecificCause().getMessage());
        return respond(Problems.of(CommonErrors.CONFLICT));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> handleAccessDenied(AccessDeniedException ex) {
        return respond(Problems.of(CommonErrors.FORBIDDEN));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> handleAuthentication(AuthenticationException ex) {
        return respond(Problems.of(CommonErrors.UNAUTHENTICATED));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception ex) {
        if (DatabaseOutage.causedBy(ex)) {
            // MySQL restarting or unreachable: the transaction rolled back, so nothing is half-written; the client
            // may simply retry. Retry-After tells it (and the mini-program) when.
            log.warn("Database unavailable, answered 503: {}", DatabaseOutage.describe(ex));
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(DatabaseOutage.RETRY_AFTER.toSeconds()))
                    .body(Problems.of(CommonErrors.DATABASE_UNAVAILABLE));
        }
        log.error("Unexpected error", ex);
        return respond(Problems.of(CommonErrors.INTERNAL_ERROR));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return asObject(Problems.validation(fieldErrors(ex)));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldError(result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())))
                .toList();
        return asObject(Problems.validation(errors));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return asObject(Problems.validation(List.of(new FieldError(ex.getParameterName(), "不能为空"))));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return asObject(Problems.of(CommonErrors.UNSUPPORTED_MEDIA_TYPE));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return asObject(Problems.of(CommonErrors.NOT_ACCEPTABLE));
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return asObject(Problems.of(CommonErrors.METHOD_NOT_ALLOWED));
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return asObject(Problems.of(CommonErrors.NOT_FOUND));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return asObject(Problems.of(CommonErrors.PAYLOAD_TOO_LARGE));
    }

    /** Anything else the framework rejects (unreadable body, bad type conversions...): a 4xx stays a 4xx. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (statusCode.is5xxServerError()) {
            log.error("Framework error", ex);
            return asObject(Problems.of(CommonErrors.INTERNAL_ERROR));
        }
        if (ex instanceof BindException bind) {
            return asObject(Problems.validation(fieldErrors(bind)));
        }
        ErrorCode code = statusCode.value() == HttpStatus.NOT_FOUND.value()
                ? CommonErrors.NOT_FOUND : CommonErrors.MALFORMED_REQUEST;
        return asObject(Problems.of(code, statusCode, code.message()));
    }

    private static List<FieldError> fieldErrors(BindException ex) {
        return ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
                .toList();
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static ResponseEntity<Object> asObject(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
