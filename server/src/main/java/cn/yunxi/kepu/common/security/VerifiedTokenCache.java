package cn.yunxi.kepu.common.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
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
 * request all the same: its expiry (and not-before) against the injected clock, and whether its login was revoked.
 * Those checks read values taken from the token once, when it was first verified: through Spring's validators each
 * request converted the same claims again (a visible share of every authenticated request). A different string,
 * even one differing in a single character, is verified from scratch, so nothing forged can ride on a remembered
 * entry.
 */
final class VerifiedTokenCache implements JwtDecoder {

    private record Verified(Jwt jwt, Instant expiresAt, Instant notBefore, String login,
                            Authentication authentication) {
    }

    private final JwtDecoder signatureAndClaims;
    private final Clock clock;
    private final Function<Jwt, String> loginOf;
    private final Predicate<String> loginEnded;
    private final Function<Jwt, ? extends Authentication> toAuthentication;
    private final Cache<String, Verified> verified;

    /**
     * @param signatureAndClaims decodes and checks the signature only; it must not validate expiry or revocation
     * @param loginOf            the login a token belongs to, or null when it names none (it is then refused)
     * @param loginEnded         whether that login was revoked, asked on every request
     * @param toAuthentication   the caller a verified token stands for; its result is shared by every request
     *                           presenting the same token, so it must not be modified afterwards
     */
    VerifiedTokenCache(JwtDecoder signatureAndClaims, Clock clock, Function<Jwt, String> loginOf,
                       Predicate<String> loginEnded, Function<Jwt, ? extends Authentication> toAuthentication,
                       Duration remember, long maxTokens) {
        this.signatureAndClaims = signatureAndClaims;
        this.clock = clock;
        this.loginOf = loginOf;
        this.loginEnded = loginEnded;
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
        if (remembered != null) {
            checkStillValid(token, remembered.expiresAt(), remembered.notBefore(), remembered.login());
            return remembered;
        }
        Jwt jwt = signatureAndClaims.decode(token);
        Instant expiresAt = jwt.getExpiresAt();
        String login = loginOf.apply(jwt);
        if (expiresAt == null || login == null) {
            throw refused("token without expiry or login");
        }
        checkStillValid(token, expiresAt, jwt.getNotBefore(), login);
        Verified fresh = new Verified(jwt, expiresAt, jwt.getNotBefore(), login, toAuthentication.apply(jwt));
        verified.put(token, fresh);
        return fresh;
    }

    /** As Spring's timestamp validator without clock skew, then the login. */
    private void checkStillValid(String token, Instant expiresAt, Instant notBefore, String login) {
        Instant now = clock.instant();
        String refusal = now.isAfter(expiresAt) ? "token expired"
                : notBefore != null && now.isBefore(notBefore) ? "token not yet valid"
                : loginEnded.test(login) ? "session ended" : null;
        if (refusal != null) {
            verified.invalidate(token);
            throw refused(refusal);
        }
    }

    private static JwtValidationException refused(String why) {
        return new JwtValidationException(why, List.of(new OAuth2Error("invalid_token", why, null)));
    }
}
