-- Staff accounts: district, department and town administrators and organisers, each (but the district admin)
-- belonging to one unit.

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
