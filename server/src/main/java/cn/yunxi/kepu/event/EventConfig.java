package cn.yunxi.kepu.event;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

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

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new SignupRefusalInterceptor(signups, json)).addPathPatterns(SignupRefusalInterceptor.PATH);
    }
}
