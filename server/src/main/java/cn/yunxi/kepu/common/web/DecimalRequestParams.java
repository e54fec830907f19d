package cn.yunxi.kepu.common.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.annotation.RequestParamMethodArgumentResolver;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.multipart.MultipartRequest;

/**
 * {@code @RequestParam} arguments of type {@code int}, {@code Integer}, {@code long} or {@code Long} whose value is
 * plain decimal digits, parsed directly. Spring's resolver resolves the default value as an expression, creates a data
 * binder and converts the text through the conversion service for every such argument on every request: about a
 * tenth of a leaderboard answer ({@code top}). Here a single value of plain digits that always fits the type (nine
 * for an int, eighteen for a long) is parsed, and an absent one takes its default value when that is itself plain
 * digits; Spring's conversion reads such text as the same decimal number. Everything else (several values, an empty
 * or signed value, hexadecimal, whitespace, longer numbers, a missing argument without a plain default, a multipart
 * request, a placeholder or expression in the name or default) goes to Spring's resolver, so its result or exception
 * is Spring's.
 */
final class DecimalRequestParams implements HandlerMethodArgumentResolver {

    static final int MAX_INT_DIGITS = 9;

    /** How one argument is read: its name, how many digits always fit, and its default (null when none). */
    private record Plain(String name, int maxDigits, boolean isInt, @Nullable Number defaultValue) {

        Number parse(String digits) {
            return isInt ? (Number) Integer.parseInt(digits) : (Number) Long.parseLong(digits);
        }
    }

    private final HandlerMethodArgumentResolver spring;
    private final ParameterDescriptions<Plain> plain = new ParameterDescriptions<>(DecimalRequestParams::describe);

    DecimalRequestParams(HandlerMethodArgumentResolver spring) {
        this.spring = spring;
    }

    DecimalRequestParams(@Nullable ConfigurableBeanFactory beanFactory) {
        this(new RequestParamMethodArgumentResolver(beanFactory, false));
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return plain.of(parameter) != null;
    }

    private static @Nullable Plain describe(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        boolean isInt = type == int.class || type == Integer.class;
        RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
        if (annotation == null || !(isInt || type == long.class || type == Long.class)) {
            return null;
        }
        String name = annotation.name().isEmpty() ? parameter.getParameterName() : annotation.name();
        if (name == null || name.isEmpty() || name.contains("${") || name.contains("#{")) {
            return null;
        }
        int maxDigits = isInt ? MAX_INT_DIGITS : DecimalPathVariables.MAX_DIGITS;
        String defaultText = annotation.defaultValue();
        Number defaultValue = null;
        if (!ValueConstants.DEFAULT_NONE.equals(defaultText)) {
            if (!DecimalPathVariables.plainDecimal(defaultText) || defaultText.length() > maxDigits) {
                return null;
            }
            defaultValue = isInt ? (Number) Integer.parseInt(defaultText) : (Number) Long.parseLong(defaultText);
        }
        return new Plain(name, maxDigits, isInt, defaultValue);
    }

    @Override
    public @Nullable Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mavContainer,
                                            NativeWebRequest request, @Nullable WebDataBinderFactory binderFactory)
            throws Exception {
        Plain p = plain.of(parameter);
        if (p != null && request.getNativeRequest(MultipartRequest.class) == null) {
            String[] values = request.getParameterValues(p.name());
            if (values == null && p.defaultValue() != null) {
                return p.defaultValue();
            }
            if (values != null && values.length == 1 && values[0].length() <= p.maxDigits()
                    && DecimalPathVariables.plainDecimal(values[0])) {
                return p.parse(values[0]);
            }
        }
        return spring.resolveArgument(parameter, mavContainer, request, binderFactory);
    }

    /** Puts the resolver ahead of Spring's, which would otherwise claim these arguments first. */
    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        ResolverAheadOfSpring decimalRequestParams(ConfigurableBeanFactory beanFactory) {
            return adapter -> List.of(new DecimalRequestParams(beanFactory));
        }
    }
}
