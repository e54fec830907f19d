package cn.yunxi.kepu.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.core.MethodParameter;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.annotation.RequestHeaderMethodArgumentResolver;
import org.springframework.web.method.annotation.RequestParamMethodArgumentResolver;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;

import cn.yunxi.kepu.support.HandlerParameters;

/**
 * Every argument the shortcut claims resolves to what Spring's own resolver gives for the same request (the value,
 * or the same exception and message), for absent, empty, single and repeated values; the arguments it leaves alone
 * are not claimed.
 */
class PlainStringArgumentsTest {

    @SuppressWarnings("unused")
    static class Sample {
        void optionalParam(@RequestParam(required = false) String topic) {
        }

        void requiredParam(@RequestParam String topic) {
        }

        void namedParam(@RequestParam(name = "topic", required = false) String query) {
        }

        void requiredHeader(@RequestHeader("If-None-Match") String etag) {
        }

        void optionalHeader(@RequestHeader(value = "If-None-Match", required = false) String etag) {
        }

        void defaulted(@RequestParam(defaultValue = "x") String topic, @RequestHeader(value = "If-None-Match",
                defaultValue = "none") String etag) {
        }

        void notAString(@RequestParam(required = false) Integer topic, @RequestHeader(value = "If-None-Match",
                required = false) List<String> etag) {
        }

        void placeholder(@RequestParam(name = "${topic.name:topic}", required = false) String topic) {
        }
    }

    private final DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
    private final WebDataBinderFactory binders = binders();
    private final PlainStringArguments.Param param = new PlainStringArguments.Param(beanFactory);
    private final PlainStringArguments.Header header = new PlainStringArguments.Header(beanFactory);
    private final RequestParamMethodArgumentResolver springParam = new RequestParamMethodArgumentResolver(beanFactory, false);
    private final RequestHeaderMethodArgumentResolver springHeader = new RequestHeaderMethodArgumentResolver(beanFactory);

    private static final List<Consumer<MockHttpServletRequest>> REQUESTS = List.of(
            r -> { },
            r -> { r.addParameter("topic", ""); r.addHeader("If-None-Match", ""); },
            r -> { r.addParameter("topic", "HEALTH"); r.addHeader("If-None-Match", "\"abc\""); },
            r -> { r.addParameter("topic", " 健康 "); r.addHeader("If-None-Match", "W/\"abc\", \"def\""); },
            r -> { r.addParameter("topic", "A", "B"); r.addHeader("If-None-Match", "\"a\""); r.addHeader("If-None-Match", "\"b\""); },
            r -> { r.addParameter("other", "x"); r.addHeader("Other", "y"); });

    @Test
    void claimedArgumentsResolveAsSpringResolvesThem() throws Exception {
        int compared = 0;
        for (String name : List.of("optionalParam", "requiredParam", "namedParam")) {
            MethodParameter parameter = parameter(name, 0);
            assertThat(param.supportsParameter(parameter)).as(name).isTrue();
            assertThat(header.supportsParameter(parameter)).as(name).isFalse();
            compared += compare(parameter, param, springParam);
        }
        for (String name : List.of("requiredHeader", "optionalHeader")) {
            MethodParameter parameter = parameter(name, 0);
            assertThat(header.supportsParameter(parameter)).as(name).isTrue();
            assertThat(param.supportsParameter(parameter)).as(name).isFalse();
            compared += compare(parameter, header, springHeader);
        }
        assertThat(compared).isEqualTo(5 * REQUESTS.size());

        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/contents");
        REQUESTS.get(2).accept(request);
        assertThat(outcome(header, parameter("requiredHeader", 0), request)).isEqualTo("\"abc\"");
        assertThat(outcome(param, parameter("namedParam", 0), request)).isEqualTo("HEALTH");
        assertThat(outcome(param, parameter("optionalParam", 0), request)).isEqualTo("HEALTH");
    }

    @Test
    void argumentsWithDefaultsOtherTypesOrPlaceholdersAreLeftToSpring() throws Exception {
        for (String name : List.of("defaulted", "notAString")) {
            for (int i = 0; i < 2; i++) {
                MethodParameter parameter = parameter(name, i);
                assertThat(param.supportsParameter(parameter)).as(name + i).isFalse();
                assertThat(header.supportsParameter(parameter)).as(name + i).isFalse();
            }
        }
        assertThat(param.supportsParameter(parameter("placeholder", 0))).isFalse();
    }

    private int compare(MethodParameter parameter, HandlerMethodArgumentResolver ours,
                        HandlerMethodArgumentResolver spring) {
        int n = 0;
        for (Consumer<MockHttpServletRequest> build : REQUESTS) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/contents");
            build.accept(request);
            Object expected = outcome(spring, parameter, request);
            Object actual = outcome(ours, parameter, request);
            assertThat(actual).as("%s for %s", parameter.getMethod().getName(), describe(request)).isEqualTo(expected);
            n++;
        }
        return n;
    }

    private Object outcome(HandlerMethodArgumentResolver resolver, MethodParameter parameter,
                           MockHttpServletRequest request) {
        try {
            return Objects.requireNonNullElse(resolver.resolveArgument(parameter, null, new ServletWebRequest(request),
                    binders), "<null>");
        } catch (Exception e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    private static String describe(MockHttpServletRequest request) {
        List<String> parts = new ArrayList<>();
        request.getParameterMap().forEach((k, v) -> parts.add(k + "=" + List.of(v)));
        request.getHeaderNames().asIterator().forEachRemaining(h -> parts.add(h + ": " + request.getHeader(h)));
        return parts.toString();
    }

    private static MethodParameter parameter(String method, int index) {
        return HandlerParameters.of(Sample.class, method, index);
    }

    /** Binders as the application's adapter makes them: with a conversion service. */
    private static WebDataBinderFactory binders() {
        return HandlerParameters.binders(new DefaultFormattingConversionService());
    }
}
