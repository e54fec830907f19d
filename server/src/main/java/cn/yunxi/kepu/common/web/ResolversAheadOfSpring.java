package cn.yunxi.kepu.common.web;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/** Puts every {@link ResolverAheadOfSpring}'s resolvers ahead of Spring's own, once the adapter has made them. */
@Configuration(proxyBeanMethods = false)
public class ResolversAheadOfSpring {

    @Bean
    static BeanPostProcessor resolversAheadOfSpringFirst(ObjectProvider<ResolverAheadOfSpring> shortcuts) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof RequestMappingHandlerAdapter adapter) {
                    putFirst(adapter, shortcuts.orderedStream());
                }
                return bean;
            }
        };
    }

    /** The shortcuts' resolvers first, then the adapter's (nothing changes before the adapter has made its own). */
    public static void putFirst(RequestMappingHandlerAdapter adapter, Stream<ResolverAheadOfSpring> shortcuts) {
        List<HandlerMethodArgumentResolver> spring = adapter.getArgumentResolvers();
        if (spring == null) {
            return;
        }
        List<HandlerMethodArgumentResolver> resolvers = new ArrayList<>();
        shortcuts.forEach(shortcut -> resolvers.addAll(shortcut.resolvers(adapter)));
        resolvers.addAll(spring);
        adapter.setArgumentResolvers(resolvers);
    }
}
