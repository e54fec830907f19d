package cn.yunxi.kepu.common.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.RequestContextFilter;

/**
 * Keeps Boot's RequestContextFilter out of the servlet chain. It exposed the request and its locale to code running
 * in the filters before the DispatcherServlet, and nothing there reads them: the only readers of the current request
 * (media and course-art links falling back to the request's host) run in handlers, and the DispatcherServlet exposes
 * the request to its handlers itself, in fresh attributes whether or not the filter had set any. The filter did that
 * work a second time on every request.
 */
@Configuration(proxyBeanMethods = false)
class RequestContextFilterOmitted {

    /** Boot registers its own filter only while no registration of one exists: this one is never enabled. */
    @Bean
    FilterRegistrationBean<RequestContextFilter> omittedRequestContextFilter() {
        FilterRegistrationBean<RequestContextFilter> omitted = new FilterRegistrationBean<>(new RequestContextFilter());
        omitted.setEnabled(false);
        return omitted;
    }
}
