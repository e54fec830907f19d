package cn.yunxi.kepu.common.security;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Access tokens are self-contained, so a logout or a detected token theft must also stop the access tokens
 * already issued to that login. Revoked sessions sit in Redis for one access-token lifetime; when Redis is
 * unreachable the database (the source of truth) answers instead. Markers are keyed by the session's random key,
 * not its row id, so a database restored from backup (ids handed out again) never meets a stale marker.
 * <p>
 * Every authenticated request asks this, so each instance remembers answers for a moment: "revoked" for good
 * (a session never comes back) and "still valid" for {@link TokenProperties#revocationRecheck()}. A revocation made
 * on this instance takes effect here at once; one made on another instance within that recheck interval.
 */
@Component
class RevokedSessions {

    private static final Logger log = LoggerFactory.getLogger(RevokedSessions.class);
    private static final String PREFIX = "kepu:auth:revoked:";

    private final StringRedisTemplate redis;
    private final LoginSessionMapper sessions;
    private final Duration remember;
    private final Cache<String, Boolean> stillValid;
    private final Cache<String, Boolean> revoked;

    RevokedSessions(StringRedisTemplate redis, LoginSessionMapper sessions, TokenProperties properties) {
        this.redis = redis;
        this.sessions = sessions;
        this.remember = properties.accessTokenTtl().plusMinutes(1);
        this.stillValid = Caffeine.newBuilder().maximumSize(200_000)
                .expireAfterWrite(properties.revocationRecheck()).build();
        this.revoked = Caffeine.newBuilder().maximumSize(50_000).expireAfterWrite(remember).build();
    }

    void markRevoked(String sessionKey) {
        revoked.put(sessionKey, Boolean.TRUE);
        stillValid.invalidate(sessionKey);
        try {
            redis.opsForValue().set(PREFIX + sessionKey, "1", remember);
        } catch (RuntimeException e) {
            log.warn("Redis unavailable while recording a revoked session; the database still has it: {}",
                    e.getMessage());
        }
    }

    boolean isRevoked(String sessionKey) {
        if (revoked.getIfPresent(sessionKey) != null) {
            return true;
        }
        if (stillValid.getIfPresent(sessionKey) != null) {
            return false;
        }
        boolean answer = lookUp(sessionKey);
        (answer ? revoked : stillValid).put(sessionKey, Boolean.TRUE);
        return answer;
    }

    private boolean lookUp(String sessionKey) {
        try {
            return Boolean.TRUE.equals(redis.hasKey(PREFIX + sessionKey));
        } catch (RuntimeException e) {
            log.warn("Redis unavailable, checking session revocation in the database: {}", e.getMessage());
            LoginSession session = sessions.selectOne(new LambdaQueryWrapper<LoginSession>()
                    .eq(LoginSession::getSessionKey, sessionKey));
            return session == null || session.getRevokedAt() != null;
        }
    }
}
