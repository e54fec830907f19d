package cn.yunxi.kepu.common.web;

import org.springframework.http.HttpStatus;

/**
 * A stable, machine-readable error. Each feature declares its own enum of these; the global handler turns
 * them into RFC 9457 problem details whose {@code code} clients may rely on.
 */
public interface ErrorCode {

    /** The stable code, e.g. {@code EVENT_FULL}. Enums get this for free. */
    String name();

    HttpStatus status();

    /** Default Chinese message, fit to show a resident. */
    String message();
}
