package cn.yunxi.kepu.common.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a response body type that a hot endpoint returns, so that {@link DirectJsonReturnValueHandler} serialises
 * it straight to the response, without Spring's content negotiation, when the request leaves nothing to negotiate.
 * The type must be final (a record), so that the answer's class is the declared one.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WrittenDirectly {
}
