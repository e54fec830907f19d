-- What every feature stands on: login sessions with their rotating refresh tokens, and Spring Modulith's event
-- publication registry, through which one feature's events reach another's listeners even across a crash.

-- One row per login (device). Refresh tokens rotate inside it; reuse of a rotated token revokes it.
CREATE TABLE login_session (
  id             BIGINT       NOT NULL AUTO_INCREMENT,
  subject_type   VARCHAR(16)  NOT NULL,
  subject_id     BIGINT       NOT NULL,
  session_key    CHAR(32)     NOT NULL COMMENT 'random; names the login in access tokens and revocation markers',
  created_at     DATETIME(3)  NOT NULL,
  last_used_at   DATETIME(3)  NOT NULL,
  revoked_at     DATETIME(3)  NULL,
  revoke_reason  VARCHAR(32)  NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_login_session_key (session_key),
  KEY idx_login_session_subject (subject_type, subject_id),
  CONSTRAINT ck_login_session_subject CHECK (subject_type IN ('RESIDENT', 'STAFF'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE refresh_token (
  token_hash    CHAR(64)     NOT NULL COMMENT 'SHA-256 of the token; the token itself is never stored',
  session_id    BIGINT       NOT NULL,
  issued_at     DATETIME(3)  NOT NULL,
  expires_at    DATETIME(3)  NOT NULL,
  rotated_at    DATETIME(3)  NULL,
  PRIMARY KEY (token_hash),
  KEY idx_refresh_token_session (session_id),
  CONSTRAINT fk_refresh_token_session FOREIGN KEY (session_id) REFERENCES login_session (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Spring Modulith's JDBC event publication registry (its schema v2 for MySQL/MariaDB). SERIALIZED_EVENT is
-- MEDIUMTEXT rather than Modulith's VARCHAR(4000): a batch of participation records (quiz submissions graded
-- together) is published as one event and outgrows 4000 characters.
CREATE TABLE EVENT_PUBLICATION (
  ID                     VARCHAR(36)  NOT NULL,
  LISTENER_ID            VARCHAR(512) NOT NULL,
  EVENT_TYPE             VARCHAR(512) NOT NULL,
  SERIALIZED_EVENT       MEDIUMTEXT   NOT NULL,
  PUBLICATION_DATE       TIMESTAMP(6) NOT NULL,
  COMPLETION_DATE        TIMESTAMP(6) NULL DEFAULT NULL,
  STATUS                 VARCHAR(20)  NULL,
  COMPLETION_ATTEMPTS    INT          NULL,
  LAST_RESUBMISSION_DATE TIMESTAMP(6) NULL DEFAULT NULL,
  PRIMARY KEY (ID),
  INDEX EVENT_PUBLICATION_BY_COMPLETION_DATE_IDX (COMPLETION_DATE),
  -- Modulith marks a publication complete by listener and event; without this index that UPDATE scans (and,
  -- before READ COMMITTED, locked) the whole table, deadlocking with concurrent publishers.
  INDEX EVENT_PUBLICATION_BY_LISTENER_IDX (LISTENER_ID, COMPLETION_DATE)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
