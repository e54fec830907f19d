-- Points for reading, quizzes, attendance and sharing.

-- Points: an append-only ledger. Each award is unique on (reason, source_key), so retries never pay twice.
-- requested is what the source asked for, amount what was granted after the reason's daily cap.
CREATE TABLE points_ledger (
  id            BIGINT       NOT NULL AUTO_INCREMENT,
  resident_id   BIGINT       NOT NULL,
  reason        VARCHAR(24)  NOT NULL,
  source_key    VARCHAR(64)  NOT NULL,
  requested     INT          NOT NULL,
  amount        INT          NOT NULL,
  award_day     DATE         NOT NULL,
  created_at    DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_points_source (reason, source_key),
  KEY idx_points_resident (resident_id, id),
  CONSTRAINT ck_points_reason CHECK (reason IN ('DAILY_QUIZ', 'CONTEST', 'READING', 'ATTENDANCE', 'SHARE'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Running totals per resident, reason and day: the row lock on it serialises awards, so a cap holds under
-- concurrent requests. Derived from the ledger; never the source of truth for history.
CREATE TABLE points_daily_total (
  resident_id   BIGINT       NOT NULL,
  reason        VARCHAR(24)  NOT NULL,
  award_day     DATE         NOT NULL,
  total         INT          NOT NULL DEFAULT 0,
  PRIMARY KEY (resident_id, reason, award_day)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
