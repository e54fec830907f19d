-- Offline check-in: scans and ticks an organiser's phone made without network are synced later, each under
-- an id the phone generated. The primary key on that id makes every operation count exactly once, however often
-- the phone resends it; the stored outcome is what a resend is answered with.

CREATE TABLE organiser_sync_op (
  op_id          VARCHAR(64)   NOT NULL COMMENT 'generated on the phone',
  staff_id       BIGINT        NOT NULL,
  event_id       BIGINT        NOT NULL,
  outcome        VARCHAR(16)   NOT NULL,
  attendance_id  BIGINT        NULL,
  code           VARCHAR(40)   NULL COMMENT 'error code of a refusal',
  detail         VARCHAR(200)  NULL,
  occurred_at    DATETIME(3)   NOT NULL COMMENT 'when the scan or tick happened on the phone',
  synced_at      DATETIME(3)   NOT NULL,
  PRIMARY KEY (op_id),
  KEY idx_organiser_sync_event (event_id, synced_at),
  CONSTRAINT fk_organiser_sync_staff FOREIGN KEY (staff_id) REFERENCES staff_account (id),
  CONSTRAINT ck_organiser_sync_outcome CHECK (outcome IN ('APPLIED', 'CONFLICT', 'REFUSED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
