package cn.yunxi.kepu.event;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import cn.yunxi.kepu.common.web.Problems;

/** Renders field-level failures found by the event services like any other validation problem. */
@RestControllerAdvice(basePackages = "cn.yunxi.kepu.event")
@Order(Ordered.HIGHEST_PRECEDENCE)
class EventExceptionHandler {

    @ExceptionHandler(FormValidationException.class)
    ResponseEntity<ProblemDetail> formInvalid(FormValidationException ex) {
        ProblemDetail problem = Problems.validation(ex.errors());
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
