-- Quizzes (question bank, quizzes and contests, attempts, wrong-answer book, streaks, leaderboards,
-- certificates) and the append-only points ledger.
-- Runs on MySQL 8 and MariaDB 10.11+: utf8mb4_unicode_ci, no 0900 collations, no JSON_TABLE, no ngram.

-- The dimensions of the 中国公民科学素质基准 (2016). Rows are seeded in V21.
CREATE TABLE sci_benchmark (
  benchmark_no  TINYINT      NOT NULL COMMENT '基准 number, 1..26',
  dimension     VARCHAR(16)  NOT NULL COMMENT '科学精神 / 科学知识 / 科学方法 / 应用能力 ...',
  name          VARCHAR(128) NOT NULL,
  PRIMARY KEY (benchmark_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE quiz_question (
  id               BIGINT        NOT NULL AUTO_INCREMENT,
  type             VARCHAR(16)   NOT NULL,
  stem             VARCHAR(500)  NOT NULL,
  options_json     TEXT          NOT NULL COMMENT 'JSON array of option texts, in authored order',
  answer           VARCHAR(32)   NOT NULL COMMENT 'comma-separated 0-based indexes of the correct options, ascending',
  explanation      VARCHAR(1000) NULL,
  difficulty       TINYINT       NOT NULL DEFAULT 2 COMMENT '1 easy, 2 medium, 3 hard',
  topics           VARCHAR(255)  NOT NULL DEFAULT '' COMMENT 'comma-separated topic names',
  audience_groups  VARCHAR(255)  NOT NULL DEFAULT '' COMMENT 'comma-separated PopulationGroup names; empty = everyone',
  benchmark_no     TINYINT       NULL,
  status           VARCHAR(16)   NOT NULL DEFAULT 'ACTIVE',
  sample_data      BOOLEAN       NOT NULL DEFAULT FALSE COMMENT 'TRUE for the illustrative seed bank',
  owner_unit_id    BIGINT        NULL,
  created_by       BIGINT        NULL,
  created_at       DATETIME(3)   NOT NULL,
  updated_at       DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  KEY idx_quiz_question_status (status, difficulty),
  CONSTRAINT fk_quiz_question_benchmark FOREIGN KEY (benchmark_no) REFERENCES sci_benchmark (benchmark_no),
  CONSTRAINT ck_quiz_question_type CHECK (type IN ('SINGLE', 'MULTIPLE', 'TRUE_FALSE')),
  CONSTRAINT ck_quiz_question_status CHECK (status IN ('ACTIVE', 'ARCHIVED')),
  CONSTRAINT ck_quiz_question_difficulty CHECK (difficulty BETWEEN 1 AND 3)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE quiz (
  id                   BIGINT        NOT NULL AUTO_INCREMENT,
  kind                 VARCHAR(16)   NOT NULL,
  title                VARCHAR(100)  NOT NULL,
  description          VARCHAR(1000) NULL,
  status               VARCHAR(16)   NOT NULL DEFAULT 'DRAFT',
  opens_at             DATETIME(3)   NULL,
  closes_at            DATETIME(3)   NULL,
  time_limit_seconds   INT           NULL COMMENT 'NULL: no countdown',
  attempts_allowed     INT           NOT NULL DEFAULT 1,
  question_count       INT           NOT NULL,
  question_score       INT           NOT NULL DEFAULT 10,
  pass_percent         INT           NOT NULL DEFAULT 60,
  paper_mode           VARCHAR(16)   NOT NULL DEFAULT 'DRAWN',
  draw_rules_json      TEXT          NULL COMMENT 'JSON array of {difficulty, topic, benchmarkNo, count}',
  eligible_regions     VARCHAR(1000) NOT NULL DEFAULT '' COMMENT 'comma-separated town/village codes; empty = all',
  eligible_groups      VARCHAR(255)  NOT NULL DEFAULT '' COMMENT 'comma-separated PopulationGroup names; empty = all',
  certificate_title    VARCHAR(100)  NULL COMMENT 'contests: a pass issues a certificate with this title',
  owner_unit_id        BIGINT        NULL,
  created_by           BIGINT        NULL,
  created_at           DATETIME(3)   NOT NULL,
  updated_at           DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  KEY idx_quiz_kind_status (kind, status),
  CONSTRAINT ck_quiz_kind CHECK (kind IN ('DAILY', 'PRACTICE', 'CONTEST', 'SELF_TEST')),
  CONSTRAINT ck_quiz_status CHECK (status IN ('DRAFT', 'PUBLISHED', 'CLOSED')),
  CONSTRAINT ck_quiz_paper_mode CHECK (paper_mode IN ('FIXED', 'DRAWN')),
  CONSTRAINT ck_quiz_counts CHECK (attempts_allowed >= 1 AND question_count >= 1 AND question_score >= 1
      AND question_count * question_score <= 1000 AND pass_percent BETWEEN 1 AND 100),
  CONSTRAINT ck_quiz_limit CHECK (time_limit_seconds IS NULL OR time_limit_seconds BETWEEN 30 AND 14400),
  CONSTRAINT ck_quiz_window CHECK (opens_at IS NULL OR closes_at IS NULL OR opens_at < closes_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A fixed paper: the questions of a quiz in order.
CREATE TABLE quiz_paper_question (
  quiz_id      BIGINT NOT NULL,
  position     INT    NOT NULL,
  question_id  BIGINT NOT NULL,
  PRIMARY KEY (quiz_id, position),
  UNIQUE KEY uk_quiz_paper_question (quiz_id, question_id),
  CONSTRAINT fk_paper_quiz FOREIGN KEY (quiz_id) REFERENCES quiz (id),
  CONSTRAINT fk_paper_question FOREIGN KEY (question_id) REFERENCES quiz_question (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One run of a quiz by a resident. paper_json is the snapshot of what was shown (stems, options in the shown
-- order, the correct indexes in that order, explanations), so editing a question never changes an attempt.
CREATE TABLE quiz_attempt (
  id                BIGINT        NOT NULL AUTO_INCREMENT,
  quiz_id           BIGINT        NOT NULL,
  kind              VARCHAR(16)   NOT NULL,
  resident_id       BIGINT        NOT NULL,
  attempt_no        INT           NOT NULL,
  attempt_day       DATE          NULL COMMENT 'DAILY: the Asia/Shanghai day of the run (one per day)',
  status            VARCHAR(16)   NOT NULL DEFAULT 'OPEN',
  started_at        DATETIME(3)   NOT NULL,
  deadline_at       DATETIME(3)   NOT NULL COMMENT 'server-owned; without countdown the end of the quiz window/day',
  countdown         BOOLEAN       NOT NULL DEFAULT TRUE,
  finished_at       DATETIME(3)   NULL,
  duration_ms       BIGINT        NULL,
  question_count    INT           NOT NULL,
  correct_count     INT           NULL,
  score             INT           NULL,
  max_score         INT           NOT NULL,
  passed            BOOLEAN       NULL,
  late              BOOLEAN       NOT NULL DEFAULT FALSE COMMENT 'answers arrived after deadline + grace and were not counted',
  region_code       VARCHAR(12)   NULL,
  town_code         VARCHAR(12)   NULL,
  population_group  VARCHAR(24)   NULL,
  paper_json        MEDIUMTEXT    NOT NULL,
  answers_json      TEXT          NULL COMMENT 'the counted answers: JSON object questionId -> shown indexes',
  result_json       TEXT          NULL COMMENT 'per-question correctness, written once at grading',
  open_flag         TINYINT       AS (CASE WHEN status = 'OPEN' THEN 1 END) STORED
                                  COMMENT '1 while OPEN, else NULL: at most one open attempt per resident and quiz',
  PRIMARY KEY (id),
  UNIQUE KEY uk_quiz_attempt_open (quiz_id, resident_id, open_flag),
  UNIQUE KEY uk_quiz_attempt_no (quiz_id, resident_id, attempt_no),
  UNIQUE KEY uk_quiz_attempt_day (quiz_id, resident_id, attempt_day),
  KEY idx_quiz_attempt_resident (resident_id, id),
  KEY idx_quiz_attempt_open (status, deadline_at),
  KEY idx_quiz_attempt_quiz (quiz_id, status),
  CONSTRAINT fk_quiz_attempt_quiz FOREIGN KEY (quiz_id) REFERENCES quiz (id),
  CONSTRAINT ck_quiz_attempt_status CHECK (status IN ('OPEN', 'SUBMITTED', 'EXPIRED')),
  CONSTRAINT ck_quiz_attempt_graded CHECK (status = 'OPEN' OR (score IS NOT NULL AND finished_at IS NOT NULL
      AND result_json IS NOT NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A contest's standing per resident: the best attempt. rank_value encodes score desc, time used asc and finish
-- time asc in one 53-bit number (see LeaderboardKey); it is the same number the Redis sorted set holds.
CREATE TABLE quiz_contest_entry (
  quiz_id        BIGINT       NOT NULL,
  resident_id    BIGINT       NOT NULL,
  attempt_id     BIGINT       NOT NULL,
  score          INT          NOT NULL,
  duration_ms    BIGINT       NOT NULL,
  finished_at    DATETIME(3)  NOT NULL,
  rank_value     BIGINT       NOT NULL,
  region_code    VARCHAR(12)  NULL,
  town_code      VARCHAR(12)  NULL,
  PRIMARY KEY (quiz_id, resident_id),
  KEY idx_contest_entry_rank (quiz_id, rank_value),
  KEY idx_contest_entry_region (quiz_id, region_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 错题本: a question stays until answered right twice (consecutively) in practice.
CREATE TABLE quiz_wrong_answer (
  resident_id     BIGINT       NOT NULL,
  question_id     BIGINT       NOT NULL,
  wrong_count     INT          NOT NULL DEFAULT 1,
  right_streak    INT          NOT NULL DEFAULT 0,
  last_wrong_at   DATETIME(3)  NOT NULL,
  cleared_at      DATETIME(3)  NULL,
  PRIMARY KEY (resident_id, question_id),
  KEY idx_wrong_answer_open (resident_id, cleared_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE quiz_daily_streak (
  resident_id     BIGINT  NOT NULL,
  last_day        DATE    NOT NULL,
  current_streak  INT     NOT NULL,
  best_streak     INT     NOT NULL,
  PRIMARY KEY (resident_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE quiz_resident_pref (
  resident_id          BIGINT       NOT NULL,
  leaderboard_opt_in   BOOLEAN      NOT NULL DEFAULT FALSE,
  updated_at           DATETIME(3)  NOT NULL,
  PRIMARY KEY (resident_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE quiz_certificate (
  id             BIGINT        NOT NULL AUTO_INCREMENT,
  verify_no      CHAR(20)      NOT NULL COMMENT 'random, unguessable (100 bits)',
  quiz_id        BIGINT        NOT NULL,
  resident_id    BIGINT        NOT NULL,
  attempt_id     BIGINT        NOT NULL,
  holder_name    VARCHAR(32)   NULL COMMENT 'nickname at issue time; erased when the account is deleted',
  title          VARCHAR(100)  NOT NULL,
  quiz_title     VARCHAR(100)  NOT NULL,
  score          INT           NOT NULL,
  max_score      INT           NOT NULL,
  issued_at      DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_certificate_verify_no (verify_no),
  UNIQUE KEY uk_certificate_holder (quiz_id, resident_id),
  CONSTRAINT fk_certificate_quiz FOREIGN KEY (quiz_id) REFERENCES quiz (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

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
