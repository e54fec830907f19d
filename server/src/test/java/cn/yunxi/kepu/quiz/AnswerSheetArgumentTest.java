package cn.yunxi.kepu.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.http.converter.ByteArrayHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.support.StaticWebApplicationContext;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestResponseBodyMethodProcessor;

import jakarta.validation.Valid;

import cn.yunxi.kepu.common.web.ResolversAheadOfSpring;
import cn.yunxi.kepu.support.HandlerParameters;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answer sheet read straight from the request is what Spring's {@code @RequestBody} processor gives for the same
 * request: the same value, or the same exception with the same message, for plain JSON bodies, malformed and empty
 * ones, and every request it leaves to Spring (other content types and charsets, unknown lengths).
 */
class AnswerSheetArgumentTest {

    @SuppressWarnings("unused")
    static class Sample {
        void submit(@RequestBody AnswersRequest request) {
        }

        void optional(@RequestBody(required = false) AnswersRequest request) {
        }

        void validated(@Valid @RequestBody AnswersRequest request) {
        }

        void other(@RequestBody PracticeAnswer request) {
        }

        void notABody(AnswersRequest request) {
        }
    }

    record PracticeAnswer(Long questionId) {
    }

    private static final String SHEET = "{\"answers\":[{\"questionId\":12,\"selected\":[2,0]},"
            + "{\"questionId\":\"13\",\"selected\":[]},{\"questionId\":14,\"selected\":[1],\"note\":\"第一题\"}]}";

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final List<HttpMessageConverter<?>> converters = List.of(new ByteArrayHttpMessageConverter(),
            new StringHttpMessageConverter(), new JacksonJsonHttpMessageConverter(mapper));
    private final RequestResponseBodyMethodProcessor spring = new RequestResponseBodyMethodProcessor(converters);
    private final AtomicInteger delegated = new AtomicInteger();
    private final AnswerSheetArgument ours = new AnswerSheetArgument(new HandlerMethodArgumentResolver() {
        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return spring.supportsParameter(parameter);
        }

        @Override
        public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                      WebDataBinderFactory binderFactory) throws Exception {
            delegated.incrementAndGet();
            return spring.resolveArgument(parameter, mav, request, binderFactory);
        }
    }, mapper.readerFor(AnswersRequest.class));
    private final WebDataBinderFactory binders = binders();

    /** A request of each kind: content type, body and whether its length is known. */
    private static final List<Consumer<MockHttpServletRequest>> REQUESTS = List.of(
            r -> body(r, "application/json", SHEET),
            r -> body(r, "application/json;charset=UTF-8", SHEET),
            r -> body(r, "application/json; charset=utf-8", "{\"answers\":[]}"),
            r -> body(r, "APPLICATION/JSON", "{}"),
            r -> body(r, "application/json", "{\"answers\":null,\"x\":[1,{\"y\":2}]}"),
            r -> body(r, "application/json", "null"),
            r -> body(r, "application/json", "   "),
            r -> body(r, "application/json", ""),
            r -> body(r, "application/json", "{\"answers\":[{\"questionId\":1,"),
            r -> body(r, "application/json", "{\"answers\":[1]}"),
            r -> body(r, "application/json", "{\"answers\":[{\"questionId\":\"x\"}]}"),
            r -> body(r, "application/json", "{} trailing"),
            r -> body(r, "application/json", "[]"),
            r -> body(r, "application/json;charset=ISO-8859-1", SHEET),
            r -> body(r, "application/json;charset=UTF-16", SHEET),
            r -> body(r, "application/json;v=2", SHEET),
            r -> body(r, "application/problem+json", SHEET),
            r -> body(r, "text/plain", SHEET),
            r -> body(r, "application/", SHEET),
            r -> body(r, null, SHEET),
            r -> body(r, null, ""),
            r -> {
                r.setContentType("application/json");
                r.setContent(SHEET.getBytes(StandardCharsets.UTF_16));
            },
            r -> {
                body(r, "application/json", SHEET);
                r.addHeader("X-Length", "unknown");
            });

    private static void body(MockHttpServletRequest request, String contentType, String body) {
        if (contentType != null) {
            request.setContentType(contentType);
        }
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsWhatSpringReadsAndRefusesWhatSpringRefuses() throws Exception {
        // 13 requests are plain JSON with a length (all before the ISO-8859-1 one except the empty body, and the UTF-16
        // body without a charset), read here; the rest go to Spring
        int plainJson = 13;
        for (String method : List.of("submit", "optional")) {
            MethodParameter parameter = parameter(method);
            assertThat(ours.supportsParameter(parameter)).as(method).isTrue();
            for (Consumer<MockHttpServletRequest> build : REQUESTS) {
                Object expected = outcome(spring, parameter, build);
                Object actual = outcome(ours, parameter, build);
                assertThat(actual).as("%s with %s", method, describe(build)).isEqualTo(expected);
            }
        }
        assertThat(delegated).hasValue(2 * (REQUESTS.size() - plainJson));
        MockHttpServletRequest plain = request(REQUESTS.get(0));
        assertThat(ours.resolveArgument(parameter("submit"), null, new ServletWebRequest(plain), binders))
                .isEqualTo(new AnswersRequest(List.of(new AnswersRequest.Answer(12L, List.of(2, 0)),
                        new AnswersRequest.Answer(13L, List.of()), new AnswersRequest.Answer(14L, List.of(1)))));
    }

    @Test
    void leavesValidatedBodiesOtherTypesAndNonBodiesToSpring() {
        assertThat(ours.supportsParameter(parameter("validated"))).isFalse();
        assertThat(ours.supportsParameter(parameter("other"))).isFalse();
        assertThat(ours.supportsParameter(parameter("notABody"))).isFalse();
    }

    @Test
    void goesAheadOfSpringsBodyProcessorWithTheJsonConvertersMapper() {
        RequestMappingHandlerAdapter adapter = new RequestMappingHandlerAdapter();
        adapter.setMessageConverters(new ArrayList<>(converters));
        StaticWebApplicationContext context = new StaticWebApplicationContext();
        context.refresh();
        adapter.setApplicationContext(context);
        adapter.afterPropertiesSet();

        ResolversAheadOfSpring.putFirst(adapter, Stream.of(new AnswerSheetArgument.Registration().answerSheetArgument()));

        List<HandlerMethodArgumentResolver> resolvers = adapter.getArgumentResolvers();
        assertThat(resolvers.get(0)).isInstanceOf(AnswerSheetArgument.class);
        assertThat(resolvers.get(0).supportsParameter(parameter("submit"))).isTrue();
        assertThat(resolvers.stream().filter(RequestResponseBodyMethodProcessor.class::isInstance)).hasSize(1);
    }

    private Object outcome(HandlerMethodArgumentResolver resolver, MethodParameter parameter,
                           Consumer<MockHttpServletRequest> build) {
        try {
            return Objects.requireNonNullElse(resolver.resolveArgument(parameter, new ModelAndViewContainer(),
                    new ServletWebRequest(request(build)), binders), "<null>");
        } catch (Exception e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    /** The request; one with an X-Length header reports no length, as a chunked body does. */
    private static MockHttpServletRequest request(Consumer<MockHttpServletRequest> build) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/attempts/1/submit") {
            @Override
            public int getContentLength() {
                return getHeader("X-Length") != null ? -1 : super.getContentLength();
            }

            @Override
            public long getContentLengthLong() {
                return getContentLength();
            }
        };
        build.accept(request);
        return request;
    }

    private static String describe(Consumer<MockHttpServletRequest> build) {
        MockHttpServletRequest request = request(build);
        return request.getContentType() + " / " + request.getContentLengthLong() + " bytes";
    }

    private static MethodParameter parameter(String method) {
        return HandlerParameters.of(Sample.class, method, 0);
    }

    /** Binders as the application's adapter makes them: with a conversion service. */
    private static WebDataBinderFactory binders() {
        return HandlerParameters.binders(new DefaultFormattingConversionService());
    }
}
