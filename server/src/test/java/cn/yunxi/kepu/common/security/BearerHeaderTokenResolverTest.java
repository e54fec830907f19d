package cn.yunxi.kepu.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

class BearerHeaderTokenResolverTest {

    private final BearerHeaderTokenResolver resolver = new BearerHeaderTokenResolver();

    private static MockHttpServletRequest withAuthorization(String value) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/me");
        if (value != null) {
            request.addHeader("Authorization", value);
        }
        return request;
    }

    @Test
    void readsTheTokenOfABearerHeaderInAnyCase() {
        assertThat(resolver.resolve(withAuthorization("Bearer eyJh.eyJz.c2ln"))).isEqualTo("eyJh.eyJz.c2ln");
        assertThat(resolver.resolve(withAuthorization("bearer a-b_c~d+e/f=="))).isEqualTo("a-b_c~d+e/f==");
        assertThat(resolver.resolve(withAuthorization("BEARER x"))).isEqualTo("x");
    }

    @Test
    void noHeaderOrAnotherSchemeIsNoToken() {
        assertThat(resolver.resolve(withAuthorization(null))).isNull();
        assertThat(resolver.resolve(withAuthorization("Basic dXNlcjpwYXNz"))).isNull();
    }

    @Test
    void aTokenInTheQueryIsIgnored() {
        MockHttpServletRequest request = withAuthorization(null);
        request.setParameter("access_token", "eyJh.eyJz.c2ln");

        assertThat(resolver.resolve(request)).isNull();
    }

    @Test
    void aMalformedBearerHeaderIsAnInvalidToken() {
        for (String malformed : new String[] {"Bearer", "Bearer ", "Bearer  x", "Bearer x y", "Bearer x ",
                "Bearer a=b", "Bearer =", "Bearerx", "Bearer x\u00e9"}) {
            assertThatThrownBy(() -> resolver.resolve(withAuthorization(malformed)))
                    .as(malformed).isInstanceOf(OAuth2AuthenticationException.class)
                    .satisfies(e -> assertThat(((OAuth2AuthenticationException) e).getError().getErrorCode())
                            .isEqualTo("invalid_token"));
        }
    }
}
