package cn.yunxi.kepu.common.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.HttpEntityMethodProcessor;

/**
 * Writes a {@link PreRenderedJson} 200 answer straight to the response: status, Cache-Control, Content-Type, ETag,
 * Content-Length, the bytes, then a flush, the headers in the order Spring's {@link HttpEntityMethodProcessor}
 * leaves them for the same {@link ResponseEntity}. Given that entity, Spring copies its headers into the response
 * one by one through two adapters, takes them out again and checks the request's preconditions, looks for a
 * message converter, asks every response body advice, works out whether the path needs a
 * {@code Content-Disposition} and writes through several stream wrappers: about a fifth of a cached feed
 * answer's time, for bytes that are ready as they are.
 *
 * <p>Only the plain case is written here: a GET dispatched as such, without any precondition header
 * ({@code If-None-Match}, {@code If-Match}, {@code If-Modified-Since}, {@code If-Unmodified-Since}), whose last path
 * segment has no {@code .}, {@code ;} or {@code %} (no file extension Spring would guard with a
 * {@code Content-Disposition}), with a quoted entity tag, and only when the application has no response body
 * advice. Every other answer (304s, HEAD, conditional requests and the rest) is handed to Spring's processor as
 * {@link PreRenderedJson#toResponseEntity()}, exactly as if the handler had returned that entity.
 */
public final class PreRenderedJsonReturnValueHandler implements HandlerMethodReturnValueHandler {

    private static final String[] PRECONDITIONS = {HttpHeaders.IF_NONE_MATCH, HttpHeaders.IF_MATCH,
            HttpHeaders.IF_MODIFIED_SINCE, HttpHeaders.IF_UNMODIFIED_SINCE};
    /** The return type Spring's processor is told of: a method returning {@code ResponseEntity<byte[]>}. */
    private static final MethodParameter ENTITY_RETURN_TYPE = entityReturnType();

    private final HandlerMethodReturnValueHandler spring;
    private final boolean direct;

    /**
     * @param spring Spring's handler of {@link ResponseEntity} return values (which passes an entity with a byte
     *               array body to its {@link HttpEntityMethodProcessor}), for the answers not written here
     * @param direct false when the application has response body advice, which would expect to see every body
     */
    PreRenderedJsonReturnValueHandler(HandlerMethodReturnValueHandler spring, boolean direct) {
        this.spring = spring;
        this.direct = direct;
    }

    @Override
    public boolean supportsReturnType(MethodParameter returnType) {
        return returnType.getParameterType() == PreRenderedJson.class;
    }

    @Override
    public void handleReturnValue(@Nullable Object returnValue, MethodParameter returnType,
                                  ModelAndViewContainer mavContainer, NativeWebRequest webRequest) throws Exception {
        PreRenderedJson json = (PreRenderedJson) returnValue;
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        HttpServletResponse response = webRequest.getNativeResponse(HttpServletResponse.class);
        if (json == null || request == null || response == null || !writesDirectly(json, request)) {
            spring.handleReturnValue(json == null ? null : json.toResponseEntity(), ENTITY_RETURN_TYPE, mavContainer,
                    webRequest);
            return;
        }
        mavContainer.setRequestHandled(true);
        byte[] body = json.body();
        response.setStatus(HttpServletResponse.SC_OK);
        String cacheControl = cacheControlOf(json.cacheControl());
        if (cacheControl != null) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
        }
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setHeader(HttpHeaders.ETAG, json.etag());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    /** Whether the answer is the plain case, where Spring's processor would do nothing but write it. */
    boolean writesDirectly(PreRenderedJson json, HttpServletRequest request) {
        if (!direct || json.status() != HttpStatus.OK || json.body() == null || !quoted(json.etag())
                || !"GET".equals(request.getMethod()) || request.getDispatcherType() != DispatcherType.REQUEST) {
            return false;
        }
        for (String precondition : PRECONDITIONS) {
            if (request.getHeader(precondition) != null) {
                return false;
            }
        }
        return PlainGetRequests.lastSegmentIsPlain(request.getRequestURI());
    }

    /** The header value of the Cache-Control last written: answers share a constant one, built anew on every call. */
    private volatile CacheControlHeader lastCacheControl = new CacheControlHeader(CacheControl.empty(), null);

    private record CacheControlHeader(CacheControl cacheControl, @Nullable String value) {
    }

    private @Nullable String cacheControlOf(CacheControl cacheControl) {
        CacheControlHeader last = lastCacheControl;
        if (last.cacheControl() != cacheControl) {
            last = new CacheControlHeader(cacheControl, cacheControl.getHeaderValue());
            lastCacheControl = last;
        }
        return last.value();
    }

    private static boolean quoted(String etag) {
        return etag.length() >= 2 && etag.charAt(0) == '"' && etag.charAt(etag.length() - 1) == '"';
    }

    @SuppressWarnings("unused") // its return type is what Spring's processor is told of
    private static @Nullable ResponseEntity<byte[]> entity() {
        return null;
    }

    private static MethodParameter entityReturnType() {
        try {
            return new MethodParameter(PreRenderedJsonReturnValueHandler.class.getDeclaredMethod("entity"), -1);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean direct() {
        return direct;
    }
}
