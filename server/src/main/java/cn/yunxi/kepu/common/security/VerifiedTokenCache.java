package cn.yunxi.kepu.common.security;

import java.time.Duration;
import java.util.function.Function;

import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A resident's app sends the same access token with every request for half an hour. Checking its signature and
 * converting its claims into the caller's {@link Authentication} once is enough: the exact token string, once
 * verified, is remembered with both for a short while. What can change while a token is in use is checked on every
 * request all the same: its expiry against the injected clock and whether its login was revoked ({@code validator}).
 * A different string, even one differing in a single character, is verified from scratch, so nothing forged can
 * ride on a remembered entry.
 */
final class VerifiedTokenCache implements JwtDecoder {

    private record Verified(Jwt jwt, Authentication authentication) {
    }

    private final JwtDecoder signatureAndClaims;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Function<Jwt, ? extends Authentication> toAuthentication;
    private final Cache<String, Verified> verified;

    /**
     * @param signatureAndClaims decodes and checks the signature only; it must not validate expiry or revocation
     * @param validator          run on every request, whether the token was remembered or not
     * @param toAuthentication   the caller a verified token stands for; its result is shared by every request
     *                           presenting the same token, so it must not be modified afterwards
     */
    VerifiedTokenCache(JwtDecoder signatureAndClaims, OAuth2TokenValidator<Jwt> validator,
                       Function<Jwt, ? extends Authentication> toAuthentication, Duration remember, long maxTokens) {
        this.signatureAndClaims = signatureAndClaims;
        this.validator = validator;
        this.toAuthentication = toAuthentication;
        this.verified = Caffeine.newBuilder().maximumSize(maxTokens).expireAfterWrite(remember).build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        return verify(token).jwt();
    }

    /**
     * The caller of a bearer token, with the failures Spring's JWT authentication provider gives: a token that is
     * malformed, forged, expired or revoked is an {@link InvalidBearerTokenException} (401), a decoder that could
     * not do its work an {@link AuthenticationServiceException}.
     */
    Authentication authenticate(String token) throws AuthenticationException {
        try {
            return verify(token).authentication();
        } catch (BadJwtException failed) {
            throw new InvalidBearerTokenException(failed.getMessage(), failed);
        } catch (JwtException failed) {
            throw new AuthenticationServiceException(failed.getMessage(), failed);
        }
    }

    private Verified verify(String token) {
        if (token == null) {
            throw new BadJwtException("no token");
        }
        Verified remembered = verified.getIfPresent(token);
        Jwt jwt = remembered != null ? remembered.jwt() : signatureAndClaims.decode(token);
        OAuth2TokenValidatorResult result = validator.validate(jwt);
        if (result.hasErrors()) {
            verified.invalidate(token);
            throw new JwtValidationException("token rejected", result.getErrors());
        }
        if (remembered == null) {
            remembered = new Verified(jwt, toAuthentication.apply(jwt));
            verified.put(token, remembered);
        }
        return remembered;
    }
}
