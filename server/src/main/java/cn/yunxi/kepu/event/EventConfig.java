package cn.yunxi.kepu.event;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventProperties.class)
class EventConfig implements WebMvcConfigurer {

    private final SignupService signups;

    // Lazy: MVC configuration is read early, before the feature's services need to exist.
    EventConfig(@Lazy SignupService signups) {
        this.signups = signups;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new SignupRefusalInterceptor(signups)).addPathPatterns(SignupRefusalInterceptor.PATH);
    }
}
