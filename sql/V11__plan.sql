-- The plan as data: plans, their sections (总体目标, 5 提升行动, 5 重点工程), the units of each section's
-- 责任分工 line, the tasks ("——" items), indicators with targets, manual values, snapshots and unit reports; and
-- the participation ledger every feature's ParticipationRecorded events land in, with the aggregates the
-- dashboard reads.

CREATE TABLE plan (
  id            BIGINT       NOT NULL AUTO_INCREMENT,
  code          VARCHAR(32)  NOT NULL COMMENT 'stable code, e.g. YUNXI-2022-2025',
  name          VARCHAR(200) NOT NULL,
  issuing_body  VARCHAR(100) NOT NULL,
  document_no   VARCHAR(100) NULL,
  period_start  DATE         NOT NULL,
  period_end    DATE         NOT NULL,
  issued_on     DATE         NULL,
  created_at    DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_plan_code (code),
  CONSTRAINT ck_plan_period CHECK (period_end >= period_start)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE plan_section (
  id                   BIGINT       NOT NULL AUTO_INCREMENT,
  plan_id              BIGINT       NOT NULL,
  code                 VARCHAR(32)  NOT NULL COMMENT 'stable across plans: OVERALL, YOUTH, FARMER, ...',
  kind                 VARCHAR(16)  NOT NULL COMMENT 'GOAL, ACTION (提升行动), PROJECT (重点工程)',
  name                 VARCHAR(100) NOT NULL,
  summary              TEXT         NULL,
  responsibility_text  VARCHAR(1000) NULL COMMENT 'the plan''s 责任分工 line as written',
  sort_order           INT          NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  UNIQUE KEY uk_plan_section_code (plan_id, code),
  CONSTRAINT fk_plan_section_plan FOREIGN KEY (plan_id) REFERENCES plan (id),
  CONSTRAINT ck_plan_section_kind CHECK (kind IN ('GOAL', 'ACTION', 'PROJECT'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE plan_section_unit (
  section_id  BIGINT      NOT NULL,
  unit_id     BIGINT      NOT NULL,
  role        VARCHAR(16) NOT NULL COMMENT 'LEAD (牵头) or PARTICIPANT (参加)',
  sort_order  INT         NOT NULL DEFAULT 0,
  PRIMARY KEY (section_id, unit_id),
  CONSTRAINT fk_psu_section FOREIGN KEY (section_id) REFERENCES plan_section (id),
  CONSTRAINT fk_psu_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id),
  CONSTRAINT ck_psu_role CHECK (role IN ('LEAD', 'PARTICIPANT'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE plan_task (
  id            BIGINT        NOT NULL AUTO_INCREMENT,
  section_id    BIGINT        NOT NULL,
  seq           INT           NOT NULL,
  title         VARCHAR(200)  NOT NULL,
  description   TEXT          NULL,
  lead_unit_id  BIGINT        NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_plan_task_seq (section_id, seq),
  KEY idx_plan_task_unit (lead_unit_id),
  CONSTRAINT fk_plan_task_section FOREIGN KEY (section_id) REFERENCES plan_section (id),
  CONSTRAINT fk_plan_task_unit FOREIGN KEY (lead_unit_id) REFERENCES org_unit (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE indicator (
  id                BIGINT        NOT NULL AUTO_INCREMENT,
  plan_id           BIGINT        NOT NULL,
  section_id        BIGINT        NOT NULL,
  code              VARCHAR(48)   NOT NULL COMMENT 'stable tag events use, e.g. HIGH_QUALITY_FARMERS',
  name              VARCHAR(200)  NOT NULL,
  unit              VARCHAR(8)    NOT NULL COMMENT '人, 人次, 个, %',
  target            DECIMAL(12,2) NOT NULL,
  target_basis      VARCHAR(8)    NOT NULL COMMENT 'PERIOD (whole plan period) or YEARLY (each year)',
  measure           VARCHAR(24)   NOT NULL,
  population_group  VARCHAR(24)   NULL COMMENT 'DISTINCT_PERSONS / PERSON_TIMES: count only this group',
  base_level        VARCHAR(16)   NULL COMMENT 'BASES_ACCREDITED: level counted',
  base_types        VARCHAR(200)  NULL COMMENT 'BASES_ACCREDITED: comma-separated types counted',
  proxy_measure     VARCHAR(32)   NULL COMMENT 'MANUAL survey figures shown beside a computed proxy',
  method            VARCHAR(500)  NOT NULL COMMENT 'how it is measured, in words',
  source_text       VARCHAR(500)  NULL COMMENT 'the sentence of the plan that sets the target',
  lead_unit_id      BIGINT        NOT NULL,
  sort_order        INT           NOT NULL DEFAULT 0,
  created_at        DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_indicator_code (plan_id, code),
  KEY idx_indicator_code (code),
  CONSTRAINT fk_indicator_plan FOREIGN KEY (plan_id) REFERENCES plan (id),
  CONSTRAINT fk_indicator_section FOREIGN KEY (section_id) REFERENCES plan_section (id),
  CONSTRAINT fk_indicator_unit FOREIGN KEY (lead_unit_id) REFERENCES org_unit (id),
  CONSTRAINT ck_indicator_unit CHECK (unit IN ('人', '人次', '个', '%')),
  CONSTRAINT ck_indicator_basis CHECK (target_basis IN ('PERIOD', 'YEARLY')),
  CONSTRAINT ck_indicator_target CHECK (target > 0),
  CONSTRAINT ck_indicator_measure CHECK (measure IN ('DISTINCT_PERSONS', 'PERSON_TIMES', 'OFFICER_COVERAGE',
      'PROMOTER_COVERAGE', 'BASES_ACCREDITED', 'MANUAL')),
  CONSTRAINT ck_indicator_proxy CHECK (proxy_measure IS NULL OR (measure = 'MANUAL' AND proxy_measure = 'SELF_TEST_PASS_RATE'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- MANUAL figures: entered by the lead unit with evidence, approved (or rejected) by the district admin.
CREATE TABLE indicator_manual_entry (
  id             BIGINT        NOT NULL AUTO_INCREMENT,
  indicator_id   BIGINT        NOT NULL,
  as_of          DATE          NOT NULL,
  value          DECIMAL(12,2) NOT NULL,
  note           VARCHAR(1000) NULL,
  evidence_keys  VARCHAR(2000) NOT NULL COMMENT 'media object keys, newline-separated',
  status         VARCHAR(16)   NOT NULL DEFAULT 'SUBMITTED',
  unit_id        BIGINT        NULL,
  submitted_by   BIGINT        NOT NULL,
  submitted_at   DATETIME(3)   NOT NULL,
  reviewed_by    BIGINT        NULL,
  reviewed_at    DATETIME(3)   NULL,
  review_note    VARCHAR(500)  NULL,
  PRIMARY KEY (id),
  KEY idx_manual_indicator (indicator_id, status, as_of),
  CONSTRAINT fk_manual_indicator FOREIGN KEY (indicator_id) REFERENCES indicator (id),
  CONSTRAINT ck_manual_status CHECK (status IN ('SUBMITTED', 'APPROVED', 'REJECTED')),
  CONSTRAINT ck_manual_value CHECK (value >= 0),
  CONSTRAINT ck_manual_reviewed CHECK (status = 'SUBMITTED' OR (reviewed_by IS NOT NULL AND reviewed_at IS NOT NULL)),
  CONSTRAINT ck_manual_reject_reason CHECK (status <> 'REJECTED' OR review_note IS NOT NULL)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Monthly snapshots: the figures as reported. Rows are only ever inserted (the code has no update path and
-- the unique key stops a second snapshot of the same month).
CREATE TABLE indicator_snapshot (
  id           BIGINT      NOT NULL AUTO_INCREMENT,
  plan_id      BIGINT      NOT NULL,
  month        DATE        NOT NULL COMMENT 'first day of the reported month',
  taken_at     DATETIME(3) NOT NULL,
  taken_by     BIGINT      NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_snapshot_month (plan_id, month),
  CONSTRAINT fk_snapshot_plan FOREIGN KEY (plan_id) REFERENCES plan (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE indicator_snapshot_value (
  snapshot_id   BIGINT        NOT NULL,
  indicator_id  BIGINT        NOT NULL,
  value         DECIMAL(14,4) NULL,
  target        DECIMAL(12,2) NOT NULL,
  percent       DECIMAL(9,2)  NULL,
  status        VARCHAR(16)   NOT NULL,
  PRIMARY KEY (snapshot_id, indicator_id),
  CONSTRAINT fk_snapshot_value_snapshot FOREIGN KEY (snapshot_id) REFERENCES indicator_snapshot (id),
  CONSTRAINT fk_snapshot_value_indicator FOREIGN KEY (indicator_id) REFERENCES indicator (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 检查评估: each lead unit reports progress on its tasks every quarter.
CREATE TABLE unit_report (
  id             BIGINT        NOT NULL AUTO_INCREMENT,
  task_id        BIGINT        NOT NULL,
  unit_id        BIGINT        NOT NULL,
  quarter        CHAR(7)       NOT NULL COMMENT 'YYYY-Qn',
  progress       TEXT          NOT NULL,
  figures        VARCHAR(2000) NULL COMMENT 'key figures as the unit states them',
  evidence_keys  VARCHAR(2000) NULL COMMENT 'media object keys, newline-separated',
  submitted_by   BIGINT        NOT NULL,
  submitted_at   DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_unit_report (task_id, unit_id, quarter),
  KEY idx_unit_report_quarter (quarter),
  CONSTRAINT fk_unit_report_task FOREIGN KEY (task_id) REFERENCES plan_task (id),
  CONSTRAINT fk_unit_report_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id),
  CONSTRAINT ck_unit_report_quarter CHECK (quarter REGEXP '^[0-9]{4}-Q[1-4]$')
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The participation ledger: one row per published ParticipationRecorded.recordKey (idempotent).
CREATE TABLE participation_record (
  id                BIGINT        NOT NULL AUTO_INCREMENT,
  record_key        VARCHAR(100)  NOT NULL,
  kind              VARCHAR(24)   NOT NULL,
  person_key        VARCHAR(80)   NOT NULL,
  resident_id       BIGINT        NULL,
  person_label      VARCHAR(40)   NULL COMMENT 'already masked by the publisher',
  region_code       VARCHAR(12)   NOT NULL DEFAULT '',
  town_code         VARCHAR(12)   NOT NULL DEFAULT '',
  population_group  VARCHAR(24)   NOT NULL DEFAULT '',
  source_type       VARCHAR(24)   NOT NULL,
  source_id         BIGINT        NOT NULL,
  source_title      VARCHAR(200)  NULL,
  occurred_on       DATE          NOT NULL,
  indicator_codes   VARCHAR(1000) NOT NULL DEFAULT '',
  hours             DECIMAL(8,2)  NULL,
  passed            BOOLEAN       NULL,
  withdrawn         BOOLEAN       NOT NULL DEFAULT FALSE,
  received_at       DATETIME(3)   NOT NULL,
  updated_at        DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_participation_key (record_key),
  KEY idx_participation_resident (resident_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- What each live (not withdrawn) record counts toward: its indicator codes, '#<KIND>' and 'S:<section code>'.
-- Denormalised from participation_record so every aggregate is one scan of one table.
CREATE TABLE participation_tag (
  record_id         BIGINT       NOT NULL,
  tag               VARCHAR(64)  NOT NULL,
  kind              VARCHAR(24)  NOT NULL,
  occurred_on       DATE         NOT NULL,
  person_key        VARCHAR(80)  NOT NULL,
  region_code       VARCHAR(12)  NOT NULL,
  town_code         VARCHAR(12)  NOT NULL,
  population_group  VARCHAR(24)  NOT NULL,
  hours             DECIMAL(8,2) NULL,
  passed            BOOLEAN      NULL,
  -- clustered by day so a recompute of a date range reads one contiguous stretch of the table
  PRIMARY KEY (occurred_on, tag, record_id),
  UNIQUE KEY uk_tag_record (record_id, tag),
  -- covers the first-record-per-person query of the distinct-person counters
  KEY idx_tag_person (tag, person_key, occurred_on, region_code, town_code, population_group, passed)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Daily aggregates per tag, kind, day, village and population group (person-times, hours, passes). Distinct
-- persons are never summed from these: they live in indicator_person.
CREATE TABLE indicator_daily (
  tag               VARCHAR(64)   NOT NULL,
  kind              VARCHAR(24)   NOT NULL,
  day               DATE          NOT NULL,
  region_code       VARCHAR(12)   NOT NULL,
  population_group  VARCHAR(24)   NOT NULL,
  town_code         VARCHAR(12)   NOT NULL,
  person_times      INT           NOT NULL,
  hours             DECIMAL(12,2) NOT NULL,
  passed            INT           NOT NULL,
  PRIMARY KEY (tag, kind, day, region_code, population_group),
  KEY idx_daily_day (day)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Monthly roll-up of indicator_daily (person-times and hours only), what the dashboard reads.
CREATE TABLE indicator_monthly (
  tag               VARCHAR(64)   NOT NULL,
  kind              VARCHAR(24)   NOT NULL,
  month             DATE          NOT NULL,
  town_code         VARCHAR(12)   NOT NULL,
  population_group  VARCHAR(24)   NOT NULL,
  person_times      INT           NOT NULL,
  hours             DECIMAL(14,2) NOT NULL,
  PRIMARY KEY (tag, kind, month, town_code, population_group)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Distinct persons: one row per person per counting window of a person-based indicator (the plan period, or
-- one year for per-year targets), holding the person's first record in that window.
CREATE TABLE indicator_person (
  indicator_id      BIGINT       NOT NULL,
  window_start      DATE         NOT NULL,
  person_key        VARCHAR(80)  NOT NULL,
  first_on          DATE         NOT NULL,
  first_record_id   BIGINT       NOT NULL,
  region_code       VARCHAR(12)  NOT NULL,
  town_code         VARCHAR(12)  NOT NULL,
  population_group  VARCHAR(24)  NOT NULL,
  passed            BOOLEAN      NULL,
  PRIMARY KEY (indicator_id, window_start, person_key),
  KEY idx_person_first (indicator_id, window_start, first_on)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Roll-up of indicator_person by first month, town and group (what the dashboard reads).
CREATE TABLE indicator_person_monthly (
  indicator_id      BIGINT       NOT NULL,
  window_start      DATE         NOT NULL,
  month             DATE         NOT NULL,
  town_code         VARCHAR(12)  NOT NULL,
  population_group  VARCHAR(24)  NOT NULL,
  persons           INT          NOT NULL,
  passed            INT          NOT NULL,
  PRIMARY KEY (indicator_id, window_start, month, town_code, population_group)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per person the participation ledger has seen: the lock that serialises all aggregate work on that
-- person. Applying a record first takes this row with INSERT ... ON DUPLICATE KEY UPDATE, which creates or finds
-- it and always leaves it exclusively locked, so the read-modify-write of the person's distinct-person rows
-- (indicator_person) and of the roll-ups moved by their difference (indicator_person_monthly) never interleaves
-- with another record of the same person. (A SELECT ... FOR UPDATE of a missing indicator_person row locks
-- nothing under READ COMMITTED, so it cannot serve as that lock.)
CREATE TABLE participation_person (
  person_key        VARCHAR(80)  NOT NULL,
  records_applied   BIGINT       NOT NULL DEFAULT 0 COMMENT 'record versions applied, redeliveries included',
  PRIMARY KEY (person_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
