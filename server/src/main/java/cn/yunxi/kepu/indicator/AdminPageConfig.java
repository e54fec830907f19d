package cn.yunxi.kepu.indicator;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import cn.yunxi.kepu.common.security.PublicEndpoints;

/**
 * The officials' console page at /admin: static HTML and JS (and the ECharts webjar) open to load; every figure
 * it shows comes from /api/admin/v1 with the staff token the page obtains by logging in.
 */
@Configuration(proxyBeanMethods = false)
class AdminPageConfig implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/admin", "/admin/");
        registry.addViewController("/admin/").setViewName("forward:/admin/index.html");
    }

    @Bean
    PublicEndpoints adminPageAssets() {
        return () -> List.of("/admin", "/admin/", "/admin/*.html", "/admin/*.js", "/admin/*.css",
                "/webjars/echarts/**");
    }
}
