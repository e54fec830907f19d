package cn.yunxi.kepu.console;

import java.io.IOException;
import java.time.Duration;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Serves the built console from {@code classpath:/static/admin/}. Hashed files under {@code assets/} are cached for a
 * year and a missing one is a plain 404; any other path without a file extension is one of the app's own routes
 * (a deep link such as {@code /admin/contents/12}) and gets {@code index.html}, which is never cached, so a new
 * release is picked up on the next visit.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleWebConfig implements WebMvcConfigurer {

    static final String LOCATION = "classpath:/static/admin/";

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/admin", "/admin/");
        // The resource handler answers nothing for an empty path; the console's root is its index page too.
        registry.addViewController("/admin/").setViewName("forward:/admin/index.html");
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/admin/assets/**")
                .addResourceLocations(LOCATION + "assets/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .resourceChain(true)
                .addResolver(new PathResourceResolver());
        registry.addResourceHandler("/admin/**")
                .addResourceLocations(LOCATION)
                .setCacheControl(CacheControl.noCache())
                .resourceChain(true)
                .addResolver(new ClientRouteFallback());
    }

    @Bean
    FilterRegistrationBean<ConsoleHeadersFilter> consoleHeaders() {
        FilterRegistrationBean<ConsoleHeadersFilter> registration = new FilterRegistrationBean<>(new ConsoleHeadersFilter());
        registration.addUrlPatterns("/admin", "/admin/*");
        return registration;
    }

    /** A file when there is one; {@code index.html} for a path that names no file (a client-side route). */
    static final class ClientRouteFallback extends PathResourceResolver {

        @Override
        protected Resource getResource(String resourcePath, Resource location) throws IOException {
            Resource found = super.getResource(resourcePath, location);
            if (found != null) {
                return found;
            }
            return isClientRoute(resourcePath) ? super.getResource("index.html", location) : null;
        }

        static boolean isClientRoute(String path) {
            if (path.startsWith("assets/") || path.equals("assets")) {
                return false;
            }
            String lastSegment = path.substring(path.lastIndexOf('/') + 1);
            return !lastSegment.contains(".");
        }
    }
}
