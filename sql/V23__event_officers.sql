-- 科普信息员 at events: the officers staff name as an event's (co-)organisers, and officers' check-ins as helpers
-- at a session. Both make the officer active (the event feature publishes OFFICER_ACTIVITY participation).

CREATE TABLE event_officer_organiser (
  event_id     BIGINT  NOT NULL,
  resident_id  BIGINT  NOT NULL COMMENT 'an approved 科普信息员 or 科普宣传员 when named',
  sort_order   INT     NOT NULL DEFAULT 0,
  PRIMARY KEY (event_id, resident_id),
  KEY idx_event_officer_resident (resident_id),
  CONSTRAINT fk_event_officer_event FOREIGN KEY (event_id) REFERENCES event (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per officer and session: scanning the venue code again changes nothing.
CREATE TABLE event_helper_checkin (
  id                 BIGINT       NOT NULL AUTO_INCREMENT,
  event_id           BIGINT       NOT NULL,
  session_id         BIGINT       NOT NULL,
  resident_id        BIGINT       NULL COMMENT 'NULL once the resident deleted their account',
  check_in_at        DATETIME(3)  NOT NULL,
  location_verified  BOOLEAN      NOT NULL DEFAULT FALSE,
  distance_m         INT          NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_event_helper_checkin (session_id, resident_id),
  KEY idx_event_helper_event (event_id, session_id),
  KEY idx_event_helper_resident (resident_id),
  CONSTRAINT fk_event_helper_event FOREIGN KEY (event_id) REFERENCES event (id),
  CONSTRAINT fk_event_helper_session FOREIGN KEY (session_id) REFERENCES event_session (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
