-- Residents: the mini-program's users. Personal data is encrypted per value, with a keyed hash for lookups and a
-- masked form for display; a deleted account keeps nothing that leads back to the person.

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
