-- 科技志愿者: registry (residents apply, staff approve) and service hours credited from volunteer-service events.

CREATE TABLE volunteer (
  id                BIGINT        NOT NULL AUTO_INCREMENT,
  resident_id       BIGINT        NOT NULL,
  status            VARCHAR(16)   NOT NULL DEFAULT 'PENDING',
  real_name_cipher  VARCHAR(255)  NULL COMMENT 'AES-GCM; NULL once the account is deleted',
  real_name_masked  VARCHAR(40)   NULL,
  skills            VARCHAR(500)  NOT NULL COMMENT 'comma list of skills',
  region_code       VARCHAR(12)   NOT NULL,
  availability      VARCHAR(200)  NULL,
  review_note       VARCHAR(200)  NULL,
  reviewed_by       BIGINT        NULL,
  reviewed_at       DATETIME(3)   NULL,
  total_hours       DECIMAL(8,2)  NOT NULL DEFAULT 0,
  service_count     INT           NOT NULL DEFAULT 0,
  created_at        DATETIME(3)   NOT NULL,
  updated_at        DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_volunteer_resident (resident_id),
  KEY idx_volunteer_status (status, region_code),
  CONSTRAINT fk_volunteer_region FOREIGN KEY (region_code) REFERENCES region (code),
  CONSTRAINT ck_volunteer_status CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
  CONSTRAINT ck_volunteer_hours CHECK (total_hours >= 0 AND service_count >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per credited attendance of a volunteer-service event; the unique key makes crediting idempotent.
CREATE TABLE volunteer_service (
  id             BIGINT        NOT NULL AUTO_INCREMENT,
  volunteer_id   BIGINT        NOT NULL,
  attendance_id  BIGINT        NOT NULL,
  event_id       BIGINT        NOT NULL,
  event_title    VARCHAR(100)  NOT NULL,
  hours          DECIMAL(5,2)  NOT NULL,
  served_on      DATE          NOT NULL,
  created_at     DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_volunteer_service_attendance (attendance_id),
  KEY idx_volunteer_service_volunteer (volunteer_id, served_on),
  CONSTRAINT fk_volunteer_service_volunteer FOREIGN KEY (volunteer_id) REFERENCES volunteer (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
