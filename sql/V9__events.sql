-- Events and trainings: sessions, signups with database-enforced seats and waitlist, attendance and hours,
-- one-time subscribe-message quotas and the notices sent with them.

CREATE TABLE event (
  id                     BIGINT        NOT NULL AUTO_INCREMENT,
  kind                   VARCHAR(24)   NOT NULL,
  status                 VARCHAR(16)   NOT NULL DEFAULT 'DRAFT',
  title                  VARCHAR(100)  NOT NULL,
  description            TEXT          NULL,
  organiser_unit_id      BIGINT        NOT NULL,
  created_by             BIGINT        NOT NULL COMMENT 'staff account',
  venue_name             VARCHAR(100)  NOT NULL,
  venue_address          VARCHAR(200)  NULL,
  latitude               DECIMAL(9,6)  NULL,
  longitude              DECIMAL(9,6)  NULL,
  checkin_radius_m       INT           NOT NULL DEFAULT 500,
  starts_at              DATETIME(3)   NOT NULL COMMENT 'start of the first session',
  ends_at                DATETIME(3)   NOT NULL COMMENT 'end of the last session',
  signup_opens_at        DATETIME(3)   NOT NULL,
  signup_closes_at       DATETIME(3)   NOT NULL,
  cancel_deadline        DATETIME(3)   NOT NULL COMMENT 'residents may cancel until then',
  capacity               INT           NOT NULL,
  taken                  INT           NOT NULL DEFAULT 0 COMMENT 'confirmed seats; only conditional updates change it',
  waitlist_enabled       BOOLEAN       NOT NULL DEFAULT TRUE,
  eligible_groups        VARCHAR(200)  NULL COMMENT 'comma list of PopulationGroup names; NULL = everyone',
  eligible_regions       VARCHAR(500)  NULL COMMENT 'comma list of town/village codes; NULL = whole district',
  min_age                SMALLINT      NULL,
  max_age                SMALLINT      NULL,
  volunteers_only        BOOLEAN       NOT NULL DEFAULT FALSE,
  form_fields            TEXT          NULL COMMENT 'JSON array of custom signup form fields',
  indicator_codes        VARCHAR(500)  NULL COMMENT 'comma list of plan indicator codes its attendance counts toward',
  training_hours         DECIMAL(6,2)  NOT NULL COMMENT 'sum of the sessions'' hours',
  min_attendance_percent SMALLINT      NOT NULL DEFAULT 60,
  wxacode_key            VARCHAR(255)  NULL COMMENT 'object-storage key of the poster mini-program code',
  published_at           DATETIME(3)   NULL,
  cancelled_at           DATETIME(3)   NULL,
  finished_at            DATETIME(3)   NULL,
  created_at             DATETIME(3)   NOT NULL,
  updated_at             DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  KEY idx_event_listing (status, starts_at),
  KEY idx_event_unit (organiser_unit_id, created_at),
  CONSTRAINT fk_event_unit FOREIGN KEY (organiser_unit_id) REFERENCES org_unit (id),
  CONSTRAINT ck_event_kind CHECK (kind IN ('TRAINING', 'LECTURE', 'ACTIVITY', 'COMPETITION', 'VOLUNTEER_SERVICE', 'BASE_VISIT')),
  CONSTRAINT ck_event_status CHECK (status IN ('DRAFT', 'PUBLISHED', 'CANCELLED', 'FINISHED')),
  -- the seat invariant: never more confirmed seats than capacity, never negative
  CONSTRAINT ck_event_seats CHECK (taken >= 0 AND taken <= capacity),
  CONSTRAINT ck_event_capacity CHECK (capacity > 0),
  CONSTRAINT ck_event_radius CHECK (checkin_radius_m BETWEEN 10 AND 50000),
  CONSTRAINT ck_event_share CHECK (min_attendance_percent BETWEEN 1 AND 100),
  CONSTRAINT ck_event_times CHECK (ends_at > starts_at AND signup_closes_at > signup_opens_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE event_session (
  id          BIGINT        NOT NULL AUTO_INCREMENT,
  event_id    BIGINT        NOT NULL,
  seq         SMALLINT      NOT NULL,
  starts_at   DATETIME(3)   NOT NULL,
  ends_at     DATETIME(3)   NOT NULL,
  hours       DECIMAL(5,2)  NOT NULL COMMENT 'training hours credited for attending this session',
  PRIMARY KEY (id),
  UNIQUE KEY uk_event_session_seq (event_id, seq),
  CONSTRAINT fk_event_session_event FOREIGN KEY (event_id) REFERENCES event (id) ON DELETE CASCADE,
  CONSTRAINT ck_event_session_times CHECK (ends_at > starts_at),
  CONSTRAINT ck_event_session_hours CHECK (hours >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per signup attempt that got a place (confirmed or waitlisted). The waitlist is ordered by
-- (waitlist_order, id): ordinary signups keep 0 and queue by arrival (the AUTO_INCREMENT id, assigned while the
-- event row is locked by the seat update); when capacity is lowered below the confirmed seats, the most recently
-- confirmed lose their seat and, when the event keeps a waitlist, go to its front with negative values, in their
-- original order.
CREATE TABLE event_signup (
  id                  BIGINT        NOT NULL AUTO_INCREMENT,
  event_id            BIGINT        NOT NULL,
  person_key          VARCHAR(80)   NOT NULL COMMENT 'R:<residentId> or P:<phone lookup hash>',
  active_person_key   VARCHAR(80)   NULL COMMENT 'person_key while the signup is active, NULL once cancelled',
  resident_id         BIGINT        NULL COMMENT 'the participant, when they have an account',
  status              VARCHAR(16)   NOT NULL,
  waitlist_order      BIGINT        NOT NULL DEFAULT 0
                      COMMENT 'waitlist sort key before id: 0 = by arrival; negative = seat withdrawn, queued ahead',
  proxy               BOOLEAN       NOT NULL DEFAULT FALSE,
  proxied_by_type     VARCHAR(16)   NULL COMMENT 'RESIDENT or STAFF who signed the person up',
  proxied_by_id       BIGINT        NULL,
  name_cipher         VARCHAR(255)  NULL COMMENT 'proxy signups: the participant''s name, AES-GCM',
  name_masked         VARCHAR(40)   NULL,
  phone_cipher        VARCHAR(255)  NULL,
  phone_hash          CHAR(64)      NULL,
  phone_masked        VARCHAR(16)   NULL,
  form_answers        TEXT          NULL COMMENT 'JSON object of custom form answers',
  region_code         VARCHAR(12)   NULL,
  population_group    VARCHAR(24)   NULL,
  created_at          DATETIME(3)   NOT NULL,
  confirmed_at        DATETIME(3)   NULL,
  cancelled_at        DATETIME(3)   NULL,
  cancel_reason       VARCHAR(24)   NULL,
  PRIMARY KEY (id),
  -- one active signup per person per event; cancelled rows keep their history
  UNIQUE KEY uk_event_signup_person (event_id, active_person_key),
  KEY idx_event_signup_queue (event_id, status, waitlist_order, id),
  KEY idx_event_signup_resident (resident_id, created_at),
  KEY idx_event_signup_phone (phone_hash),
  CONSTRAINT fk_event_signup_event FOREIGN KEY (event_id) REFERENCES event (id),
  CONSTRAINT ck_event_signup_status CHECK (status IN ('CONFIRMED', 'WAITLISTED', 'CANCELLED')),
  CONSTRAINT ck_event_signup_active CHECK ((status = 'CANCELLED') = (active_person_key IS NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE event_attendance (
  id                 BIGINT        NOT NULL AUTO_INCREMENT,
  signup_id          BIGINT        NOT NULL,
  event_id           BIGINT        NOT NULL,
  session_id         BIGINT        NOT NULL,
  person_key         VARCHAR(80)   NOT NULL,
  resident_id        BIGINT        NULL,
  check_in_at        DATETIME(3)   NOT NULL,
  check_in_method    VARCHAR(16)   NOT NULL,
  checked_in_by      BIGINT        NULL COMMENT 'staff account for ticket and bulk check-ins',
  location_verified  BOOLEAN       NOT NULL DEFAULT FALSE,
  distance_m         INT           NULL,
  check_out_at       DATETIME(3)   NULL,
  attended_minutes   INT           NULL,
  credited           BOOLEAN       NULL COMMENT 'NULL until settled (check-out or session end)',
  hours              DECIMAL(5,2)  NULL,
  settled_at         DATETIME(3)   NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_event_attendance (signup_id, session_id),
  KEY idx_event_attendance_event (event_id, session_id),
  KEY idx_event_attendance_unsettled (settled_at, session_id),
  KEY idx_event_attendance_resident (resident_id),
  CONSTRAINT fk_event_attendance_signup FOREIGN KEY (signup_id) REFERENCES event_signup (id),
  CONSTRAINT fk_event_attendance_session FOREIGN KEY (session_id) REFERENCES event_session (id),
  CONSTRAINT ck_event_attendance_method CHECK (check_in_method IN ('VENUE_QR', 'TICKET', 'BULK'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One-time subscribe messages: each acceptance in the mini-program allows exactly one message.
CREATE TABLE subscribe_quota (
  resident_id  BIGINT       NOT NULL,
  template     VARCHAR(24)  NOT NULL COMMENT 'REMINDER, WAITLIST, CHANGE',
  remaining    INT          NOT NULL DEFAULT 0,
  updated_at   DATETIME(3)  NOT NULL,
  PRIMARY KEY (resident_id, template),
  CONSTRAINT ck_subscribe_quota CHECK (remaining >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Notices to send. Claimed (PENDING -> SENDING) by a conditional update before sending, so two instances never
-- send the same one; a notice left in SENDING by a crash is given up (UNKNOWN), never sent a second time.
CREATE TABLE event_notice (
  id           BIGINT        NOT NULL AUTO_INCREMENT,
  event_id     BIGINT        NOT NULL,
  signup_id    BIGINT        NOT NULL,
  resident_id  BIGINT        NOT NULL,
  kind         VARCHAR(24)   NOT NULL,
  dedupe_key   VARCHAR(64)   NOT NULL,
  template     VARCHAR(24)   NOT NULL,
  due_at       DATETIME(3)   NOT NULL,
  status       VARCHAR(16)   NOT NULL DEFAULT 'PENDING',
  attempts     INT           NOT NULL DEFAULT 0,
  claim_token  CHAR(36)      NULL,
  claimed_at   DATETIME(3)   NULL,
  sent_at      DATETIME(3)   NULL,
  error_code   INT           NULL,
  created_at   DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_event_notice (signup_id, kind, dedupe_key),
  KEY idx_event_notice_due (status, due_at),
  KEY idx_event_notice_claim (claim_token),
  CONSTRAINT ck_event_notice_kind CHECK (kind IN ('REMINDER_24H', 'REMINDER_2H', 'PROMOTED', 'CHANGED',
      'CANCELLED', 'SEAT_WITHDRAWN')),
  CONSTRAINT ck_event_notice_status CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'REFUSED', 'NO_QUOTA',
      'FAILED', 'UNKNOWN', 'SKIPPED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
