package cn.yunxi.kepu.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The firewall's character-by-character header and parameter-name check accepts exactly what Spring's default
 * patterns accept (parameter names follow the header-name pattern).
 */
class HeaderFirewallTest {

    /** StrictHttpFirewall's defaults for header names and for header values. */
    private static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void agreesWithSpringsPatternsOnSpecialCharacters() {
        List<String> samples = List.of("", "Bearer eyJhbGciOiJIUzI1NiJ9.e30.c2ln", "a\tb", "a\u0000b", "\u007f", "\u0085",
                "\u009f", "\u00a0", "\u0378", "科普云溪", "\uD83D\uDE00", "\uD83D", "x\uDE00", "\r\n", "\uFFFF", "\uFDD0");
        for (String s : samples) {
            assertThat(SecurityConfig.assignedAndNotControl(s, false)).as("name %s", s).isEqualTo(NAMES.matcher(s).matches());
            assertThat(SecurityConfig.assignedAndNotControl(s, true)).as("value %s", s).isEqualTo(VALUES.matcher(s).matches());
        }
    }

    /** Every single UTF-16 unit, each alone and behind printable ASCII (the fast path) and before it. */
    @Test
    void agreesWithSpringsPatternsOnEveryCharacterAfterPrintableAscii() {
        for (int c = 0; c <= 0xFFFF; c++) {
            for (String s : List.of(String.valueOf((char) c), "Bearer x" + (char) c, (char) c + "~ok")) {
                assertThat(SecurityConfig.assignedAndNotControl(s, false)).as("name U+%04X", c)
                        .isEqualTo(NAMES.matcher(s).matches());
                assertThat(SecurityConfig.assignedAndNotControl(s, true)).as("value U+%04X", c)
                        .isEqualTo(VALUES.matcher(s).matches());
            }
        }
    }

    @Test
    void agreesWithSpringsPatternsOnRandomStrings() {
        Random random = new Random(42);
        List<String> samples = new ArrayList<>();
        for (int n = 0; n < 20_000; n++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(6);
            for (int i = 0; i < length; i++) {
                // mostly low code points, where control and unassigned characters are dense
                sb.appendCodePoint(random.nextInt(4) == 0 ? random.nextInt(0x110000) : random.nextInt(0x1000));
            }
            samples.add(sb.toString());
        }
        for (String s : samples) {
            assertThat(SecurityConfig.assignedAndNotControl(s, false)).isEqualTo(NAMES.matcher(s).matches());
            assertThat(SecurityConfig.assignedAndNotControl(s, true)).isEqualTo(VALUES.matcher(s).matches());
        }
    }

    @Test
    void theFirewallChecksParameterNamesAndHeadersWithTheseRules() {
        HttpFirewall firewall = new SecurityConfig().httpFirewall();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/contents");
        request.addParameter("size", "20");
        request.addParameter("to\u0000pic", "x");
        request.addHeader("X-Ok", "科普 \tvalue");
        request.addHeader("X-Bad", "a\u0000b");
        HttpServletRequest checked = firewall.getFirewalledRequest(request);

        assertThat(checked.getParameterValues("size")).containsExactly("20");
        assertThatThrownBy(() -> checked.getParameterValues("to\u0000pic")).isInstanceOf(RequestRejectedException.class);
        assertThat(checked.getHeader("X-Ok")).isEqualTo("科普 \tvalue");
        assertThatThrownBy(() -> checked.getHeader("X-Bad")).isInstanceOf(RequestRejectedException.class);
    }
}
