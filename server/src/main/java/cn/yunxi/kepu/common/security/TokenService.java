package cn.yunxi.kepu.common.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.common.time.Zones;
import cn.yunxi.kepu.common.web.ApiException;

/**
 * Issues short-lived signed access tokens and rotating refresh tokens. A login is a {@code login_session}; each
 * refresh retires the presented token and issues the next one in the same session. Presenting a retired token
 * means it was copied: the whole session is revoked (RFC 9700, refresh token rotation with reuse detection).
 */
@Service
public class TokenService {

    static final String CLAIM_TYPE = "typ";
    static final String CLAIM_SESSION = "sid";
    static final String CLAIM_SESSION_KEY = "skey";
    static final String CLAIM_ROLES = "roles";
    static final String CLAIM_UNIT = "unit";

    private final JwtEncoder jwtEncoder;
    private final LoginSessionMapper sessions;
    private final RefreshTokenMapper refreshTokens;
    private final RevokedSessions revokedSessions;
    private final TokenProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    TokenService(JwtEncoder jwtEncoder, LoginSessionMapper sessions, RefreshTokenMapper refreshTokens,
                 RevokedSessions revokedSessions, TokenProperties properties, Clock clock) {
        this.jwtEncoder = jwtEncoder;
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.revokedSessions = revokedSessions;
        this.properties = properties;
        this.clock = clock;
    }

    /** Starts a new login for the subject and returns its first token pair. */
    @Transactional
    public TokenPair startSession(SubjectType type, long subjectId, List<String> roles, Long unitId) {
        LocalDateTime now = Times.now(clock);
        LoginSession session = new LoginSession();
        session.setSubjectType(type.name());
        session.setSubjectId(subjectId);
        session.setSessionKey(randomHex(16));
        session.setCreatedAt(now);
        session.setLastUsedAt(now);
        sessions.insert(session);
        return issue(type, subjectId, session, roles, unitId, now);
    }

    /**
     * Retires the presented refresh token and returns who it belonged to, so the caller can check the subject is
     * still allowed in and then call {@link #continueSession}. Reuse revokes the session; the transaction commits
     * despite the exception ({@code noRollbackFor}) so the revocation sticks.
     */
    @Transactional(noRollbackFor = ApiException.class)
    public RotatedSession rotate(String presentedToken, SubjectType expectedType) {
        LocalDateTime now = Times.now(clock);
        RefreshToken token = presentedToken == null ? null : refreshTokens.selectById(hash(presentedToken));
        if (token == null) {
            throw new ApiException(SecurityErrors.REFRESH_TOKEN_INVALID);
        }
        LoginSession session = sessions.selectById(token.getSessionId());
        if (session == null || session.getRevokedAt() != null || !session.getSubjectType().equals(expectedType.name())) {
            throw new ApiException(SecurityErrors.REFRESH_TOKEN_INVALID);
        }
        if (token.getRotatedAt() != null || refreshTokens.markRotated(token.getTokenHash(), now) == 0) {
            revoke(session.getId(), "REFRESH_REUSE");
            throw new ApiException(SecurityErrors.REFRESH_TOKEN_REUSED);
        }
        if (!token.getExpiresAt().isAfter(now)) {
            throw new ApiException(SecurityErrors.REFRESH_TOKEN_INVALID);
        }
        return new RotatedSession(session.getId(), session.getSubjectId());
    }

    /** Issues the next token pair of a session whose refresh token was just rotated. */
    @Transactional
    public TokenPair continueSession(RotatedSession rotated, SubjectType type, List<String> roles, Long unitId) {
        LocalDateTime now = Times.now(clock);
        LoginSession touch = new LoginSession();
        touch.setId(rotated.sessionId());
        touch.setLastUsedAt(now);
        sessions.updateById(touch);
        return issue(type, rotated.subjectId(), sessions.selectById(rotated.sessionId()), roles, unitId, now);
    }

    /** Logout: the session of this refresh token ends; unknown tokens are ignored (logout is idempotent). */
    @Transactional
    public void endSession(String presentedToken) {
        if (presentedToken == null) {
            return;
        }
        RefreshToken token = refreshTokens.selectById(hash(presentedToken));
        if (token != null) {
            revoke(token.getSessionId(), "LOGOUT");
        }
    }

    @Transactional
    public void endSession(long sessionId) {
        revoke(sessionId, "LOGOUT");
    }

    /** Ends every login of a subject (account deleted, staff disabled, password changed). */
    @Transactional
    public void endAllSessions(SubjectType type, long subjectId, String reason) {
        List<LoginSession> open = sessions.selectList(new LambdaQueryWrapper<LoginSession>()
                .eq(LoginSession::getSubjectType, type.name())
                .eq(LoginSession::getSubjectId, subjectId)
                .isNull(LoginSession::getRevokedAt));
        sessions.revokeAllFor(type.name(), subjectId, reason, Times.now(clock));
        open.forEach(s -> revokedSessions.markRevoked(s.getSessionKey()));
    }

    private void revoke(long sessionId, String reason) {
        sessions.revoke(sessionId, reason, Times.now(clock));
        LoginSession session = sessions.selectById(sessionId);
        if (session != null) {
            revokedSessions.markRevoked(session.getSessionKey());
        }
    }

    private TokenPair issue(SubjectType type, long subjectId, LoginSession session, List<String> roles, Long unitId,
                            LocalDateTime now) {
        long sessionId = session.getId();
        Instant issuedAt = clock.instant();
        Instant accessExpiresAt = issuedAt.plus(properties.accessTokenTtl());
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer("kepu-yunxi")
                .subject(Long.toString(subjectId))
                .issuedAt(issuedAt)
                .expiresAt(accessExpiresAt)
                .claim(CLAIM_TYPE, type.name())
                .claim(CLAIM_SESSION, sessionId)
                .claim(CLAIM_SESSION_KEY, session.getSessionKey())
                .claim(CLAIM_ROLES, roles);
        if (unitId != null) {
            claims.claim(CLAIM_UNIT, unitId);
        }
        String accessToken = jwtEncoder.encode(JwtEncoderParameters.from(
                JwsHeader.with(MacAlgorithm.HS256).build(), claims.build())).getTokenValue();

        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String refresh = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        LocalDateTime refreshExpiresAt = now.plus(properties.refreshTokenTtl());
        RefreshToken row = new RefreshToken();
        row.setTokenHash(hash(refresh));
        row.setSessionId(sessionId);
        row.setIssuedAt(now);
        row.setExpiresAt(refreshExpiresAt);
        refreshTokens.insert(row);

        return new TokenPair(accessToken, accessExpiresAt.atZone(Zones.SHANGHAI).toOffsetDateTime(),
                refresh, Times.toOffset(refreshExpiresAt));
    }

    private String randomHex(int bytes) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        return HexFormat.of().formatHex(raw);
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A refresh token that was just retired, and the login it belongs to. */
    public record RotatedSession(long sessionId, long subjectId) {
    }
}
