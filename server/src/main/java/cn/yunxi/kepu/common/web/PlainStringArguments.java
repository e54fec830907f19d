package cn.yunxi.kepu.common.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.annotation.RequestHeaderMethodArgumentResolver;
import org.springframework.web.method.annotation.RequestParamMethodArgumentResolver;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.multipart.MultipartRequest;

/**
 * {@code @RequestParam String} and {@code @RequestHeader String} arguments without a default value, read straight
 * from the request. Spring's resolvers resolve placeholders in the name and create a data binder (and convert a
 * String to a String with it) for every such argument on every request, even an absent optional one: five of them
 * on the feed ({@code topic}, {@code group}, {@code type}, {@code keyword}, {@code If-None-Match}). Here an argument
 * with exactly one value is that value and an absent optional one is null, which is what Spring's resolvers give;
 * anything else (several values, a missing required argument) goes through Spring's own resolution unchanged, as do
 * arguments of other types, with a default value or with a placeholder or expression in their name.
 */
final class PlainStringArguments {

    private PlainStringArguments() {
    }

    /** The argument's name when it can be read directly: a String, no default value, nothing to resolve in the name. */
    private static @Nullable String plainName(MethodParameter parameter, String name, String defaultValue) {
        if (parameter.getParameterType() != String.class || !ValueConstants.DEFAULT_NONE.equals(defaultValue)) {
            return null;
        }
        String resolved = name.isEmpty() ? parameter.getParameterName() : name;
        if (resolved == null || resolved.isEmpty() || resolved.contains("${") || resolved.contains("#{")) {
            return null;
        }
        return resolved;
    }

    /**
     * Claims the plain arguments of one annotation and reads them with {@code read}; Spring's resolver of that
     * annotation ({@code spring}) answers whenever the shortcut does not apply.
     */
    abstract static class Shortcut implements HandlerMethodArgumentResolver {

        private final HandlerMethodArgumentResolver spring;
        private final ParameterDescriptions<Plain> plain = new ParameterDescriptions<>(this::describe);

        Shortcut(HandlerMethodArgumentResolver spring) {
            this.spring = spring;
        }

        /** The argument's plain name and whether it is required, or null when the shortcut does not apply. */
        abstract @Nullable Plain describe(MethodParameter parameter);

        /** The single value, null when absent, or anything else to leave the argument to Spring. */
        abstract @Nullable Object read(String name, NativeWebRequest request);

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return plain.of(parameter) != null;
        }

        @Override
        public @Nullable Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mavContainer,
                                                NativeWebRequest request, @Nullable WebDataBinderFactory binderFactory)
                throws Exception {
            Plain p = plain.of(parameter);
            if (p != null) {
                Object value = read(p.name(), request);
                if (value instanceof String || (value == null && !p.required())) {
                    return value;
                }
            }
            return spring.resolveArgument(parameter, mavContainer, request, binderFactory);
        }
    }

    static final class Param extends Shortcut {

        Param(@Nullable ConfigurableBeanFactory beanFactory) {
            super(new RequestParamMethodArgumentResolver(beanFactory, false));
        }

        @Override
        @Nullable Plain describe(MethodParameter parameter) {
            RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
            String name = annotation == null ? null : plainName(parameter, annotation.name(), annotation.defaultValue());
            return name == null ? null : new Plain(name, annotation.required());
        }

        /** As Spring reads a parameter, but a multipart request (where a file part may stand for it) is left to it. */
        @Override
        @Nullable Object read(String name, NativeWebRequest request) {
            if (request.getNativeRequest(MultipartRequest.class) != null) {
                return MULTIPART;
            }
            String[] values = request.getParameterValues(name);
            return values == null ? null : values.length == 1 ? values[0] : values;
        }
    }

    static final class Header extends Shortcut {

        Header(@Nullable ConfigurableBeanFactory beanFactory) {
            super(new RequestHeaderMethodArgumentResolver(beanFactory));
        }

        @Override
        @Nullable Plain describe(MethodParameter parameter) {
            RequestHeader annotation = parameter.getParameterAnnotation(RequestHeader.class);
            String name = annotation == null ? null : plainName(parameter, annotation.name(), annotation.defaultValue());
            return name == null ? null : new Plain(name, annotation.required());
        }

        @Override
        @Nullable Object read(String name, NativeWebRequest request) {
            String[] values = request.getHeaderValues(name);
            return values == null ? null : values.length == 1 ? values[0] : values;
        }
    }

    private static final Object MULTIPART = new Object();

    /** The name to read and whether the argument is required. */
    record Plain(String name, boolean required) {
    }

    /** Puts both resolvers ahead of Spring's, which would otherwise claim these arguments first. */
    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        ResolverAheadOfSpring plainStringArguments(ConfigurableBeanFactory beanFactory) {
            return adapter -> List.of(new Param(beanFactory), new Header(beanFactory));
        }
    }
}
