-- Uploaded media: objects confirmed by OSS's callback or by the client's confirmation, and WeChat's media-check
-- verdicts.

CREATE TABLE media_object (
  id             BIGINT       NOT NULL AUTO_INCREMENT,
  object_key     VARCHAR(255) NOT NULL COMMENT 'key in the bucket (or under the local media dir)',
  owner_type     VARCHAR(16)  NOT NULL COMMENT 'RESIDENT, STAFF, SYSTEM',
  owner_id       BIGINT       NULL,
  purpose        VARCHAR(24)  NOT NULL,
  content_type   VARCHAR(64)  NOT NULL,
  size_bytes     BIGINT       NOT NULL,
  check_status   VARCHAR(16)  NOT NULL COMMENT 'NOT_REQUIRED, PENDING, PASS, REVIEW, RISKY, FAILED',
  check_trace_id VARCHAR(64)  NULL COMMENT 'mediaCheckAsync trace_id; the wxa_media_check push is matched on it',
  check_label    INT          NULL,
  created_at     DATETIME(3)  NOT NULL,
  checked_at     DATETIME(3)  NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_media_object_key (object_key),
  UNIQUE KEY uk_media_object_trace (check_trace_id),
  KEY idx_media_object_owner (owner_type, owner_id),
  CONSTRAINT ck_media_owner_type CHECK (owner_type IN ('RESIDENT', 'STAFF', 'SYSTEM')),
  CONSTRAINT ck_media_check_status CHECK (check_status IN ('NOT_REQUIRED', 'PENDING', 'PASS', 'REVIEW', 'RISKY', 'FAILED')),
  CONSTRAINT ck_media_size CHECK (size_bytes >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE media_check_verdict (
  trace_id    VARCHAR(64) NOT NULL COMMENT 'mediaCheckAsync trace_id',
  status      VARCHAR(16) NOT NULL COMMENT 'PASS, REVIEW, RISKY (from result.suggest)',
  label       INT         NULL COMMENT 'WeChat label, 100 = normal',
  received_at DATETIME(3) NOT NULL,
  PRIMARY KEY (trace_id),
  CONSTRAINT ck_media_verdict_status CHECK (status IN ('PASS', 'REVIEW', 'RISKY'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
