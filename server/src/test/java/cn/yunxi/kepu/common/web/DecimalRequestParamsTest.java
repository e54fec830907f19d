package cn.yunxi.kepu.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.MethodParameter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockMultipartHttpServletRequest;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.method.annotation.RequestParamMethodArgumentResolver;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;

import cn.yunxi.kepu.support.HandlerParameters;

/**
 * Every number query parameter the shortcut claims resolves to what Spring's resolver gives for the same request
 * (the number of the same type, the default, or the same exception and message): one value, none, or two, over plain
 * digits, the edges of an int and a long and everything Spring's conversion also accepts or rejects (signs,
 * hexadecimal, whitespace, overflow, letters, non-ASCII digits); other arguments are not claimed.
 */
class DecimalRequestParamsTest {

    @SuppressWarnings("unused")
    static class Sample {
        void top(@RequestParam(defaultValue = "50") int top) {
        }

        void required(@RequestParam Integer n) {
        }

        void primitiveLong(@RequestParam("n") long expires) {
        }

        void optional(@RequestParam(name = "n", required = false) Long id) {
        }

        void bigDefault(@RequestParam(name = "n", defaultValue = "123456789012") long n) {
        }

        void optionalInt(@RequestParam(name = "n", required = false) int n) {
        }

        void hexDefault(@RequestParam(name = "n", defaultValue = "0x10") int n) {
        }

        void placeholderDefault(@RequestParam(name = "n", defaultValue = "${top:5}") int n) {
        }

        void text(@RequestParam String n) {
        }

        void decimal(@RequestParam double n) {
        }
    }

    private final WebDataBinderFactory binders = binders();
    private final DecimalRequestParams shortcut = new DecimalRequestParams(
            (ConfigurableBeanFactory) null);
    private final RequestParamMethodArgumentResolver spring = new RequestParamMethodArgumentResolver(null, false);

    private static List<String> values() {
        List<String> values = new ArrayList<>(List.of("0", "1", "42", "50", "007", "000000000042", "999999999",
                "1000000000", "2147483647", "2147483648", "-2147483648", "123456789012345678", "999999999999999999",
                "9223372036854775807", "9223372036854775808", "99999999999999999999", "", " ", " 42", "42 ", "\t42",
                "+42", "-42", "-0", "0x2A", "#2A", "0x", "1e3", "4.2", "1_000", "1,000", "abc", "42abc", "٤٢", "４２",
                "%34%32", "null"));
        values.addAll(DecimalPathVariablesTest.mostlyDigits(20261206, 1500, 21));
        return values;
    }

    @Test
    void claimedArgumentsResolveAsSpringResolvesThem() {
        int shortcutTaken = 0;
        for (String method : List.of("top", "required", "primitiveLong", "optional", "bigDefault", "optionalInt")) {
            MethodParameter parameter = parameter(method);
            String name = method.equals("top") ? "top" : "n";
            assertThat(shortcut.supportsParameter(parameter)).as(method).isTrue();
            assertThat(outcome(shortcut, parameter, request(name))).as("%s()", method)
                    .isEqualTo(outcome(spring, parameter, request(name)));
            for (String value : values()) {
                assertThat(outcome(shortcut, parameter, request(name, value))).as("%s(%s)", method, value)
                        .isEqualTo(outcome(spring, parameter, request(name, value)));
                assertThat(outcome(shortcut, parameter, request(name, value, "7"))).as("%s(%s, 7)", method, value)
                        .isEqualTo(outcome(spring, parameter, request(name, value, "7")));
                if (DecimalPathVariables.plainDecimal(value)) {
                    shortcutTaken++;
                }
            }
        }
        assertThat(shortcutTaken).isGreaterThan(1000);
    }

    @Test
    void aMissingParameterTakesItsDefaultOrIsSpringsToRefuse() {
        assertThat(outcome(shortcut, parameter("top"), request("top"))).isEqualTo("50 (class java.lang.Integer)");
        assertThat(outcome(shortcut, parameter("bigDefault"), request("n"))).isEqualTo("123456789012 (class java.lang.Long)");
        assertThat(outcome(shortcut, parameter("required"), request("n"))).asString()
                .startsWith("org.springframework.web.bind.MissingServletRequestParameterException");
        assertThat(outcome(shortcut, parameter("optional"), request("n"))).isEqualTo("<null> ()");
    }

    @Test
    void otherArgumentsAndMultipartRequestsAreLeftToSpring() {
        for (String method : List.of("hexDefault", "placeholderDefault", "text", "decimal")) {
            assertThat(shortcut.supportsParameter(parameter(method))).as(method).isFalse();
        }
        MockMultipartHttpServletRequest multipart = new MockMultipartHttpServletRequest();
        multipart.addParameter("top", "12");
        assertThat(outcome(shortcut, parameter("top"), multipart)).isEqualTo(outcome(spring, parameter("top"), multipart));
    }

    @Test
    void nineDigitsAlwaysFitAnInt() {
        assertThat(Integer.toString(Integer.MAX_VALUE)).hasSize(DecimalRequestParams.MAX_INT_DIGITS + 1);
    }

    private static MockHttpServletRequest request(String name, String... values) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/quizzes/1/leaderboard");
        if (values.length > 0) {
            request.addParameter(name, values);
        }
        return request;
    }

    private Object outcome(HandlerMethodArgumentResolver resolver, MethodParameter parameter,
                           MockHttpServletRequest request) {
        return HandlerParameters.outcome(resolver, parameter, request, binders);
    }

    private static MethodParameter parameter(String method) {
        return HandlerParameters.of(Sample.class, method, 0);
    }

    /** Binders as the application's adapter makes them: with Boot's conversion service. */
    private static WebDataBinderFactory binders() {
        return HandlerParameters.binders(new ApplicationConversionService());
    }
}
