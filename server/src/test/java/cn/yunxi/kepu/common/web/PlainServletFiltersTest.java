package cn.yunxi.kepu.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.boot.servlet.autoconfigure.ServletEncodingProperties;
import org.springframework.boot.servlet.filter.OrderedCharacterEncodingFilter;
import org.springframework.boot.servlet.filter.OrderedFormContentFilter;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The plain filters leave each request and response exactly as Boot's character-encoding and form-content filters
 * leave them: the same encodings, the same parameters seen further down the chain.
 */
class PlainServletFiltersTest {

    private final PlainServletFilters config = new PlainServletFilters();

    @Test
    void encodingIsAppliedAsTheCharacterEncodingFilterAppliesIt() throws Exception {
        for (ServletEncodingProperties properties : encodingSettings()) {
            OrderedCharacterEncodingFilter spring = config.characterEncodingFilter(properties);
            Filter plain = new PlainServletFilters.RequestEncoding(config.characterEncodingFilter(properties));
            for (String incoming : Arrays.asList(null, "ISO-8859-1", "UTF-8", "GBK")) {
                for (String responseEncoding : Arrays.asList(null, "GBK")) {
                    assertThat(encodingsAfter(plain, incoming, responseEncoding))
                            .as("force %s/%s, request %s, response %s", properties.shouldForce(
                                    ServletEncodingProperties.HttpMessageType.REQUEST), properties.shouldForce(
                                    ServletEncodingProperties.HttpMessageType.RESPONSE), incoming, responseEncoding)
                            .isEqualTo(encodingsAfter(spring, incoming, responseEncoding));
                }
            }
        }
    }

    @Test
    void formBodiesAreReadAsTheFormContentFilterReadsThem() throws Exception {
        Filter spring = config.formContentFilter();
        Filter plain = new PlainServletFilters.FormBodies(config.formContentFilter());
        List<String> seen = new ArrayList<>();
        for (String method : List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "put")) {
            for (String contentType : Arrays.asList(null, "application/x-www-form-urlencoded",
                    "application/x-www-form-urlencoded;charset=UTF-8", "application/json", "text/plain")) {
                String expected = parametersAfter(spring, method, contentType);
                assertThat(parametersAfter(plain, method, contentType)).as("%s %s", method, contentType)
                        .isEqualTo(expected);
                seen.add(expected);
            }
        }
        // the form bodies of PUT, PATCH and DELETE were parsed (and nothing else's)
        assertThat(seen).contains("{a=[1, 2], b=[科普], q=[x]}", "{q=[x]}");
    }

    private static List<ServletEncodingProperties> encodingSettings() {
        List<ServletEncodingProperties> settings = new ArrayList<>();
        settings.add(new ServletEncodingProperties()); // the defaults this application runs with
        for (boolean force : List.of(true, false)) {
            ServletEncodingProperties p = new ServletEncodingProperties();
            p.setForce(force);
            settings.add(p);
        }
        ServletEncodingProperties response = new ServletEncodingProperties();
        response.setForceResponse(true);
        response.setCharset(StandardCharsets.ISO_8859_1);
        settings.add(response);
        return settings;
    }

    private static List<String> encodingsAfter(Filter filter, String requestEncoding, String responseEncoding)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/ping");
        request.setCharacterEncoding(requestEncoding);
        MockHttpServletResponse response = new MockHttpServletResponse();
        if (responseEncoding != null) {
            response.setCharacterEncoding(responseEncoding);
        }
        List<String> seen = new ArrayList<>();
        filter.doFilter(request, response, (req, res) -> seen.add(req.getCharacterEncoding() + "/"
                + res.getCharacterEncoding()));
        seen.add(request.getCharacterEncoding() + "/" + response.getCharacterEncoding());
        return seen;
    }

    private static String parametersAfter(Filter filter, String method, String contentType) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/api/v1/things");
        request.setQueryString("q=x");
        request.addParameter("q", "x");
        if (contentType != null) {
            request.setContentType(contentType);
            request.setContent("a=1&a=2&b=%E7%A7%91%E6%99%AE".getBytes(StandardCharsets.ISO_8859_1));
        }
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, new MockHttpServletResponse(), chain);
        HttpServletRequest seen = (HttpServletRequest) chain.getRequest();
        Map<String, List<String>> parameters = new TreeMap<>();
        seen.getParameterMap().forEach((name, values) -> parameters.put(name, List.of(values)));
        return parameters.toString();
    }
}
