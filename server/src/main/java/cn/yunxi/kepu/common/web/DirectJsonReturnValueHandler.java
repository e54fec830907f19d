package cn.yunxi.kepu.common.web;

import java.io.OutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Enumeration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.core.SpringProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.util.StreamUtils;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestResponseBodyMethodProcessor;

import com.fasterxml.jackson.annotation.JsonView;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectWriter;

/**
 * Serialises a {@link WrittenDirectly} response body to JSON straight onto the response, with the writer Spring's
 * JSON message converter uses and as that converter writes it (UTF-8, the response left uncommitted unless
 * {@code spring.http.response.flush.enabled} is set). For such a body Spring's
 * {@link RequestResponseBodyMethodProcessor} is only found after asking a dozen return value handlers, then parses
 * the Accept header, asks every message converter which media types it could produce, sorts and picks one, asks
 * the response body advice and checks the path for a file extension, all to arrive at {@code application/json}.
 *
 * <p>That is done here only when nothing else could come of it: a GET dispatched as such, at most one
 * {@code Accept} header and that one {@code *}{@code /*} or {@code application/json}, a mapping without
 * {@code produces}, a last path segment without {@code .}, {@code ;} or {@code %}, no {@code @JsonView}, and no
 * response body advice in the application. Any other request goes to Spring's processor unchanged.
 */
public final class DirectJsonReturnValueHandler implements HandlerMethodReturnValueHandler {

    private final HandlerMethodReturnValueHandler spring;
    private final ObjectWriter writer;
    private final boolean direct;
    private final Map<Method, Boolean> claimed = new ConcurrentHashMap<>();
    /** Spring flushes (and so commits) the response after writing a body only when this property is set. */
    private final boolean flushes = SpringProperties.getFlag("spring.http.response.flush.enabled");

    /**
     * @param spring the processor of {@code @ResponseBody} return values, for the requests not written here
     * @param writer the writer of Spring's JSON message converter
     * @param direct false when the application has response body advice, which would expect to see every body
     */
    DirectJsonReturnValueHandler(HandlerMethodReturnValueHandler spring, ObjectWriter writer, boolean direct) {
        this.spring = spring;
        this.writer = writer;
        this.direct = direct;
    }

    @Override
    public boolean supportsReturnType(MethodParameter returnType) {
        Method method = returnType.getMethod();
        return method != null && claimed.computeIfAbsent(method, m -> claims(m, returnType));
    }

    private boolean claims(Method method, MethodParameter returnType) {
        Class<?> type = method.getReturnType();
        return type.isAnnotationPresent(WrittenDirectly.class) && Modifier.isFinal(type.getModifiers())
                && !returnType.hasMethodAnnotation(JsonView.class) && spring.supportsReturnType(returnType);
    }

    @Override
    public void handleReturnValue(@Nullable Object returnValue, MethodParameter returnType,
                                  ModelAndViewContainer mavContainer, NativeWebRequest webRequest) throws Exception {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        HttpServletResponse response = webRequest.getNativeResponse(HttpServletResponse.class);
        if (returnValue == null || request == null || response == null || !writesDirectly(request)) {
            spring.handleReturnValue(returnValue, returnType, mavContainer, webRequest);
            return;
        }
        mavContainer.setRequestHandled(true);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        OutputStream body = flushes ? response.getOutputStream() : StreamUtils.nonFlushing(response.getOutputStream());
        try (JsonGenerator generator = writer.createGenerator(StreamUtils.nonClosing(body), JsonEncoding.UTF8)) {
            writer.writeValue(generator, returnValue);
            generator.flush();
        } catch (JacksonException e) {
            throw new HttpMessageNotWritableException("Could not write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Whether Spring's processor would pick {@code application/json} and this writer, and do nothing else. */
    boolean writesDirectly(HttpServletRequest request) {
        if (!direct || !"GET".equals(request.getMethod()) || request.getDispatcherType() != DispatcherType.REQUEST
                || request.getAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE) != null) {
            return false;
        }
        Enumeration<String> accepts = request.getHeaders(HttpHeaders.ACCEPT);
        if (accepts != null && accepts.hasMoreElements()) {
            String accept = accepts.nextElement();
            if (accepts.hasMoreElements()
                    || !(MediaType.ALL_VALUE.equals(accept) || MediaType.APPLICATION_JSON_VALUE.equals(accept))) {
                return false;
            }
        }
        return PlainGetRequests.lastSegmentIsPlain(request.getRequestURI());
    }

    boolean direct() {
        return direct;
    }
}
