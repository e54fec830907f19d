package cn.yunxi.kepu.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import cn.yunxi.kepu.support.MutableClock;

/** A remembered token is spared only its signature check: expiry and revocation still apply on every use. */
class VerifiedTokenCacheTest {

    private final SecretKey key = new SecretKeySpec("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8),
            "HmacSHA256");
    private final MutableClock clock = new MutableClock(java.time.ZoneId.of("Asia/Shanghai"));
    private final AtomicBoolean revoked = new AtomicBoolean();
    private final AtomicInteger signatureChecks = new AtomicInteger();

    private final AtomicInteger conversions = new AtomicInteger();

    private VerifiedTokenCache decoder() {
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        nimbus.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
        JwtDecoder counting = token -> {
            signatureChecks.incrementAndGet();
            return nimbus.decode(token);
        };
        return new VerifiedTokenCache(counting, clock, jwt -> jwt.getClaimAsString("login"), login -> revoked.get(),
                jwt -> {
                    conversions.incrementAndGet();
                    return new TestingAuthenticationToken(jwt.getSubject(), jwt, "RESIDENT");
                }, Duration.ofMinutes(1), 1000);
    }

    private String token(Instant expiresAt) {
        return token(JwtClaimsSet.builder().subject("42").issuedAt(clock.instant()).expiresAt(expiresAt)
                .claim("login", "L1"));
    }

    private String token(JwtClaimsSet.Builder claims) {
        return NimbusJwtEncoder.withSecretKey(key).algorithm(MacAlgorithm.HS256).build()
                .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()))
                .getTokenValue();
    }

    @Test
    void aTokenWithoutExpiryOrLoginOrNotYetValidIsRefused() {
        clock.pin(Instant.parse("2026-11-29T02:00:00Z"));
        VerifiedTokenCache tokens = decoder();
        Instant later = clock.instant().plus(Duration.ofMinutes(30));
        assertThatThrownBy(() -> tokens.authenticate(token(JwtClaimsSet.builder().subject("42").claim("login", "L1"))))
                .isInstanceOf(InvalidBearerTokenException.class);
        assertThatThrownBy(() -> tokens.authenticate(token(JwtClaimsSet.builder().subject("42").expiresAt(later))))
                .isInstanceOf(InvalidBearerTokenException.class);
        String early = token(JwtClaimsSet.builder().subject("42").expiresAt(later).claim("login", "L1")
                .notBefore(clock.instant().plus(Duration.ofMinutes(5))));
        assertThatThrownBy(() -> tokens.authenticate(early)).isInstanceOf(InvalidBearerTokenException.class);
        assertThat(conversions).hasValue(0);

        clock.advance(Duration.ofMinutes(6));
        assertThat(tokens.authenticate(early).getName()).isEqualTo("42");
    }

    /** The expiry is a hard edge: valid at its very instant, refused a millisecond later, remembered or not. */
    @Test
    void aRememberedTokenIsRefusedTheMomentItExpires() {
        clock.pin(Instant.parse("2026-11-29T02:00:00Z"));
        VerifiedTokenCache tokens = decoder();
        String token = token(clock.instant().plus(Duration.ofSeconds(30)));
        tokens.authenticate(token);
        clock.advance(Duration.ofSeconds(30));
        assertThat(tokens.authenticate(token).getName()).isEqualTo("42");
        clock.advance(Duration.ofMillis(1));
        assertThatThrownBy(() -> tokens.authenticate(token)).isInstanceOf(InvalidBearerTokenException.class)
                .hasMessageContaining("expired");
        assertThat(signatureChecks).hasValue(1);
    }

    @Test
    void aRememberedTokenSkipsOnlyTheSignatureCheck() {
        clock.pin(Instant.parse("2026-11-29T02:00:00Z"));
        JwtDecoder decoder = decoder();
        String token = token(clock.instant().plus(Duration.ofMinutes(30)));

        assertThat(decoder.decode(token).getSubject()).isEqualTo("42");
        assertThat(decoder.decode(token).getSubject()).isEqualTo("42");
        assertThat(signatureChecks).hasValue(1);

        revoked.set(true);
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class);
        revoked.set(false);

        clock.advance(Duration.ofMinutes(31));
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class);
    }

    @Test
    void aTokenDifferingInOneCharacterIsVerifiedFromScratchAndRefused() {
        clock.pin(Instant.parse("2026-11-29T02:00:00Z"));
        JwtDecoder decoder = decoder();
        String token = token(clock.instant().plus(Duration.ofMinutes(30)));
        decoder.decode(token);

        char last = token.charAt(token.length() - 1);
        String forged = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(JwtException.class);
        assertThat(signatureChecks).hasValue(2);
    }

    /**
     * The caller a token stands for is converted once and shared by the requests presenting that token; a revoked
     * or expired token is refused all the same, as a 401-kind failure, and a forged one is never converted.
     */
    @Test
    void aRememberedTokenGivesTheSameCallerUntilItIsRevokedOrExpired() {
        clock.pin(Instant.parse("2026-11-29T02:00:00Z"));
        VerifiedTokenCache tokens = decoder();
        String token = token(clock.instant().plus(Duration.ofMinutes(30)));

        Authentication first = tokens.authenticate(token);
        assertThat(first.getName()).isEqualTo("42");
        assertThat(tokens.authenticate(token)).isSameAs(first);
        assertThat(conversions).hasValue(1);
        assertThat(signatureChecks).hasValue(1);

        revoked.set(true);
        assertThatThrownBy(() -> tokens.authenticate(token)).isInstanceOf(InvalidBearerTokenException.class);
        revoked.set(false);
        assertThat(tokens.authenticate(token).getName()).as("verified again after the refusal").isEqualTo("42");
        assertThat(signatureChecks).hasValue(2);

        clock.advance(Duration.ofMinutes(31));
        assertThatThrownBy(() -> tokens.authenticate(token)).isInstanceOf(InvalidBearerTokenException.class);
        assertThatThrownBy(() -> tokens.authenticate(token.substring(0, token.length() - 2) + "xx"))
                .isInstanceOf(InvalidBearerTokenException.class);
        assertThatThrownBy(() -> tokens.authenticate("not-a-jwt")).isInstanceOf(InvalidBearerTokenException.class);
        assertThat(conversions).hasValue(2);
    }
}
