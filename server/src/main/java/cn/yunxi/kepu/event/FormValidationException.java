package cn.yunxi.kepu.event;

import java.util.List;

import cn.yunxi.kepu.common.web.FieldError;

/** Field-level validation failures found by services (signup form answers); rendered as VALIDATION_FAILED. */
class FormValidationException extends RuntimeException {

    private final transient List<FieldError> errors;

    FormValidationException(List<FieldError> errors) {
        super("validation failed", null, false, false);
        this.errors = List.copyOf(errors);
    }

    List<FieldError> errors() {
        return errors;
    }
}
