-- Foundation schema: regions, units, staff, residents, login sessions, event publication registry.
-- Runs on MySQL 8 and MariaDB 10.11+: utf8mb4_unicode_ci, no 0900 collations, no JSON_TABLE, no ngram.

CREATE TABLE region (
  code         VARCHAR(12)  NOT NULL COMMENT 'GB/T 2260 style division code',
  parent_code  VARCHAR(12)  NULL,
  name         VARCHAR(64)  NOT NULL,
  level        VARCHAR(16)  NOT NULL COMMENT 'DISTRICT, TOWN, VILLAGE',
  kind         VARCHAR(16)  NOT NULL COMMENT '区, 街道, 镇, 乡, 社区, 村',
  population   INT          NULL COMMENT 'registered residents, for participation rates; NULL when unknown',
  sample_data  BOOLEAN      NOT NULL DEFAULT FALSE COMMENT 'TRUE when the row is illustrative, not sourced from a public division list',
  sort_order   INT          NOT NULL DEFAULT 0,
  PRIMARY KEY (code),
  KEY idx_region_parent (parent_code, sort_order),
  CONSTRAINT fk_region_parent FOREIGN KEY (parent_code) REFERENCES region (code),
  CONSTRAINT ck_region_level CHECK (level IN ('DISTRICT', 'TOWN', 'VILLAGE'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Units: the district departments named in the plan's 责任分工 lines, and the towns/streets.
CREATE TABLE org_unit (
  id           BIGINT       NOT NULL AUTO_INCREMENT,
  code         VARCHAR(32)  NOT NULL,
  name         VARCHAR(64)  NOT NULL,
  kind         VARCHAR(16)  NOT NULL COMMENT 'DISTRICT_OFFICE, DEPARTMENT, TOWN, PARK',
  region_code  VARCHAR(12)  NULL COMMENT 'for TOWN units: the town they administer',
  sort_order   INT          NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY uk_org_unit_code (code),
  UNIQUE KEY uk_org_unit_name (name),
  CONSTRAINT fk_org_unit_region FOREIGN KEY (region_code) REFERENCES region (code),
  CONSTRAINT ck_org_unit_kind CHECK (kind IN ('DISTRICT_OFFICE', 'DEPARTMENT', 'TOWN', 'PARK'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE staff_account (
  id                    BIGINT       NOT NULL AUTO_INCREMENT,
  username              VARCHAR(32)  NOT NULL,
  display_name          VARCHAR(32)  NOT NULL,
  password_hash         VARCHAR(100) NOT NULL COMMENT 'BCrypt',
  role                  VARCHAR(24)  NOT NULL,
  unit_id               BIGINT       NULL,
  status                VARCHAR(16)  NOT NULL DEFAULT 'ACTIVE',
  failed_login_count    INT          NOT NULL DEFAULT 0,
  locked_until          DATETIME(3)  NULL,
  last_login_at         DATETIME(3)  NULL,
  created_at            DATETIME(3)  NOT NULL,
  updated_at            DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_staff_username (username),
  CONSTRAINT fk_staff_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id),
  CONSTRAINT ck_staff_role CHECK (role IN ('DISTRICT_ADMIN', 'UNIT_ADMIN', 'TOWN_ADMIN', 'ORGANISER')),
  CONSTRAINT ck_staff_status CHECK (status IN ('ACTIVE', 'DISABLED')),
  -- only the district admin works across units; everyone else belongs to one
  CONSTRAINT ck_staff_unit CHECK (role = 'DISTRICT_ADMIN' OR unit_id IS NOT NULL)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE resident (
  id                       BIGINT       NOT NULL AUTO_INCREMENT,
  openid                   VARCHAR(64)  NULL COMMENT 'NULL once the account is deleted',
  unionid                  VARCHAR(64)  NULL,
  status                   VARCHAR(16)  NOT NULL DEFAULT 'ACTIVE',
  nickname                 VARCHAR(32)  NULL,
  avatar_key               VARCHAR(255) NULL,
  region_code              VARCHAR(12)  NULL,
  population_group         VARCHAR(24)  NULL,
  birth_year               SMALLINT     NULL,
  elder_mode               BOOLEAN      NOT NULL DEFAULT FALSE,
  privacy_policy_version   VARCHAR(32)  NULL,
  privacy_accepted_at      DATETIME(3)  NULL,
  phone_cipher             VARCHAR(255) NULL COMMENT 'AES-GCM, key from KEPU_DATA_KEY',
  phone_hash               CHAR(64)     NULL COMMENT 'HMAC-SHA256 for lookups',
  phone_masked             VARCHAR(16)  NULL,
  created_at               DATETIME(3)  NOT NULL,
  updated_at               DATETIME(3)  NOT NULL,
  deleted_at               DATETIME(3)  NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_resident_openid (openid),
  KEY idx_resident_phone_hash (phone_hash),
  KEY idx_resident_region (region_code),
  CONSTRAINT fk_resident_region FOREIGN KEY (region_code) REFERENCES region (code),
  CONSTRAINT ck_resident_status CHECK (status IN ('ACTIVE', 'DELETED')),
  CONSTRAINT ck_resident_group CHECK (population_group IS NULL OR population_group IN
      ('YOUTH', 'FARMER', 'INDUSTRIAL_WORKER', 'ELDERLY', 'OFFICIAL', 'OTHER')),
  -- a deleted account keeps no way back to the person
  CONSTRAINT ck_resident_erased CHECK (status = 'ACTIVE' OR (openid IS NULL AND unionid IS NULL AND phone_cipher IS NULL
      AND phone_hash IS NULL AND nickname IS NULL AND avatar_key IS NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

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

-- Spring Modulith's JDBC event publication registry (schema v2 for MySQL/MariaDB).
CREATE TABLE EVENT_PUBLICATION (
  ID                     VARCHAR(36)  NOT NULL,
  LISTENER_ID            VARCHAR(512) NOT NULL,
  EVENT_TYPE             VARCHAR(512) NOT NULL,
  SERIALIZED_EVENT       VARCHAR(4000) NOT NULL,
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
