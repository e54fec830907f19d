package cn.yunxi.kepu.common.web;

import java.io.IOException;

import org.springframework.boot.servlet.autoconfigure.ServletEncodingProperties;
import org.springframework.boot.servlet.autoconfigure.ServletEncodingProperties.HttpMessageType;
import org.springframework.boot.servlet.filter.OrderedCharacterEncodingFilter;
import org.springframework.boot.servlet.filter.OrderedFormContentFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.CharacterEncodingFilter;
import org.springframework.web.filter.FormContentFilter;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Boot's character-encoding and form-content filters, minus the once-per-request bookkeeping they inherit: each built
 * its marker attribute's name by concatenation and read, set and removed that attribute on every request, about a
 * percent of a ping apiece, only to skip itself on forwards and includes inside the request (the console's
 * {@code /admin/} forward), on which the plain filters are not registered at all. Both filters are still the
 * beans Boot would have made (same settings, same order), so Boot does not add its own; they are registered here,
 * disabled, and plain filters take their places:
 * <ul>
 * <li>{@link RequestEncoding} applies the encoding filter's settings exactly as it does, on the dispatches it ran
 * on (the request, an error page after it, an async re-dispatch; a forward or include inside the request was
 * skipped as already filtered);</li>
 * <li>{@link FormBodies} hands PUT, PATCH and DELETE requests to the form-content filter itself (the only methods
 * whose form bodies it parses) and passes every other request straight on, as that filter did, on the request
 * dispatch only (it skipped error and async dispatches).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class PlainServletFilters {

    /** Built as Boot's HttpEncodingAutoConfiguration builds it; that configuration backs off for this bean. */
    @Bean
    OrderedCharacterEncodingFilter characterEncodingFilter(ServletEncodingProperties properties) {
        OrderedCharacterEncodingFilter filter = new OrderedCharacterEncodingFilter();
        filter.setEncoding(properties.getCharset().name());
        filter.setForceRequestEncoding(properties.shouldForce(HttpMessageType.REQUEST));
        filter.setForceResponseEncoding(properties.shouldForce(HttpMessageType.RESPONSE));
        return filter;
    }

    /** As WebMvcAutoConfiguration would make it; it backs off for this bean. */
    @Bean
    OrderedFormContentFilter formContentFilter() {
        return new OrderedFormContentFilter();
    }

    @Bean
    FilterRegistrationBean<CharacterEncodingFilter> characterEncodingFilterReplaced(
            OrderedCharacterEncodingFilter characterEncodingFilter) {
        return disabled(characterEncodingFilter);
    }

    @Bean
    FilterRegistrationBean<FormContentFilter> formContentFilterReplaced(OrderedFormContentFilter formContentFilter) {
        return disabled(formContentFilter);
    }

    @Bean
    FilterRegistrationBean<RequestEncoding> requestEncoding(OrderedCharacterEncodingFilter characterEncodingFilter) {
        FilterRegistrationBean<RequestEncoding> registration =
                new FilterRegistrationBean<>(new RequestEncoding(characterEncodingFilter));
        registration.setName("requestEncoding");
        registration.setOrder(characterEncodingFilter.getOrder());
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
        return registration;
    }

    @Bean
    FilterRegistrationBean<FormBodies> formBodies(OrderedFormContentFilter formContentFilter) {
        FilterRegistrationBean<FormBodies> registration = new FilterRegistrationBean<>(new FormBodies(formContentFilter));
        registration.setName("formBodies");
        registration.setOrder(formContentFilter.getOrder());
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    private static <F extends Filter> FilterRegistrationBean<F> disabled(F filter) {
        FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    /** The character-encoding filter's rule, with its settings. */
    static final class RequestEncoding implements Filter {

        private final String encoding;
        private final boolean forceRequest;
        private final boolean forceResponse;

        RequestEncoding(CharacterEncodingFilter settings) {
            this.encoding = settings.getEncoding();
            this.forceRequest = settings.isForceRequestEncoding();
            this.forceResponse = settings.isForceResponseEncoding();
        }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            if (encoding != null) {
                if (forceRequest || request.getCharacterEncoding() == null) {
                    request.setCharacterEncoding(encoding);
                }
                if (forceResponse) {
                    response.setCharacterEncoding(encoding);
                }
            }
            chain.doFilter(request, response);
        }
    }

    /** Only requests whose form body the form-content filter could parse go through it. */
    static final class FormBodies implements Filter {

        private final FormContentFilter formContent;

        FormBodies(FormContentFilter formContent) {
            this.formContent = formContent;
        }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            String method = ((HttpServletRequest) request).getMethod();
            if ("PUT".equals(method) || "PATCH".equals(method) || "DELETE".equals(method)) {
                formContent.doFilter(request, response, chain);
            } else {
                chain.doFilter(request, response);
            }
        }
    }
}
