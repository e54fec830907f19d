package cn.yunxi.kepu.common.retention;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long records that only serve a running login or a reading in progress are kept (prefix
 * {@code kepu.retention}).
 *
 * @param readSessions  reading sessions, counted from their last progress report; a completed read stays counted in
 *                      its own record, so only unfinished and superseded sessions go
 * @param endedLogins   logins after they were revoked (logout, password change, theft) or could no longer be
 *                      refreshed; kept this long for questions about them, then deleted with their refresh tokens
 * @param batch         rows deleted per statement, so a sweep never holds long locks
 */
@ConfigurationProperties("kepu.retention")
public record RetentionProperties(@DefaultValue("90d") Duration readSessions, @DefaultValue("30d") Duration endedLogins,
                                  @DefaultValue("1000") int batch) {
}
