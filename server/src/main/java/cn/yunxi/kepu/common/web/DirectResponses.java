package cn.yunxi.kepu.common.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.ControllerAdviceBean;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestResponseBodyMethodProcessor;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityReturnValueHandler;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Puts {@link PreRenderedJsonReturnValueHandler} and {@link DirectJsonReturnValueHandler} ahead of Spring's return
 * value handlers (which are asked in turn, each on every request, until one claims the value), each with the
 * Spring processor it stands in for, to which it hands every request it does not write itself.
 */
@Configuration(proxyBeanMethods = false)
class DirectResponses {

    @Bean
    static BeanPostProcessor directResponsesFirst(ApplicationContext context) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof RequestMappingHandlerAdapter adapter && adapter.getReturnValueHandlers() != null) {
                    List<HandlerMethodReturnValueHandler> spring = adapter.getReturnValueHandlers();
                    // Advice sees each body Spring writes; bodies written directly would pass it by.
                    boolean advised = ControllerAdviceBean.findAnnotatedBeans(context).stream()
                            .anyMatch(advice -> advice.getBeanType() != null
                                    && ResponseBodyAdvice.class.isAssignableFrom(advice.getBeanType()));
                    List<HandlerMethodReturnValueHandler> handlers = new ArrayList<>();
                    handlers.add(new PreRenderedJsonReturnValueHandler(find(spring, ResponseEntityReturnValueHandler.class),
                            !advised));
                    handlers.add(new DirectJsonReturnValueHandler(find(spring, RequestResponseBodyMethodProcessor.class),
                            adapter.getMessageConverters(), !advised));
                    handlers.addAll(spring);
                    adapter.setReturnValueHandlers(handlers);
                }
                return bean;
            }
        };
    }

    private static HandlerMethodReturnValueHandler find(List<HandlerMethodReturnValueHandler> handlers, Class<?> type) {
        return handlers.stream().filter(type::isInstance).findFirst()
                .orElseThrow(() -> new IllegalStateException("没有找到返回值处理器 " + type.getSimpleName()));
    }
}
