package cn.yunxi.kepu.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.HttpEntityMethodProcessor;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityReturnValueHandler;

/**
 * The handler gives every request the answer Spring's handler of {@link ResponseEntity} return values (its
 * {@link HttpEntityMethodProcessor}) gives for the entity it stands for: same status, same headers in the same
 * order, same body, committed alike.
 * The plain requests are written by the handler itself (checked: Spring's processor is not called for them); the
 * others (preconditions, HEAD, file extensions, path parameters, 304s) are Spring's answer.
 */
class PreRenderedJsonReturnValueHandlerTest {

    @SuppressWarnings("unused")
    static class Sample {
        PreRenderedJson content() {
            return null;
        }

        ResponseEntity<byte[]> entity() {
            return null;
        }
    }

    private static final CacheControl CACHE = CacheControl.noCache().cachePrivate();
    private static final String ETAG = "\"0123456789abcdef01234567\"";
    private static final PreRenderedJson OK = PreRenderedJson.ok(ETAG, CACHE,
            "{\"items\":[{\"title\":\"防汛科普\"}],\"total\":1}".getBytes(StandardCharsets.UTF_8));
    private static final PreRenderedJson NOT_MODIFIED = new PreRenderedJson(HttpStatus.NOT_MODIFIED, ETAG, CACHE, null);

    private final HandlerMethodReturnValueHandler spring =
            new SpringReturnValueHandlers().find(ResponseEntityReturnValueHandler.class);
    private final AtomicInteger delegated = new AtomicInteger();
    private final PreRenderedJsonReturnValueHandler handler = new PreRenderedJsonReturnValueHandler(counting(spring), true);

    private static final List<Consumer<MockHttpServletRequest>> PLAIN = List.of(
            r -> { },
            r -> r.setRequestURI("/api/v1/contents/42"),
            r -> { r.setQueryString("page=1&size=20"); r.addParameter("page", "1"); r.addParameter("size", "20"); },
            r -> { r.addHeader("Accept", "application/json"); r.addHeader("Authorization", "Bearer x"); },
            r -> r.addHeader("Accept", "text/plain"),
            r -> r.setRequestURI("/api/v1.2/contents"));

    private static final List<Consumer<MockHttpServletRequest>> OTHERS = List.of(
            r -> r.addHeader("If-None-Match", ETAG),
            r -> r.addHeader("If-None-Match", "W/" + ETAG),
            r -> r.addHeader("If-None-Match", "\"other\", " + ETAG),
            r -> r.addHeader("If-None-Match", "*"),
            r -> r.addHeader("If-None-Match", "\"other\""),
            r -> r.addHeader("If-None-Match", ""),
            r -> r.addHeader("If-Match", "\"other\""),
            r -> r.addHeader("If-Match", ETAG),
            r -> r.addHeader("If-Modified-Since", "Fri, 04 Dec 2026 10:00:00 GMT"),
            r -> r.addHeader("If-Unmodified-Since", "Fri, 04 Dec 2026 10:00:00 GMT"),
            r -> r.setMethod("HEAD"),
            r -> { r.setMethod("HEAD"); r.addHeader("If-None-Match", ETAG); },
            r -> r.setMethod("POST"),
            r -> r.setRequestURI("/api/v1/contents/42.exe"),
            r -> r.setRequestURI("/api/v1/contents/42.json"),
            r -> r.setRequestURI("/api/v1/contents;a=b.exe"),
            r -> r.setRequestURI("/api/v1/contents/42%2Eexe"),
            r -> r.setDispatcherType(jakarta.servlet.DispatcherType.ERROR));

    @Test
    void plainRequestsAreWrittenDirectlyAsSpringWritesThem() throws Exception {
        for (Consumer<MockHttpServletRequest> request : PLAIN) {
            int before = delegated.get();
            compare(OK, request);
            assertThat(delegated.get()).as("written without Spring's processor").isEqualTo(before);
        }
    }

    @Test
    void otherRequestsGetSpringsAnswer() throws Exception {
        for (Consumer<MockHttpServletRequest> request : OTHERS) {
            int before = delegated.get();
            compare(OK, request);
            assertThat(delegated.get()).as("left to Spring's processor").isEqualTo(before + 1);
        }
        for (Consumer<MockHttpServletRequest> request : concat(PLAIN, OTHERS)) {
            compare(NOT_MODIFIED, request);
        }
    }

    @Test
    void entityTagsWithoutQuotesAndMissingAnswersAreSpringsToo() throws Exception {
        compare(PreRenderedJson.ok("0123abc", CACHE, new byte[] {'{', '}'}), r -> { });
        compare(PreRenderedJson.ok(ETAG, CacheControl.empty(), new byte[] {'{', '}'}), r -> { });
        compare(PreRenderedJson.ok(ETAG, CacheControl.empty(), new byte[0]), r -> { });
        compare(null, r -> { });
    }

    @Test
    void claimsOnlyItsOwnReturnType() throws Exception {
        assertThat(handler.supportsReturnType(returnType("content"))).isTrue();
        assertThat(handler.supportsReturnType(returnType("entity"))).isFalse();
    }

    @Test
    void withResponseBodyAdviceEverythingGoesToSpring() throws Exception {
        PreRenderedJsonReturnValueHandler advised = new PreRenderedJsonReturnValueHandler(counting(spring), false);
        MockHttpServletRequest request = request(r -> { });
        assertThat(advised.writesDirectly(OK, request)).isFalse();
        assertThat(handler.writesDirectly(OK, request)).isTrue();
    }

    private void compare(PreRenderedJson answer, Consumer<MockHttpServletRequest> customiser) throws Exception {
        MockHttpServletResponse expected = new MockHttpServletResponse();
        ModelAndViewContainer expectedMav = new ModelAndViewContainer();
        spring.handleReturnValue(answer == null ? null : answer.toResponseEntity(), returnType("entity"), expectedMav,
                new ServletWebRequest(request(customiser), expected));

        MockHttpServletResponse actual = new MockHttpServletResponse();
        ModelAndViewContainer actualMav = new ModelAndViewContainer();
        handler.handleReturnValue(answer, returnType("content"), actualMav,
                new ServletWebRequest(request(customiser), actual));

        String what = describe(customiser) + " " + (answer == null ? "null" : answer.status());
        assertThat(actual.getStatus()).as(what).isEqualTo(expected.getStatus());
        assertThat(headers(actual)).as(what).isEqualTo(headers(expected));
        assertThat(actual.getContentAsByteArray()).as(what).isEqualTo(expected.getContentAsByteArray());
        assertThat(actual.getContentType()).as(what).isEqualTo(expected.getContentType());
        assertThat(actual.getContentLengthLong()).as(what).isEqualTo(expected.getContentLengthLong());
        assertThat(actual.getCharacterEncoding()).as(what).isEqualTo(expected.getCharacterEncoding());
        assertThat(actual.isCommitted()).as(what).isEqualTo(expected.isCommitted());
        assertThat(actualMav.isRequestHandled()).as(what).isEqualTo(expectedMav.isRequestHandled());
    }

    /** Every header, in order, with all its values. */
    private static List<String> headers(MockHttpServletResponse response) {
        List<String> all = new ArrayList<>();
        for (String name : response.getHeaderNames()) {
            all.add(name + ": " + response.getHeaders(name));
        }
        return all;
    }

    private static MockHttpServletRequest request(Consumer<MockHttpServletRequest> customiser) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/contents");
        customiser.accept(request);
        return request;
    }

    private static String describe(Consumer<MockHttpServletRequest> customiser) {
        MockHttpServletRequest r = request(customiser);
        List<String> headers = new ArrayList<>();
        r.getHeaderNames().asIterator().forEachRemaining(n -> headers.add(n + "=" + r.getHeader(n)));
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

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
