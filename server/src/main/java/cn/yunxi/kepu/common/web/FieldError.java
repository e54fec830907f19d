package cn.yunxi.kepu.common.web;

/** One invalid field in a validation problem. */
public record FieldError(String field, String message) {
}
