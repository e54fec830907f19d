-- 科普信息员 (science information officers) and 科普宣传员 (promoters) of each village / community.

CREATE TABLE science_officer (
  id               BIGINT       NOT NULL AUTO_INCREMENT,
  resident_id      BIGINT       NULL COMMENT 'NULL once the resident deleted their account',
  role             VARCHAR(16)  NOT NULL COMMENT 'INFO_OFFICER (科普信息员) or PROMOTER (科普宣传员)',
  region_code      VARCHAR(12)  NOT NULL,
  town_code        VARCHAR(12)  NOT NULL,
  name_cipher      VARCHAR(255) NULL,
  name_masked      VARCHAR(40)  NULL,
  phone_cipher     VARCHAR(255) NULL,
  phone_hash       CHAR(64)     NULL,
  phone_masked     VARCHAR(16)  NULL,
  motivation       VARCHAR(500) NULL,
  status           VARCHAR(16)  NOT NULL DEFAULT 'PENDING',
  applied_at       DATETIME(3)  NOT NULL,
  reviewed_by      BIGINT       NULL,
  reviewed_at      DATETIME(3)  NULL,
  review_note      VARCHAR(500) NULL,
  last_active_on   DATE         NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_officer_resident_role (resident_id, role),
  KEY idx_officer_region (region_code, role, status, last_active_on),
  KEY idx_officer_town (town_code, status),
  CONSTRAINT fk_officer_region FOREIGN KEY (region_code) REFERENCES region (code),
  CONSTRAINT ck_officer_role CHECK (role IN ('INFO_OFFICER', 'PROMOTER')),
  CONSTRAINT ck_officer_status CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'REVOKED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- What made an officer active: shares of content and activities they ran (one row per source record).
CREATE TABLE officer_activity (
  id            BIGINT       NOT NULL AUTO_INCREMENT,
  officer_id    BIGINT       NOT NULL,
  activity_key  VARCHAR(100) NOT NULL COMMENT 'idempotency key of the source (share:..., event:..., participation record key)',
  kind          VARCHAR(16)  NOT NULL COMMENT 'SHARE or ACTIVITY',
  title         VARCHAR(200) NULL,
  occurred_on   DATE         NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_officer_activity (activity_key),
  KEY idx_officer_activity_officer (officer_id, occurred_on),
  CONSTRAINT fk_officer_activity_officer FOREIGN KEY (officer_id) REFERENCES science_officer (id),
  CONSTRAINT ck_officer_activity_kind CHECK (kind IN ('SHARE', 'ACTIVITY'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Residents who opened something an officer shared (reach): one row per share and viewer.
CREATE TABLE officer_share_open (
  activity_id   BIGINT      NOT NULL,
  viewer_key    VARCHAR(80) NOT NULL COMMENT 'R:<residentId>',
  opened_at     DATETIME(3) NOT NULL,
  PRIMARY KEY (activity_id, viewer_key),
  CONSTRAINT fk_share_open_activity FOREIGN KEY (activity_id) REFERENCES officer_activity (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
