-- Quizzes: the question bank, quizzes and contests, attempts and the question snapshots they showed, contest
-- standings, the wrong-answer book, daily streaks, leaderboard consent and certificates.

-- The 26 benchmarks of the 中国公民科学素质基准 (中国科协、科技部, 2016) that questions are filed under, with a
-- dimension grouping for reports. THE WORDING AND THE GROUPING MUST BE CHECKED AGAINST THE OFFICIAL TEXT before the
-- names are shown publicly; the numbers are what questions store.
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
  sample_data      BOOLEAN       NOT NULL DEFAULT FALSE COMMENT 'TRUE for the illustrative questions of the demo data',
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

-- What an attempt showed, kept once per question version instead of once per attempt: a snapshot holds the
-- question as it was (stem, options in bank order, correct indexes, explanation), found again by the SHA-256 of
-- its body. Editing a question makes a new snapshot; attempts keep pointing at the old one.
CREATE TABLE quiz_question_snapshot (
  id           BIGINT       NOT NULL AUTO_INCREMENT,
  question_id  BIGINT       NOT NULL,
  digest       CHAR(64)     NOT NULL COMMENT 'SHA-256 (hex) of body_json',
  body_json    MEDIUMTEXT   NOT NULL COMMENT 'the question as shown, options in bank order',
  created_at   DATETIME     NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_quiz_question_snapshot_digest (digest),
  KEY idx_quiz_question_snapshot_question (question_id),
  CONSTRAINT fk_quiz_question_snapshot_question FOREIGN KEY (question_id) REFERENCES quiz_question (id)
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

-- One run of a quiz by a resident. paper_refs_json names the question snapshots it showed and the order their
-- options were shown in, so editing a question never changes an attempt.
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
  paper_json        MEDIUMTEXT    NULL COMMENT 'a full copy of what was shown, for attempts that refer to no snapshots',
  paper_refs_json   TEXT          NULL
                    COMMENT 'JSON [[snapshotId, [bank index of each shown option, in shown order]], ...] in shown question order',
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
      AND result_json IS NOT NULL)),
  CONSTRAINT ck_quiz_attempt_paper CHECK (paper_json IS NOT NULL OR paper_refs_json IS NOT NULL)
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

INSERT INTO sci_benchmark (benchmark_no, dimension, name) VALUES
  (1, '科学精神', '知道世界是可被认知的，能以科学的态度认识世界'),
  (2, '科学方法', '知道用系统的方法分析问题、解决问题'),
  (3, '科学精神', '具有基本的科学精神，了解科学技术研究的基本过程'),
  (4, '科学精神', '具有创新意识，理解和支持科技创新'),
  (5, '科学与社会', '了解科学、技术与社会的关系，认识到技术产生的影响具有两面性'),
  (6, '科学与社会', '树立生态文明理念，与自然和谐相处'),
  (7, '科学与社会', '树立可持续发展理念，有效利用资源'),
  (8, '科学精神', '崇尚科学，具有辨别信息真伪的基本能力'),
  (9, '科学方法', '掌握获取知识或信息的科学方法'),
  (10, '科学方法', '掌握基本的数学运算和逻辑思维能力'),
  (11, '科学知识', '掌握基本的物理知识'),
  (12, '科学知识', '掌握基本的化学知识'),
  (13, '科学知识', '掌握基本的天文知识'),
  (14, '科学知识', '掌握基本的地球科学和地理知识'),
  (15, '科学知识', '了解生命现象、生物多样性与进化的基本知识'),
  (16, '科学知识', '了解人体生理知识'),
  (17, '科学知识', '知道常见疾病和安全用药的常识'),
  (18, '科学知识', '掌握饮食、营养的基本知识，养成良好生活习惯'),
  (19, '应用能力', '掌握安全出行基本知识，能正确使用交通工具'),
  (20, '应用能力', '掌握安全用电、用气等常识，能正确使用家用电器和电子产品'),
  (21, '应用能力', '了解农业生产的基本知识和方法'),
  (22, '应用能力', '具备基本劳动技能，能正确使用相关工具与设备'),
  (23, '应用能力', '具有安全生产意识，遵守生产规章制度和操作规程'),
  (24, '应用能力', '掌握常见事故的救援知识和急救方法'),
  (25, '应用能力', '掌握自然灾害的防御和应急避险的基本方法'),
  (26, '应用能力', '了解环境污染的危害及其应对措施，合理利用土地资源和水资源');

-- The standing quizzes every resident sees. Staff tune them (question count, time limit, pass mark) in the console.
INSERT INTO quiz (kind, title, description, status, time_limit_seconds, attempts_allowed, question_count,
    question_score, pass_percent, paper_mode, created_at, updated_at) VALUES
  ('DAILY', '每日答题', '每天 5 道题，答对得积分，连续答题有记录。', 'PUBLISHED', 300, 1, 5, 10, 60, 'DRAWN', NOW(3), NOW(3)),
  ('PRACTICE', '练习模式', '一题一练，答完即看解析；答错的题进入错题本。', 'PUBLISHED', NULL, 1, 1, 10, 60, 'DRAWN', NOW(3), NOW(3)),
  ('SELF_TEST', '科学素质自测', '按《中国公民科学素质基准》出题的自测，仅供参考，不代表官方科学素质测评结果。', 'PUBLISHED', 1200, 100, 20, 5, 60, 'DRAWN', NOW(3), NOW(3));
