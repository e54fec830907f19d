package cn.yunxi.kepu.common.retention;

import java.time.Clock;
import java.time.LocalDateTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.yunxi.kepu.common.security.TokenProperties;
import cn.yunxi.kepu.common.time.Times;

/**
 * Deletes what has outlived its use: old reading sessions, ended logins and their refresh tokens, refresh tokens
 * past their expiry. In batches, each its own statement, so a large backlog never holds locks for long. A deleted
 * login counts as revoked everywhere (the revocation check treats a missing session as revoked).
 */
@Component
@EnableConfigurationProperties(RetentionProperties.class)
public class RetentionRepository {

    private static final Logger log = LoggerFactory.getLogger(RetentionRepository.class);

    /** What one sweep removed. */
    public record Swept(int readSessions, int logins, int refreshTokens) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final RetentionProperties properties;
    private final TokenProperties tokens;

    RetentionRepository(JdbcTemplate jdbc, Clock clock, RetentionProperties properties, TokenProperties tokens) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.tokens = tokens;
    }

    public Swept sweep() {
        LocalDateTime now = Times.now(clock);
        LocalDateTime loginsBefore = now.minus(properties.endedLogins());
        int reads = inBatches("DELETE FROM read_session WHERE last_report_at < ? LIMIT ?",
                now.minus(properties.readSessions()));
        int refresh = inBatches("DELETE FROM refresh_token WHERE expires_at < ? LIMIT ?", loginsBefore);
        // a login nobody can refresh any more (unused for the refresh lifetime) has ended as surely as a revoked one
        int logins = inBatches("DELETE FROM login_session WHERE (revoked_at < ? OR last_used_at < ?) LIMIT ?",
                loginsBefore, loginsBefore.minus(tokens.refreshTokenTtl()));
        if (reads + refresh + logins > 0) {
            log.info("Retention: deleted {} reading sessions, {} ended logins, {} expired refresh tokens", reads,
                    logins, refresh);
        }
        return new Swept(reads, logins, refresh);
    }

    private int inBatches(String sql, Object... before) {
        Object[] args = java.util.Arrays.copyOf(before, before.length + 1);
        args[before.length] = properties.batch();
        int total = 0;
        int n;
        do {
            n = jdbc.update(sql, args);
            total += n;
        } while (n == properties.batch());
        return total;
    }
}
