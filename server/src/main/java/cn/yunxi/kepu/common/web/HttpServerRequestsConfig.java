package cn.yunxi.kepu.common.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.ServerHttpObservationFilter;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.DispatcherType;

/** Every request measured by {@link HttpServerRequestsFilter} instead of Spring's observation filter. */
@Configuration(proxyBeanMethods = false)
class HttpServerRequestsConfig {

    /** Where Boot put its observation filter: right after the request id, around everything else. */
    @Bean
    FilterRegistrationBean<HttpServerRequestsFilter> httpServerRequestsFilter(MeterRegistry registry) {
        FilterRegistrationBean<HttpServerRequestsFilter> registration =
                new FilterRegistrationBean<>(new HttpServerRequestsFilter(registry));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
        return registration;
    }

    /**
     * Boot registers its own observation filter only while no registration of one exists: this one, never enabled,
     * keeps it out, so a request is not measured twice.
     */
    @Bean
    FilterRegistrationBean<ServerHttpObservationFilter> observationFilterReplaced() {
        FilterRegistrationBean<ServerHttpObservationFilter> replaced =
                new FilterRegistrationBean<>(new ServerHttpObservationFilter(ObservationRegistry.NOOP));
        replaced.setEnabled(false);
        return replaced;
    }
}
