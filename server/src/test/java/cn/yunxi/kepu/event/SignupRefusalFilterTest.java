package cn.yunxi.kepu.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignupRefusalFilterTest {

    @Test
    void looksOnlyAtTheExactSignupPath() {
        assertThat(SignupRefusalFilter.eventId("/api/v1/events/42/signups")).isEqualTo(42);
        assertThat(SignupRefusalFilter.eventId("/api/v1/events/9007199254740993/signups")).isEqualTo(9007199254740993L);
        assertThat(SignupRefusalFilter.eventId("/api/v1/events//signups")).isEqualTo(-1);
        assertThat(SignupRefusalFilter.eventId("/api/v1/events/4a/signups")).isEqualTo(-1);
        assertThat(SignupRefusalFilter.eventId("/api/v1/events/42/signups/")).isEqualTo(-1);
        assertThat(SignupRefusalFilter.eventId("/api/v1/events/42/proxy-signups")).isEqualTo(-1);
        assertThat(SignupRefusalFilter.eventId("/api/v1/events/42")).isEqualTo(-1);
        assertThat(SignupRefusalFilter.eventId("/api/v1/events/1234567890123456789012/signups")).isEqualTo(-1);
        assertThat(SignupRefusalFilter.eventId(null)).isEqualTo(-1);
    }
}
