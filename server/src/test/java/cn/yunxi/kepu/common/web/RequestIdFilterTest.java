package cn.yunxi.kepu.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RequestIdFilterTest {

    /** The ids written digit by digit keep the form the formatted ones had: 32 lowercase hex digits, all different. */
    @Test
    void newIdsAreThirtyTwoHexDigitsAndUnique() {
        Set<String> ids = new HashSet<>();
        boolean sawLeadingZero = false;
        for (int i = 0; i < 20_000; i++) {
            String id = RequestIdFilter.newId();
            assertThat(id).matches("[0-9a-f]{32}");
            sawLeadingZero |= id.charAt(0) == '0' || id.charAt(16) == '0';
            ids.add(id);
        }
        assertThat(ids).hasSize(20_000);
        // zero padding, as %016x gave: a long below 2^60 still fills its sixteen digits
        assertThat(sawLeadingZero).isTrue();
    }
}
