package cn.yunxi.kepu.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.MethodParameter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.mvc.method.annotation.PathVariableMethodArgumentResolver;

import cn.yunxi.kepu.support.HandlerParameters;

/**
 * Every long path variable the shortcut claims resolves to what Spring's resolver gives for the same value (the
 * number, or the same exception and message) and leaves the same path variables for views behind, over plain
 * digits, the edges of a long and everything Spring's conversion also accepts or rejects (signs, hexadecimal,
 * whitespace, overflow, letters, non-ASCII digits); other arguments are not claimed.
 */
class DecimalPathVariablesTest {

    @SuppressWarnings("unused")
    static class Sample {
        void primitive(@PathVariable long id) {
        }

        void boxed(@PathVariable("id") Long contentId) {
        }

        void optional(@PathVariable(name = "id", required = false) Long id) {
        }

        void text(@PathVariable String id) {
        }

        void integer(@PathVariable int id) {
        }
    }

    private final WebDataBinderFactory binders = binders();
    private final DecimalPathVariables shortcut = new DecimalPathVariables();
    private final PathVariableMethodArgumentResolver spring = new PathVariableMethodArgumentResolver();

    private static List<String> values() {
        List<String> values = new ArrayList<>(List.of("0", "1", "42", "007", "0000000000000000000042",
                "123456789012345678", "999999999999999999", "9223372036854775807", "9223372036854775808",
                "-9223372036854775808", "-9223372036854775809", "99999999999999999999", "", " ", " 42", "42 ",
                "\t42\n", "+42", "-42", "-0", "0x2A", "0X2a", "#2A", "-0x2A", "+#2a", "0x", "#", "0b101", "1e3",
                "4.2", "1_000", "1,000", "abc", "42abc", "٤٢", "４２", "0x8000000000000000", "%34%32", "null"));
        values.addAll(mostlyDigits(20261205, 2000, 22));
        return values;
    }

    /** Random texts of fewer than {@code lengths} characters, mostly digits, some signs, spaces, hex letters and dots. */
    static List<String> mostlyDigits(long seed, int count, int lengths) {
        Random random = new Random(seed);
        String alphabet = "0123456789 +-#xX.aAfF\t";
        List<String> texts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(lengths);
            for (int j = 0; j < length; j++) {
                text.append(random.nextInt(4) == 0 ? alphabet.charAt(random.nextInt(alphabet.length()))
                        : (char) ('0' + random.nextInt(10)));
            }
            texts.add(text.toString());
        }
        return texts;
    }

    @Test
    void claimedArgumentsResolveAsSpringResolvesThem() {
        int shortcutTaken = 0;
        for (String method : List.of("primitive", "boxed", "optional")) {
            MethodParameter parameter = parameter(method);
            assertThat(shortcut.supportsParameter(parameter)).as(method).isTrue();
            for (String value : values()) {
                MockHttpServletRequest expected = request(value);
                MockHttpServletRequest actual = request(value);
                assertThat(outcome(shortcut, parameter, actual)).as("%s(%s)", method, value)
                        .isEqualTo(outcome(spring, parameter, expected));
                assertThat(actual.getAttribute(View.PATH_VARIABLES)).as("%s(%s)", method, value)
                        .isEqualTo(expected.getAttribute(View.PATH_VARIABLES));
                if (DecimalPathVariables.plainDecimal(value)) {
                    shortcutTaken++;
                }
            }
        }
        assertThat(shortcutTaken).isGreaterThan(1000);
    }

    @Test
    void missingVariablesAndOtherTypesAreLeftToSpring() {
        MethodParameter parameter = parameter("primitive");
        MockHttpServletRequest none = new MockHttpServletRequest("GET", "/api/v1/contents/42");
        assertThat(outcome(shortcut, parameter, none)).isEqualTo(outcome(spring, parameter, none))
                .asString().contains("MissingPathVariableException");
        MockHttpServletRequest other = new MockHttpServletRequest("GET", "/api/v1/contents/42");
        other.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of("contentId", "42"));
        assertThat(outcome(shortcut, parameter, other)).isEqualTo(outcome(spring, parameter, other));
        assertThat(shortcut.supportsParameter(parameter("text"))).isFalse();
        assertThat(shortcut.supportsParameter(parameter("integer"))).isFalse();
    }

    @Test
    void eighteenDigitsAlwaysFitALong() {
        assertThat(Long.toString(Long.MAX_VALUE)).hasSize(DecimalPathVariables.MAX_DIGITS + 1);
        assertThat(DecimalPathVariables.plainDecimal("999999999999999999")).isTrue();
        assertThat(DecimalPathVariables.plainDecimal("1000000000000000000")).isFalse();
    }

    private static MockHttpServletRequest request(String value) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/contents/" + value);
        request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of("id", value));
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
