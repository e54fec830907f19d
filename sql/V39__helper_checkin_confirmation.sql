-- Honest hours for officers' helper check-ins: a helper check-in whose position was not verified (no position, or a
-- venue without coordinates) counts as an officer activity only once the event's organiser confirms it, as
-- attendee check-ins and 科普基地 visits already do.

ALTER TABLE event_helper_checkin
  ADD COLUMN presence_confirmed BOOLEAN     NOT NULL DEFAULT FALSE
      COMMENT 'TRUE when the position was verified or an organiser confirmed the helper was there' AFTER distance_m,
  ADD COLUMN confirmed_by       BIGINT      NULL COMMENT 'staff account that confirmed an unverified check-in' AFTER presence_confirmed,
  ADD COLUMN confirmed_at       DATETIME(3) NULL AFTER confirmed_by;

-- Rows recorded before this rule were all credited when they were recorded: they stay counted.
UPDATE event_helper_checkin SET presence_confirmed = TRUE;
