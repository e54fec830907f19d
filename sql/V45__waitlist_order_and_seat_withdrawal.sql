-- Capacity may now be lowered below the confirmed seats: the most recently confirmed lose their seat and, when the
-- event keeps a waitlist, go to the FRONT of it. Arrival order (the id) alone can no longer express the queue, so
-- the waitlist is ordered by (waitlist_order, id). Ordinary signups keep 0 and therefore queue by arrival; people
-- moved back from a seat get negative values below everyone waiting, in their original order.
-- Numbered after every existing migration so databases already at V44 apply it in order.

ALTER TABLE event_signup
  ADD COLUMN waitlist_order BIGINT NOT NULL DEFAULT 0
      COMMENT 'waitlist sort key before id: 0 = by arrival; negative = seat withdrawn, queued ahead' AFTER status,
  DROP INDEX idx_event_signup_queue,
  ADD KEY idx_event_signup_queue (event_id, status, waitlist_order, id);

-- The notice telling someone their seat was withdrawn (sent with the CHANGE template).
ALTER TABLE event_notice
  DROP CONSTRAINT ck_event_notice_kind,
  ADD CONSTRAINT ck_event_notice_kind CHECK (kind IN ('REMINDER_24H', 'REMINDER_2H', 'PROMOTED', 'CHANGED',
      'CANCELLED', 'SEAT_WITHDRAWN'));
