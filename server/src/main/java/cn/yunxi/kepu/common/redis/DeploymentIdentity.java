package cn.yunxi.kepu.common.redis;

import java.security.SecureRandom;
import java.util.HexFormat;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which database this deployment is: a random id stored in the database itself (table {@code deployment_identity},
 * one row, written by the first instance that starts on it). Every Redis key is prefixed with it, so a server on a
 * fresh or restored database never reads what Redis still holds for another database (leaderboards, caches,
 * revocations and rate limits of an older or a staging copy). Deleting the row after a restore gives the next
 * start a new namespace: everything Redis holds is then rebuilt from MySQL, the source of truth.
 */
@Component
public class DeploymentIdentity {

    private final String namespace;

    DeploymentIdentity(JdbcTemplate jdbc) {
        this.namespace = loadOrCreate(jdbc);
    }

    /** The prefix of this deployment's Redis keys (without the separator). */
    public String namespace() {
        return namespace;
    }

    /** Instances starting together may both insert; the primary key keeps the first, and every one reads it back. */
    static String loadOrCreate(JdbcTemplate jdbc) {
        jdbc.update("INSERT INTO deployment_identity (id, redis_namespace, created_at) VALUES (1, ?, UTC_TIMESTAMP()) "
                + "ON DUPLICATE KEY UPDATE id = id", fresh());
        return jdbc.queryForObject("SELECT redis_namespace FROM deployment_identity WHERE id = 1", String.class);
    }

    private static String fresh() {
        byte[] bytes = new byte[6];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
