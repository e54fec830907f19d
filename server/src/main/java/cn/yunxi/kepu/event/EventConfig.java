package cn.yunxi.kepu.event;

import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import cn.yunxi.kepu.common.security.PublicEndpoints;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventProperties.class)
class EventConfig implements WebMvcConfigurer {

    private final SignupService signups;
    private final JsonMapper json;

    // Lazy: MVC configuration is read early, before the feature's services need to exist.
    EventConfig(@Lazy SignupService signups, JsonMapper json) {
        this.signups = signups;
        this.json = json;
    }

    /** After Spring Security's chain (the caller is known), before the dispatcher: see the filter. */
    @Bean
    FilterRegistrationBean<SignupRefusalFilter> signupRefusalFilter() {
        FilterRegistrationBean<SignupRefusalFilter> registration =
                new FilterRegistrationBean<>(new SignupRefusalFilter(signups, json));
        registration.addUrlPatterns(SignupRefusalFilter.URL_PATTERN);
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    /** Anyone holding a training certificate's number may check it (the holder's name is masked). */
    @Bean
    PublicEndpoints trainingCertificateVerification() {
        return () -> List.of("/api/v1/training-certificates/*");
    }
}
