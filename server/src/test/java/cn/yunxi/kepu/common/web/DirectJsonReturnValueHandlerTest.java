package cn.yunxi.kepu.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestResponseBodyMethodProcessor;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonView;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.util.RawValue;

/**
 * For a body it claims the handler gives every request the answer Spring's
 * {@link RequestResponseBodyMethodProcessor} gives (same status, headers in the same order, bytes, committed
 * alike). The requests with nothing to negotiate are written by the handler itself (checked: Spring's processor is
 * not called for them); the others (other Accept headers, several of them, other methods, file extensions,
 * {@code produces}) are Spring's answer, including its 406.
 */
class DirectJsonReturnValueHandlerTest {

    record Standing(int rank, String name) {
    }

    record Mine(Integer rank, Integer score, Long durationMs) {
    }

    /** Shaped as a leaderboard answer: a number, pre-encoded JSON, a nested record with nulls. */
    @JsonPropertyOrder({"participants", "items", "me"})
    record Board(long participants, @JsonIgnore String items, Mine me) {

        @JsonProperty("items")
        RawValue rawItems() {
            SerializedString encoded = new SerializedString(items);
            encoded.asUnquotedUTF8();
            return new RawValue(encoded);
        }
    }

    static class NotFinal {
        public int value = 1;
    }

    record Page<T>(List<T> items, long total) {
    }

    @SuppressWarnings("unused")
    static class Sample {
        @ResponseBody
        Board board() {
            return null;
        }

        Board withoutResponseBody() {
            return null;
        }

        @ResponseBody
        @JsonView(Standing.class)
        Board withView() {
            return null;
        }

        @ResponseBody
        NotFinal notFinal() {
            return null;
        }

        @ResponseBody
        Page<Standing> page() {
            return null;
        }

        @ResponseBody
        Integer count() {
            return null;
        }

        @ResponseBody
        String text() {
            return null;
        }

        @ResponseBody
        byte[] bytes() {
            return null;
        }

        @ResponseBody
        java.util.Optional<Board> maybe() {
            return null;
        }

        @ResponseBody
        List<Board> boards() {
            return null;
        }

        @ResponseBody
        void nothing() {
        }
    }

    private static final Board BOARD = new Board(200_000,
            "[{\"rank\":1,\"name\":\"陆城样例村1 居民\",\"score\":100},{\"rank\":2,\"name\":\"快\",\"score\":95}]",
            new Mine(3, 90, 61_250L));
    private static final Board NOBODY = new Board(0, "[]", new Mine(null, null, null));

    private final SpringReturnValueHandlers springHandlers = new SpringReturnValueHandlers();
    private final HandlerMethodReturnValueHandler spring = springHandlers.find(RequestResponseBodyMethodProcessor.class);
    private final AtomicInteger delegated = new AtomicInteger();
    private final DirectJsonReturnValueHandler handler =
            new DirectJsonReturnValueHandler(counting(spring), springHandlers.converters(), true);

    private static final List<Consumer<MockHttpServletRequest>> PLAIN = List.of(
            r -> { },
            r -> r.addHeader("Accept", "*/*"),
            r -> r.addHeader("Accept", "application/json"),
            r -> { r.setQueryString("top=50"); r.addParameter("top", "50"); r.addHeader("Authorization", "Bearer x"); },
            r -> r.setRequestURI("/api/v1.2/quizzes/7/leaderboard"));

    private static final List<Consumer<MockHttpServletRequest>> OTHERS = List.of(
            r -> r.addHeader("Accept", "text/plain"),
            r -> r.addHeader("Accept", "application/xml"),
            r -> r.addHeader("Accept", "application/json;q=0.9, */*;q=0.1"),
            r -> r.addHeader("Accept", "application/*+json"),
            r -> r.addHeader("Accept", "application/json, text/plain"),
            r -> { r.addHeader("Accept", "application/json"); r.addHeader("Accept", "text/plain"); },
            r -> r.addHeader("Accept", "application/json;charset=UTF-8"),
            r -> r.addHeader("Accept", "application/problem+json"),
            r -> r.setMethod("HEAD"),
            r -> r.setMethod("POST"),
            r -> r.setRequestURI("/api/v1/quizzes/7/leaderboard.exe"),
            r -> r.setRequestURI("/api/v1/quizzes/7/leaderboard;a=b.exe"),
            r -> r.setRequestURI("/api/v1/quizzes/7/leaderboard%2Eexe"),
            r -> r.setAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE, java.util.Set.of(MediaType.TEXT_PLAIN)),
            r -> r.setDispatcherType(jakarta.servlet.DispatcherType.ERROR));

    @Test
    void requestsWithNothingToNegotiateAreWrittenDirectlyAsSpringWritesThem() throws Exception {
        for (Consumer<MockHttpServletRequest> request : PLAIN) {
            for (Board board : List.of(BOARD, NOBODY)) {
                int before = delegated.get();
                compare(board, request);
                assertThat(delegated.get()).as("written without Spring's processor").isEqualTo(before);
            }
        }
    }

    @Test
    void otherRequestsGetSpringsAnswer() throws Exception {
        for (Consumer<MockHttpServletRequest> request : OTHERS) {
            int before = delegated.get();
            compare(BOARD, request);
            assertThat(delegated.get()).as("left to Spring's processor").isEqualTo(before + 1);
        }
    }

    /**
     * Claimed: final types only the JSON converter writes (records, generic ones too, boxed numbers); not types
     * another converter writes (text, bytes), containers and optionals (Spring writes those with their generic
     * type), classes an answer could subclass, views, or methods without a response body.
     */
    @Test
    void claimsFinalBodiesOnlyTheJsonConverterWritesWithoutViews() throws Exception {
        assertThat(handler.supportsReturnType(returnType("board"))).isTrue();
        assertThat(handler.supportsReturnType(returnType("board"))).isTrue(); // remembered
        assertThat(handler.supportsReturnType(returnType("page"))).isTrue();
        assertThat(handler.supportsReturnType(returnType("count"))).isTrue();
        for (String method : List.of("withoutResponseBody", "withView", "notFinal", "text", "bytes", "maybe", "boards",
                "nothing")) {
            assertThat(handler.supportsReturnType(returnType(method))).as(method).isFalse();
        }
    }

    /** A generic record and a boxed number are written as Spring writes them. */
    @Test
    void genericRecordsAndNumbersAreWrittenAsSpringWritesThem() throws Exception {
        for (Consumer<MockHttpServletRequest> request : PLAIN) {
            int before = delegated.get();
            compare(new Page<>(List.of(new Standing(1, "陆城"), new Standing(2, "云溪")), 2), "page", request);
            compare(42, "count", request);
            assertThat(delegated.get()).as("written without Spring's processor").isEqualTo(before);
        }
    }

    @Test
    void withResponseBodyAdviceEverythingGoesToSpring() {
        DirectJsonReturnValueHandler advised =
                new DirectJsonReturnValueHandler(spring, springHandlers.converters(), false);
        assertThat(advised.writesDirectly(request(r -> { }))).isFalse();
        assertThat(handler.writesDirectly(request(r -> { }))).isTrue();
    }

    private void compare(Board board, Consumer<MockHttpServletRequest> customiser) throws Exception {
        compare(board, "board", customiser);
    }

    private void compare(Object body, String method, Consumer<MockHttpServletRequest> customiser) throws Exception {
        MockHttpServletResponse expected = new MockHttpServletResponse();
        ModelAndViewContainer expectedMav = new ModelAndViewContainer();
        Exception expectedFailure = null;
        try {
            spring.handleReturnValue(body, returnType(method), expectedMav,
                    new ServletWebRequest(request(customiser), expected));
        } catch (Exception e) {
            expectedFailure = e;
        }

        MockHttpServletResponse actual = new MockHttpServletResponse();
        ModelAndViewContainer actualMav = new ModelAndViewContainer();
        Exception actualFailure = null;
        try {
            handler.handleReturnValue(body, returnType(method), actualMav,
                    new ServletWebRequest(request(customiser), actual));
        } catch (Exception e) {
            actualFailure = e;
        }

        String what = describe(customiser);
        assertThat(actualFailure == null ? null : actualFailure.getClass()).as(what)
                .isEqualTo(expectedFailure == null ? null : expectedFailure.getClass());
        assertThat(actual.getStatus()).as(what).isEqualTo(expected.getStatus());
        assertThat(headers(actual)).as(what).isEqualTo(headers(expected));
        assertThat(actual.getContentAsByteArray()).as(what).isEqualTo(expected.getContentAsByteArray());
        assertThat(actual.getContentType()).as(what).isEqualTo(expected.getContentType());
        assertThat(actual.getCharacterEncoding()).as(what).isEqualTo(expected.getCharacterEncoding());
        assertThat(actual.isCommitted()).as(what).isEqualTo(expected.isCommitted());
        assertThat(actualMav.isRequestHandled()).as(what).isEqualTo(expectedMav.isRequestHandled());
    }

    private static List<String> headers(MockHttpServletResponse response) {
        List<String> all = new ArrayList<>();
        for (String name : response.getHeaderNames()) {
            all.add(name + ": " + response.getHeaders(name));
        }
        return all;
    }

    private static MockHttpServletRequest request(Consumer<MockHttpServletRequest> customiser) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/quizzes/7/leaderboard");
        customiser.accept(request);
        return request;
    }

    private static String describe(Consumer<MockHttpServletRequest> customiser) {
        MockHttpServletRequest r = request(customiser);
        List<String> headers = new ArrayList<>();
        r.getHeaderNames().asIterator().forEachRemaining(n -> headers.add(n + "=" + java.util.Collections.list(r.getHeaders(n))));
        return r.getMethod() + " " + r.getRequestURI() + " " + r.getDispatcherType() + " " + headers;
    }

    private static MethodParameter returnType(String method) throws NoSuchMethodException {
        return new MethodParameter(Sample.class.getDeclaredMethod(method), -1);
    }

    private HandlerMethodReturnValueHandler counting(HandlerMethodReturnValueHandler delegate) {
        return new HandlerMethodReturnValueHandler() {
            @Override
            public boolean supportsReturnType(MethodParameter returnType) {
                return delegate.supportsReturnType(returnType);
            }

            @Override
            public void handleReturnValue(Object value, MethodParameter returnType, ModelAndViewContainer mav,
                                          NativeWebRequest request) throws Exception {
                delegated.incrementAndGet();
                delegate.handleReturnValue(value, returnType, mav, request);
            }
        };
    }
}
