-- Training certificates: a resident whose attendance at an event was settled with credited hours can open a
-- certificate for it, with a random verification number anyone can check (name masked). One per signup: the
-- unique key makes the first issue the only one, however many requests race to open it.

CREATE TABLE event_certificate (
  id            BIGINT         NOT NULL AUTO_INCREMENT,
  verify_no     CHAR(20)       NOT NULL COMMENT 'random, unguessable (100 bits)',
  signup_id     BIGINT         NOT NULL,
  event_id      BIGINT         NOT NULL,
  resident_id   BIGINT         NOT NULL,
  holder_name   VARCHAR(32)    NULL COMMENT 'nickname at issue time; erased when the account is deleted',
  title         VARCHAR(100)   NOT NULL,
  event_title   VARCHAR(200)   NOT NULL,
  unit_name     VARCHAR(100)   NULL,
  hours         DECIMAL(6, 1)  NOT NULL,
  sessions      INT            NOT NULL COMMENT 'sessions whose hours were credited',
  first_day     DATE           NOT NULL,
  last_day      DATE           NOT NULL,
  issued_at     DATETIME(3)    NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_event_certificate_verify_no (verify_no),
  UNIQUE KEY uk_event_certificate_signup (signup_id),
  KEY idx_event_certificate_resident (resident_id),
  CONSTRAINT fk_event_certificate_signup FOREIGN KEY (signup_id) REFERENCES event_signup (id),
  CONSTRAINT fk_event_certificate_event FOREIGN KEY (event_id) REFERENCES event (id),
  CONSTRAINT ck_event_certificate_hours CHECK (hours > 0 AND sessions > 0 AND last_day >= first_day)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
