-- 科普基地: the registry of science bases and residents' on-site check-ins.

CREATE TABLE science_base (
  id                BIGINT         NOT NULL AUTO_INCREMENT,
  name              VARCHAR(100)   NOT NULL,
  type              VARCHAR(24)    NOT NULL COMMENT 'EDUCATION 科普教育基地, TOURISM_EDUCATION 科普旅游教育基地, DEMONSTRATION 科普示范基地',
  level             VARCHAR(16)    NOT NULL COMMENT 'DISTRICT, CITY, PROVINCE, NATIONAL',
  accredited_on     DATE           NOT NULL,
  accredited_by     VARCHAR(100)   NULL,
  region_code       VARCHAR(12)    NULL,
  address           VARCHAR(200)   NOT NULL,
  latitude          DECIMAL(9,6)   NOT NULL,
  longitude         DECIMAL(9,6)   NOT NULL,
  geofence_meters   INT            NOT NULL DEFAULT 300,
  opening_hours     VARCHAR(200)   NULL,
  contact_name      VARCHAR(40)    NULL,
  contact_phone     VARCHAR(32)    NULL COMMENT 'a public service number, not personal data',
  description       VARCHAR(2000)  NULL,
  photo_keys        VARCHAR(2000)  NULL COMMENT 'media object keys, newline-separated',
  status            VARCHAR(16)    NOT NULL DEFAULT 'ACTIVE',
  created_at        DATETIME(3)    NOT NULL,
  updated_at        DATETIME(3)    NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_base_name (name),
  KEY idx_base_accredited (level, type, accredited_on),
  CONSTRAINT ck_base_type CHECK (type IN ('EDUCATION', 'TOURISM_EDUCATION', 'DEMONSTRATION')),
  CONSTRAINT ck_base_level CHECK (level IN ('DISTRICT', 'CITY', 'PROVINCE', 'NATIONAL')),
  CONSTRAINT ck_base_status CHECK (status IN ('ACTIVE', 'WITHDRAWN')),
  CONSTRAINT ck_base_geo CHECK (latitude BETWEEN -90 AND 90 AND longitude BETWEEN -180 AND 180),
  CONSTRAINT ck_base_geofence CHECK (geofence_meters BETWEEN 20 AND 5000)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE base_check_in (
  id            BIGINT        NOT NULL AUTO_INCREMENT,
  base_id       BIGINT        NOT NULL,
  resident_id   BIGINT        NULL COMMENT 'NULL once the resident deleted their account',
  visit_day     DATE          NOT NULL,
  distance_m    INT           NOT NULL,
  checked_in_at DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_base_check_in (base_id, resident_id, visit_day),
  KEY idx_check_in_resident (resident_id),
  CONSTRAINT fk_check_in_base FOREIGN KEY (base_id) REFERENCES science_base (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
