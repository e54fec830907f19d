package cn.yunxi.kepu.media;

import java.time.LocalDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The upload keys the server issued and what each was issued for. An upload is recorded only for an issued key, with
 * the owner, purpose and type of its grant, and a size inside the grant's range: neither the client (choosing a key
 * under its prefix) nor an OSS callback body decides any of them.
 */
@Component
class UploadGrantRepository {

    record Grant(String key, MediaOwner owner, MediaPurpose purpose, String contentType, long minBytes, long maxBytes) {

        boolean allows(String type, long size) {
            return type != null && contentType.equalsIgnoreCase(type.strip()) && size >= minBytes && size <= maxBytes;
        }
    }

    private final JdbcClient jdbc;

    UploadGrantRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void remember(Grant grant, LocalDateTime expiresAt, LocalDateTime now) {
        jdbc.sql("INSERT INTO media_upload_grant (object_key, owner_type, owner_id, purpose, content_type, min_bytes, "
                        + "max_bytes, expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(grant.key(), grant.owner().type().name(), grant.owner().id(), grant.purpose().name(),
                        grant.contentType(), grant.minBytes(), grant.maxBytes(), expiresAt, now)
                .update();
    }

    Optional<Grant> find(String key) {
        return jdbc.sql("SELECT object_key, owner_type, owner_id, purpose, content_type, min_bytes, max_bytes "
                        + "FROM media_upload_grant WHERE object_key = ?")
                .param(key)
                .query((rs, n) -> new Grant(rs.getString("object_key"),
                        new MediaOwner(MediaOwner.Type.valueOf(rs.getString("owner_type")), rs.getLong("owner_id")),
                        MediaPurpose.valueOf(rs.getString("purpose")), rs.getString("content_type"),
                        rs.getLong("min_bytes"), rs.getLong("max_bytes")))
                .optional();
    }
}
