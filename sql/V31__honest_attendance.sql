-- Honest hours: a check-in whose presence nobody verified (no position, or a venue without coordinates) earns
-- hours only after the organiser confirms it; hours come from a check-out or the organiser's end-of-session
-- confirmation, never from "no check-out means stayed to the end". 科普基地 check-ins follow the same rule.

ALTER TABLE event_attendance
  ADD COLUMN presence_confirmed BOOLEAN     NOT NULL DEFAULT FALSE
      COMMENT 'TRUE when the position was verified or an organiser saw the person (ticket, tick, bulk)' AFTER distance_m,
  ADD COLUMN confirmed_by       BIGINT      NULL COMMENT 'staff account that confirmed an unverified check-in' AFTER presence_confirmed,
  ADD COLUMN check_out_method   VARCHAR(16) NULL COMMENT 'VENUE_QR, TICKET, TICK, BULK, END_CONFIRMED' AFTER check_out_at,
  DROP CONSTRAINT ck_event_attendance_method;

ALTER TABLE event_attendance
  ADD CONSTRAINT ck_event_attendance_method CHECK (check_in_method IN ('VENUE_QR', 'TICKET', 'BULK', 'TICK')),
  ADD CONSTRAINT ck_event_attendance_out_method
      CHECK (check_out_method IS NULL OR check_out_method IN ('VENUE_QR', 'TICKET', 'TICK', 'BULK', 'END_CONFIRMED')),
  -- a check-out time and its method come together
  ADD CONSTRAINT ck_event_attendance_out CHECK ((check_out_at IS NULL) = (check_out_method IS NULL));

-- Rows recorded before this rule: the organiser's own ways in, and verified positions, were seen on site.
UPDATE event_attendance SET presence_confirmed = TRUE
 WHERE location_verified = TRUE OR check_in_method IN ('TICKET', 'BULK');
UPDATE event_attendance SET check_out_method = CASE WHEN check_in_method = 'BULK' THEN 'BULK' ELSE 'VENUE_QR' END
 WHERE check_out_at IS NOT NULL;

ALTER TABLE base_check_in
  MODIFY distance_m INT NULL COMMENT 'NULL when the phone sent no position',
  ADD COLUMN location_verified BOOLEAN     NOT NULL DEFAULT TRUE AFTER distance_m,
  ADD COLUMN confirmed_by      BIGINT      NULL COMMENT 'staff account that confirmed an unverified visit' AFTER location_verified,
  ADD COLUMN confirmed_at      DATETIME(3) NULL AFTER confirmed_by,
  ADD KEY idx_base_check_in_unconfirmed (base_id, location_verified, confirmed_at);
ALTER TABLE base_check_in ALTER COLUMN location_verified SET DEFAULT FALSE;
