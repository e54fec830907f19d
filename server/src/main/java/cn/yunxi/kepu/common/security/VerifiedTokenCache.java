package cn.yunxi.kepu.common.security;

import java.time.Duration;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A resident's app sends the same access token with every request for half an hour. Checking its signature and
 * converting its claims once is enough: the exact token string, once verified, is remembered for a short while.
 * What can change while a token is in use is checked on every request all the same: its expiry against the
 * injected clock and whether its login was revoked ({@code validator}). A different string, even one differing in
 * a single character, is verified from scratch, so nothing forged can ride on a remembered entry.
 */
final class VerifiedTokenCache implements JwtDecoder {

    private final JwtDecoder signatureAndClaims;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Cache<String, Jwt> verified;

    /**
     * @param signatureAndClaims decodes and checks the signature only; it must not validate expiry or revocation
     * @param validator          run on every request, whether the token was remembered or not
     */
    VerifiedTokenCache(JwtDecoder signatureAndClaims, OAuth2TokenValidator<Jwt> validator, Duration remember,
                       long maxTokens) {
        this.signatureAndClaims = signatureAndClaims;
        this.validator = validator;
        this.verified = Caffeine.newBuilder().maximumSize(maxTokens).expireAfterWrite(remember).build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        if (token == null) {
            throw new BadJwtException("no token");
        }
        Jwt remembered = verified.getIfPresent(token);
        Jwt jwt = remembered != null ? remembered : signatureAndClaims.decode(token);
        OAuth2TokenValidatorResult result = validator.validate(jwt);
        if (result.hasErrors()) {
            verified.invalidate(token);
            throw new JwtValidationException("token rejected", result.getErrors());
        }
        if (remembered == null) {
            verified.put(token, jwt);
        }
        return jwt;
    }
}
