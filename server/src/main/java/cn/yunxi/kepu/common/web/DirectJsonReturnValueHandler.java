package cn.yunxi.kepu.common.web;

import java.io.OutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.core.SpringProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
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
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectWriter;

/**
 * Serialises a JSON response body straight onto the response, with the writer Spring's JSON message converter uses
 * and as that converter writes it (UTF-8, the response left uncommitted unless
 * {@code spring.http.response.flush.enabled} is set). For such a body Spring's
 * {@link RequestResponseBodyMethodProcessor} is only found after asking a dozen return value handlers, then parses
 * the Accept header, asks every message converter which media types it could produce, sorts and picks one, asks
 * the response body advice and checks the path for a file extension, all to arrive at {@code application/json}.
 *
 * <p>Claimed are the {@code @ResponseBody} methods whose declared type settles how Spring would write the answer: a
 * final class (a record, so the answer's class is the declared one), not an array, a container or an optional (which
 * Spring writes with their generic type), whose first able converter is a JSON one offering {@code application/json}
 * first, without {@code @JsonView}: for a request that accepts anything or JSON, Spring's negotiation then finds
 * {@code application/json} first among the media types it could produce, and writes with that converter, whose
 * writer is used here.
 *
 * <p>Written here is only a request with nothing to negotiate: a GET dispatched as such, at most one {@code Accept}
 * header and that one {@code *}{@code /*} or {@code application/json}, a mapping without {@code produces}, a last
 * path segment without {@code .}, {@code ;} or {@code %}, and no response body advice in the application. Any other
 * request goes to Spring's processor unchanged.
 */
public final class DirectJsonReturnValueHandler implements HandlerMethodReturnValueHandler {

    /** Stands for "not claimed" among the writers of claimed methods. */
    private static final Optional<ObjectWriter> SPRINGS = Optional.empty();

    private final HandlerMethodReturnValueHandler spring;
    private final List<HttpMessageConverter<?>> converters;
    private final boolean direct;
    /** For each method asked about, the writer of the converter Spring would write its answers with, if claimed. */
    private final Map<Method, Optional<ObjectWriter>> writers = new ConcurrentHashMap<>();
    /** Spring flushes (and so commits) the response after writing a body only when this property is set. */
    private final boolean flushes = SpringProperties.getFlag("spring.http.response.flush.enabled");

    /**
     * @param spring the processor of {@code @ResponseBody} return values, for the requests not written here
     * @param converters Spring's message converters, in the order its processor asks them
     * @param direct false when the application has response body advice, which would expect to see every body
     */
    DirectJsonReturnValueHandler(HandlerMethodReturnValueHandler spring, List<HttpMessageConverter<?>> converters,
                                 boolean direct) {
        this.spring = spring;
        this.converters = List.copyOf(converters);
        this.direct = direct;
    }

    @Override
    public boolean supportsReturnType(MethodParameter returnType) {
        return writerFor(returnType).isPresent();
    }

    private Optional<ObjectWriter> writerFor(MethodParameter returnType) {
        Method method = returnType.getMethod();
        return method == null ? SPRINGS : writers.computeIfAbsent(method, m -> claim(returnType));
    }

    private Optional<ObjectWriter> claim(MethodParameter returnType) {
        Class<?> type = returnType.getParameterType();
        if (!Modifier.isFinal(type.getModifiers()) || type.isArray() || type.isPrimitive()
                || returnType.hasMethodAnnotation(JsonView.class) || !spring.supportsReturnType(returnType)) {
            return SPRINGS;
        }
        // The first converter able to write the type offers the first media types and is the one that writes.
        HttpMessageConverter<?> first = converters.stream().filter(c -> c.canWrite(type, null)).findFirst().orElse(null);
        if (!(first instanceof JacksonJsonHttpMessageConverter json)
                || !first.getSupportedMediaTypes().stream().findFirst().equals(Optional.of(MediaType.APPLICATION_JSON))) {
            return SPRINGS;
        }
        JavaType javaType = json.getMapper().constructType(type);
        return javaType.isContainerType() || javaType.isReferenceType() ? SPRINGS : Optional.of(json.getMapper().writer());
    }

    @Override
    public void handleReturnValue(@Nullable Object returnValue, MethodParameter returnType,
                                  ModelAndViewContainer mavContainer, NativeWebRequest webRequest) throws Exception {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        HttpServletResponse response = webRequest.getNativeResponse(HttpServletResponse.class);
        ObjectWriter writer = writerFor(returnType).orElse(null);
        if (writer == null || returnValue == null || request == null || response == null || !writesDirectly(request)) {
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
