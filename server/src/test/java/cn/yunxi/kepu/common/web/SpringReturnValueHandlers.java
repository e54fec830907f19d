package cn.yunxi.kepu.common.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.context.support.StaticWebApplicationContext;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Spring's own return value handlers as an adapter sets them up, with the server's default message converters (JSON
 * among them): what the direct handlers are compared with.
 */
final class SpringReturnValueHandlers {

    private final RequestMappingHandlerAdapter adapter = new RequestMappingHandlerAdapter();

    SpringReturnValueHandlers() {
        List<HttpMessageConverter<?>> converters = new ArrayList<>();
        HttpMessageConverters.forServer().registerDefaults().build().forEach(converters::add);
        adapter.setMessageConverters(converters);
        StaticWebApplicationContext context = new StaticWebApplicationContext(); // no controller advice in it
        context.refresh();
        adapter.setApplicationContext(context);
        adapter.afterPropertiesSet();
    }

    HandlerMethodReturnValueHandler find(Class<?> type) {
        return adapter.getReturnValueHandlers().stream().filter(type::isInstance).findFirst().orElseThrow();
    }

    List<HttpMessageConverter<?>> converters() {
        return adapter.getMessageConverters();
    }

    JacksonJsonHttpMessageConverter json() {
        return adapter.getMessageConverters().stream().filter(JacksonJsonHttpMessageConverter.class::isInstance)
                .map(JacksonJsonHttpMessageConverter.class::cast).findFirst().orElseThrow();
    }
}
