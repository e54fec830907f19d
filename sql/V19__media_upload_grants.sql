-- Every upload key the server hands out, with what it was issued for. Confirmations and OSS callbacks are accepted
-- only for these keys and only within what was issued (owner, purpose, type, size range), never from what the
-- client or the callback body claims.
CREATE TABLE media_upload_grant (
  object_key    VARCHAR(255)  NOT NULL,
  owner_type    VARCHAR(16)   NOT NULL,
  owner_id      BIGINT        NOT NULL,
  purpose       VARCHAR(32)   NOT NULL,
  content_type  VARCHAR(100)  NOT NULL,
  min_bytes     BIGINT        NOT NULL,
  max_bytes     BIGINT        NOT NULL,
  expires_at    DATETIME(3)   NOT NULL COMMENT 'when the upload policy stops being accepted',
  created_at    DATETIME(3)   NOT NULL,
  PRIMARY KEY (object_key),
  KEY idx_media_upload_grant_owner (owner_type, owner_id),
  CONSTRAINT ck_media_upload_grant_size CHECK (min_bytes >= 1 AND max_bytes >= min_bytes)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
