package cn.yunxi.kepu.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import jakarta.servlet.http.HttpServletRequest;

/**
 * {@link PlainPathFirewall} accepts and rejects exactly the requests Spring's strict firewall (configured the same
 * way) accepts and rejects, with the same message, for crafted and random paths full of what the blocklists and
 * the normalisation check look for.
 */
class PlainPathFirewallTest {

    private static final String[] FRAGMENTS = {"/", "/", "/", "//", "a", "api", "v1", "ping", "contents", "12", ".", "..",
        "/./", "/../", "%2e", "%2E", "%2e%2e", "%2f", "%2F", "%2f%2F", "%25", "%", "%20", "%7e", ";", ";jsessionid=1",
        "%3b", "%3B", "\\", "%5c", "%5C", "%00", "\u0000", "\n", "%0a", "%0A", "\r", "%0d", "%0D", "\u2028", "\u2029",
        "科普", "\u007f", "\u0085", "\t", " ", "~", "-", "_", "?", "#", "+", "=", "&", "@", ":", "!", "$", "'", "(", ")",
        "*", ",", "e", "2", "f", "F"};

    private final StrictHttpFirewall spring = springFirewall();
    private final HttpFirewall plain = new SecurityConfig().httpFirewall();

    private static StrictHttpFirewall springFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        SecurityConfig.configureFirewall(firewall);
        return firewall;
    }

    @Test
    void decidesCraftedPathsAsSpringDoes() {
        List<String> paths = List.of("/api/v1/ping", "/api/v1/contents/12", "/", "", "/api//v1/ping", "//api",
                "/api/v1/ping/", "/api/./v1", "/api/../v1", "/api/v1/..", "/api/v1/.", "/.", "/..", "./api", "../api",
                "/api/v1/%2e%2e/admin", "/api/%2E/v1", "/api%2fv1", "/api%2Fv1", "/api%2f%2fv1", "/api;x=1/v1",
                "/api/v1;jsessionid=1", "/api%3bv1", "/api%3Bv1", "/api\\v1", "/api%5cv1", "/api%5Cv1", "/api%25v1",
                "/api%v1", "/api%20v1", "/api/v1/ping%00", "/api/v1/ping\u0000", "/api\nv1", "/api%0av1", "/api%0Av1",
                "/api\rv1", "/api%0dv1", "/api%0Dv1", "/api\u2028v1", "/api\u2029v1", "/api/科普", "/api/\u007f",
                "/api/\u0085", "/api/\tv1", "/api/ v1", "/a.b/c-d/e_f/~g", "/api/v1/contents/1.json", "/...", "/.../a",
                "/api/v1/../../etc/passwd", "/api/v1/%2e%2e%2f%2e%2e", "/api/v1/.%2e/x");
        for (String path : paths) {
            assertSameDecision(request("", path, path, null));
            assertSameDecision(request("", path, "/api", path.isEmpty() ? null : path));
            assertSameDecision(request(path, "/ok", "/ok", null));
            assertSameDecision(request("", "/ok", path, null));
            assertSameDecision(request("", "/ok", "/ok", path));
        }
    }

    /** Each of the four paths the firewall reads, independently, from fragments of everything it looks for. */
    @Test
    void decidesRandomPathsAsSpringDoes() {
        Random random = new Random(7);
        int acceptedPlain = 0;
        int rejected = 0;
        for (int n = 0; n < 100_000; n++) {
            MockHttpServletRequest request = request(randomPath(random, true), randomPath(random, false),
                    randomPath(random, false), randomPath(random, true));
            String springOutcome = assertSameDecision(request);
            if (springOutcome == null && PlainPathFirewall.isPlain(request.getRequestURI())
                    && PlainPathFirewall.isPlain(request.getServletPath())) {
                acceptedPlain++;
            } else if (springOutcome != null) {
                rejected++;
            }
        }
        // both kinds are well represented
        assertThat(acceptedPlain).isGreaterThan(1_000);
        assertThat(rejected).isGreaterThan(10_000);
    }

    @Test
    void stillChecksMethodsHeadersAndParametersOnPlainPaths() {
        MockHttpServletRequest trace = request("", "/api/v1/ping", "/api/v1/ping", null);
        trace.setMethod("TRACE");
        assertThat(messageOf(() -> plain.getFirewalledRequest(trace))).contains("TRACE")
                .isEqualTo(messageOf(() -> spring.getFirewalledRequest(trace)));

        MockHttpServletRequest request = request("", "/api/v1/contents", "/api/v1/contents", null);
        request.addParameter("to\u0000pic", "x");
        request.addHeader("X-Bad", "a\u0000b");
        request.addHeader("X-Ok", "科普 \tvalue");
        HttpServletRequest checked = plain.getFirewalledRequest(request);
        assertThat(checked.getHeader("X-Ok")).isEqualTo("科普 \tvalue");
        assertThatThrownBy(() -> checked.getHeader("X-Bad")).isInstanceOf(RequestRejectedException.class);
        assertThatThrownBy(() -> checked.getParameter("to\u0000pic")).isInstanceOf(RequestRejectedException.class);
    }

    @Test
    void refusesToStartWithABlocklistEntryAPlainPathCouldHold() {
        assertThatThrownBy(() -> new PlainPathFirewall(firewall -> firewall.getDecodedUrlBlocklist().add("/admin")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new PlainPathFirewall(firewall -> firewall.getEncodedUrlBlocklist().add("..")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void plainMeansUnreservedCharactersAndSingleSlashes() {
        assertThat(PlainPathFirewall.isPlain(null)).isTrue();
        assertThat(PlainPathFirewall.isPlain("")).isTrue();
        assertThat(PlainPathFirewall.isPlain("/api/v1/contents/12")).isTrue();
        assertThat(PlainPathFirewall.isPlain("/a.b/c-d/e_f/~g")).isTrue();
        for (String path : List.of("//", "/a//b", "/a%2fb", "/a;b", "/a\\b", "/a b", "/科", "/a\u0000", "/a?b", "/a+b")) {
            assertThat(PlainPathFirewall.isPlain(path)).as(path).isFalse();
        }
    }

    /** @return null when both accepted the request, else the (same) rejection message */
    private String assertSameDecision(MockHttpServletRequest request) {
        String expected = messageOf(() -> spring.getFirewalledRequest(request));
        String actual = messageOf(() -> plain.getFirewalledRequest(request));
        assertThat(actual).as("context %s, uri %s, servlet path %s, path info %s", printable(request.getContextPath()),
                printable(request.getRequestURI()), printable(request.getServletPath()),
                printable(request.getPathInfo())).isEqualTo(expected);
        return expected;
    }

    private static String messageOf(Runnable firewall) {
        try {
            firewall.run();
            return null;
        } catch (RequestRejectedException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    private static MockHttpServletRequest request(String contextPath, String uri, String servletPath, String pathInfo) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
        request.setContextPath(contextPath);
        request.setServletPath(servletPath);
        request.setPathInfo(pathInfo);
        return request;
    }

    private static String randomPath(Random random, boolean oftenAbsent) {
        int kind = random.nextInt(10);
        if (oftenAbsent && kind < 5) {
            return kind < 2 ? null : "";
        }
        List<String> parts = new ArrayList<>();
        int length = random.nextInt(7);
        for (int i = 0; i < length; i++) {
            // plain fragments most of the time, so that many paths reach the fast path
            parts.add(random.nextInt(3) == 0 ? FRAGMENTS[random.nextInt(FRAGMENTS.length)]
                    : FRAGMENTS[random.nextInt(12)]);
        }
        return (random.nextBoolean() ? "/" : "") + String.join(random.nextBoolean() ? "/" : "", parts);
    }

    private static String printable(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder();
        s.chars().forEach(c -> sb.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return sb.toString();
    }
}
