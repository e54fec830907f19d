package cn.yunxi.kepu.quiz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConversionException;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.util.InvalidMimeTypeException;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;
import org.springframework.util.StreamUtils;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.RequestResponseBodyMethodProcessor;

import jakarta.servlet.http.HttpServletRequest;

import cn.yunxi.kepu.common.web.ResolverAheadOfSpring;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.exc.InvalidDefinitionException;

/**
 * The answer sheet of a submit or a save ({@code @RequestBody AnswersRequest}), read straight from the request when
 * it is a plain JSON body: {@code Content-Type: application/json} (with no parameter but {@code charset=UTF-8}) and a
 * positive {@code Content-Length}. The profile of a contest's submissions showed Spring's body resolution costing
 * several times the parsing itself: it copies every request header into a new {@code HttpHeaders} to learn the
 * content type, asks each message converter whether it can read, runs the body advice chain, and then creates a data
 * binder and a {@code BindingResult} model attribute for a body that has nothing to validate and no model to go to.
 *
 * <p>What it returns, and what it throws, is what Spring's {@link RequestResponseBodyMethodProcessor} gives for the
 * same request ({@code AnswerSheetArgumentTest} compares both): the same Jackson reader of the same mapper as the
 * JSON message converter, its errors wrapped in the same exceptions, a JSON {@code null} body refused as a missing
 * one. Every other request (another content type or charset, no or an unknown length, a chunked body) and any
 * parameter with more than {@code @RequestBody} on it (validation) is left to Spring's processor unchanged.
 */
final class AnswerSheetArgument implements HandlerMethodArgumentResolver {

    private final HandlerMethodArgumentResolver spring;
    private final ObjectReader reader;

    AnswerSheetArgument(HandlerMethodArgumentResolver spring, ObjectReader reader) {
        this.spring = spring;
        this.reader = reader;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == AnswersRequest.class && parameter.getParameterAnnotations().length == 1
                && parameter.hasParameterAnnotation(RequestBody.class);
    }

    @Override
    public @Nullable Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mavContainer,
                                            NativeWebRequest request, @Nullable WebDataBinderFactory binderFactory)
            throws Exception {
        HttpServletRequest http = request.getNativeRequest(HttpServletRequest.class);
        if (http == null || http.getContentLengthLong() <= 0 || !plainJson(http.getContentType())) {
            return spring.resolveArgument(parameter, mavContainer, request, binderFactory);
        }
        Object body;
        try {
            body = reader.readValue(StreamUtils.nonClosing(http.getInputStream()));
        } catch (InvalidDefinitionException ex) {
            throw new HttpMessageConversionException("Type definition error: " + ex.getType(), ex);
        } catch (JacksonException ex) {
            throw new HttpMessageNotReadableException("JSON parse error: " + ex.getOriginalMessage(), ex,
                    new ServletServerHttpRequest(http));
        } catch (IOException ex) {
            throw new HttpMessageNotReadableException("I/O error while reading input message", ex,
                    new ServletServerHttpRequest(http));
        }
        if (body == null && parameter.getParameterAnnotation(RequestBody.class).required()) {
            throw new HttpMessageNotReadableException("Required request body is missing: "
                    + parameter.getExecutable().toGenericString(), new ServletServerHttpRequest(http));
        }
        return body;
    }

    /** application/json, bare or with charset=UTF-8 only: the one form read here (parsed types are cached by Spring). */
    static boolean plainJson(@Nullable String contentType) {
        if (contentType == null) {
            return false;
        }
        if ("application/json".equalsIgnoreCase(contentType)) {
            return true; // what the mini-program sends: no need to look it up
        }
        MimeType type;
        try {
            type = MimeTypeUtils.parseMimeType(contentType);
        } catch (InvalidMimeTypeException ex) {
            return false;
        }
        if (!"application".equals(type.getType()) || !"json".equals(type.getSubtype())) {
            return false;
        }
        Map<String, String> parameters = type.getParameters();
        return parameters.isEmpty() || (parameters.size() == 1 && StandardCharsets.UTF_8.equals(type.getCharset()));
    }

    /**
     * Puts the resolver ahead of Spring's {@code @RequestBody} processor, which would otherwise claim the argument
     * first, reading with the mapper of the JSON converter that Spring would pick for this body.
     */
    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        ResolverAheadOfSpring answerSheetArgument() {
            return adapter -> {
                HandlerMethodArgumentResolver spring = adapter.getArgumentResolvers().stream()
                        .filter(RequestResponseBodyMethodProcessor.class::isInstance).findFirst().orElse(null);
                JacksonJsonHttpMessageConverter json = jsonReader(adapter.getMessageConverters());
                if (spring == null || json == null) {
                    return List.of();
                }
                return List.of(new AnswerSheetArgument(spring, json.getMapper().readerFor(AnswersRequest.class)));
            };
        }

        /**
         * The converter Spring would read the body with (the first that can read it as application/json), when it is
         * Spring's own JSON converter reading with its default mapper; otherwise (a subclass that customises its
         * reader, a mapper registered for this type) null, and Spring keeps reading the body.
         */
        private static @Nullable JacksonJsonHttpMessageConverter jsonReader(List<HttpMessageConverter<?>> converters) {
            for (HttpMessageConverter<?> converter : converters) {
                if (converter.canRead(AnswersRequest.class, MediaType.APPLICATION_JSON)) {
                    return converter.getClass() == JacksonJsonHttpMessageConverter.class
                            && ((JacksonJsonHttpMessageConverter) converter).getMappersForType(AnswersRequest.class).isEmpty()
                            ? (JacksonJsonHttpMessageConverter) converter : null;
                }
            }
            return null;
        }
    }
}
