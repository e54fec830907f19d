package cn.yunxi.kepu.support;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Objects;

import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.SynthesizingMethodParameter;
import org.springframework.core.convert.ConversionService;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.support.ConfigurableWebBindingInitializer;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.mvc.method.annotation.ServletRequestDataBinderFactory;

/** Handler-method parameters and data binders as Spring MVC sees them, for tests of argument resolvers. */
public final class HandlerParameters {

    private HandlerParameters() {
    }

    /** Parameter {@code index} of the named method, with {@code @AliasFor} resolved (value is name) and names known. */
    public static MethodParameter of(Class<?> handler, String method, int index) {
        for (Method m : handler.getDeclaredMethods()) {
            if (m.getName().equals(method)) {
                MethodParameter parameter = new SynthesizingMethodParameter(m, index);
                parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
                return parameter;
            }
        }
        throw new IllegalArgumentException(method);
    }

    /** Binders as the application's adapter makes them: with a conversion service. */
    public static WebDataBinderFactory binders(ConversionService conversions) {
        ConfigurableWebBindingInitializer initializer = new ConfigurableWebBindingInitializer();
        initializer.setConversionService(conversions);
        return new ServletRequestDataBinderFactory(List.of(), initializer);
    }

    /** What a resolver makes of the request: the value and its class, or the exception's class and message. */
    public static String outcome(HandlerMethodArgumentResolver resolver, MethodParameter parameter,
                                 MockHttpServletRequest request, WebDataBinderFactory binders) {
        try {
            Object value = resolver.resolveArgument(parameter, null, new ServletWebRequest(request), binders);
            return Objects.requireNonNullElse(value, "<null>") + " (" + (value == null ? "" : value.getClass()) + ")";
        } catch (Exception e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
