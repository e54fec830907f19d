package cn.yunxi.kepu.common.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.mvc.method.annotation.PathVariableMethodArgumentResolver;

/**
 * {@code @PathVariable long} (and {@code Long}) arguments whose value is plain decimal digits, parsed directly.
 * Spring's resolver creates a data binder and converts the text through the conversion service for every such
 * argument on every request (the id of a content item, of an attempt): a few per cent of a cached item answer.
 * Here a value of one to eighteen ASCII digits, which always fits a long and which Spring's conversion reads as the
 * same decimal number, is parsed and, as Spring does, recorded among the request's path variables for views. Every
 * other value (signs, {@code 0x}/{@code #} hexadecimal, whitespace, nineteen digits or more, anything else) goes to
 * Spring's resolver, so its result or exception is Spring's. The application registers no {@code @InitBinder}
 * methods or custom editors that could read such a number differently.
 */
final class DecimalPathVariables implements HandlerMethodArgumentResolver {

    /** Eighteen digits never exceed {@link Long#MAX_VALUE} (nineteen digits can). */
    static final int MAX_DIGITS = 18;

    private final HandlerMethodArgumentResolver spring;
    private final ParameterDescriptions<String> names = new ParameterDescriptions<>(DecimalPathVariables::describe);

    DecimalPathVariables(HandlerMethodArgumentResolver spring) {
        this.spring = spring;
    }

    DecimalPathVariables() {
        this(new PathVariableMethodArgumentResolver());
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return names.of(parameter) != null;
    }

    /** The variable's name when the argument is a plain long or Long path variable, else null. */
    private static @Nullable String describe(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        PathVariable annotation = parameter.getParameterAnnotation(PathVariable.class);
        if (annotation == null || (type != long.class && type != Long.class)) {
            return null;
        }
        // the annotation attribute Spring reads (an alias of name)
        String name = annotation.value().isEmpty() ? parameter.getParameterName() : annotation.value();
        if (name == null || name.isEmpty() || name.contains("${") || name.contains("#{")) {
            return null;
        }
        return name;
    }

    @Override
    @SuppressWarnings("unchecked")
    public @Nullable Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mavContainer,
                                            NativeWebRequest request, @Nullable WebDataBinderFactory binderFactory)
            throws Exception {
        String name = names.of(parameter);
        Map<String, String> variables = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        String text = name == null || variables == null ? null : variables.get(name);
        if (text == null || !plainDecimal(text)) {
            return spring.resolveArgument(parameter, mavContainer, request, binderFactory);
        }
        Long value = Long.parseLong(text);
        Map<String, Object> pathVariables = (Map<String, Object>) request.getAttribute(View.PATH_VARIABLES,
                RequestAttributes.SCOPE_REQUEST);
        if (pathVariables == null) {
            pathVariables = new HashMap<>();
            request.setAttribute(View.PATH_VARIABLES, pathVariables, RequestAttributes.SCOPE_REQUEST);
        }
        pathVariables.put(name, value);
        return value;
    }

    static boolean plainDecimal(String text) {
        int length = text.length();
        if (length == 0 || length > MAX_DIGITS) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Puts the resolver ahead of Spring's, which would otherwise claim these arguments first. */
    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        ResolverAheadOfSpring decimalPathVariables() {
            return adapter -> List.of(new DecimalPathVariables());
        }
    }
}
