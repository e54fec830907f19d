package cn.yunxi.kepu.common.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.yunxi.kepu.common.time.Times;
import cn.yunxi.kepu.support.KepuIntegrationTest;
import cn.yunxi.kepu.support.MutableClock;

/**
 * The nightly sweep against the real tables: what outlived its use goes, everything still in use (or still within
 * its keeping period) stays, and a completed read stays counted after its session is gone.
 */
@KepuIntegrationTest
class RetentionSweeperIT {

    @Autowired
    RetentionRepository sweeper;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;

    @Test
    void oldReadingSessionsEndedLoginsAndExpiredRefreshTokensGoTheRestStays() {
        LocalDateTime now = Times.now(clock);
        long content = jdbc.queryForObject("SELECT MIN(id) FROM content_item", Long.class);
        long oldRead = readSession(content, now.minusDays(91));
        long recentRead = readSession(content, now.minusDays(89));
        long completedReadsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM content_read", Long.class);

        long revokedLongAgo = login(now.minusDays(60), now.minusDays(31));
        long revokedLately = login(now.minusDays(20), now.minusDays(29));
        long abandoned = login(now.minusDays(400), null);
        long active = login(now.minusMinutes(5), null);
        String expired = refreshToken(active, now.minusDays(31));
        String valid = refreshToken(active, now.plusDays(20));
        String ofRevoked = refreshToken(revokedLongAgo, now.plusDays(1));

        RetentionRepository.Swept swept = sweeper.sweep();

        assertThat(exists("read_session", "id", oldRead)).isFalse();
        assertThat(exists("read_session", "id", recentRead)).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM content_read", Long.class)).isEqualTo(completedReadsBefore);
        assertThat(exists("login_session", "id", revokedLongAgo)).isFalse();
        assertThat(exists("login_session", "id", abandoned)).isFalse();
        assertThat(exists("login_session", "id", revokedLately)).isTrue();
        assertThat(exists("login_session", "id", active)).isTrue();
        assertThat(exists("refresh_token", "token_hash", expired)).isFalse();
        assertThat(exists("refresh_token", "token_hash", valid)).isTrue();
        assertThat(exists("refresh_token", "token_hash", ofRevoked)).as("goes with its login").isFalse();
        assertThat(swept.readSessions()).isGreaterThanOrEqualTo(1);
        assertThat(swept.logins()).isGreaterThanOrEqualTo(2);
        assertThat(swept.refreshTokens()).isGreaterThanOrEqualTo(1);

        RetentionRepository.Swept again = sweeper.sweep();
        assertThat(again).isEqualTo(new RetentionRepository.Swept(0, 0, 0));
    }

    private long readSession(long content, LocalDateTime lastReport) {
        jdbc.update("INSERT INTO read_session (resident_id, content_id, length_seconds, required_seconds, started_at, "
                + "last_report_at) VALUES (NULL, ?, 60, 30, ?, ?)", content, lastReport.minusMinutes(1), lastReport);
        return jdbc.queryForObject("SELECT LAST_INSERT_ID()", Long.class);
    }

    private long login(LocalDateTime lastUsed, LocalDateTime revoked) {
        jdbc.update("INSERT INTO login_session (subject_type, subject_id, session_key, created_at, last_used_at, "
                + "revoked_at, revoke_reason) VALUES ('RESIDENT', 0, ?, ?, ?, ?, ?)",
                UUID.randomUUID().toString().replace("-", ""), lastUsed.minusDays(1), lastUsed, revoked,
                revoked == null ? null : "LOGOUT");
        return jdbc.queryForObject("SELECT LAST_INSERT_ID()", Long.class);
    }

    private String refreshToken(long session, LocalDateTime expires) {
        String hash = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
        jdbc.update("INSERT INTO refresh_token (token_hash, session_id, issued_at, expires_at) VALUES (?, ?, ?, ?)",
                hash, session, expires.minusDays(30), expires);
        return hash;
    }

    private boolean exists(String table, String column, Object value) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?", Integer.class,
                value) == 1;
    }
}
