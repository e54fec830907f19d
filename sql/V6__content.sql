-- Science content: items, topics, audience groups, plan sections, the review workflow, likes and favourites,
-- shares and their opens, reading sessions and credited reads, comments. Search is LIKE over the bounded set of
-- published items (no FULLTEXT/ngram, which MySQL and MariaDB do not share).

-- The plan's sections content can serve: its 5 提升行动 (二、) and 5 重点工程 (三、).
-- Codes are the plan model's stable section codes (indicator feature, plan_section.code), so content reads can be
-- reported per section of any plan; this table is content's own copy of that vocabulary (no cross-feature FK).
CREATE TABLE content_plan_section (
  code        VARCHAR(24)  NOT NULL,
  kind        VARCHAR(8)   NOT NULL COMMENT 'ACTION (提升行动) or PROJECT (重点工程)',
  name        VARCHAR(64)  NOT NULL,
  sort_order  INT          NOT NULL,
  PRIMARY KEY (code),
  CONSTRAINT ck_content_plan_section_kind CHECK (kind IN ('ACTION', 'PROJECT'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO content_plan_section (code, kind, name, sort_order) VALUES
  ('YOUTH',       'ACTION',  '青少年科学素质提升行动', 1),
  ('FARMER',      'ACTION',  '农民科学素质提升行动', 2),
  ('WORKER',      'ACTION',  '产业工人科学素质提升行动', 3),
  ('ELDERLY',     'ACTION',  '老年人科学素质提升行动', 4),
  ('OFFICIAL',    'ACTION',  '领导干部和公务员科学素质提升行动', 5),
  ('RESOURCES',  'PROJECT', '科技资源科普化工程', 6),
  ('INFORMATIZATION',       'PROJECT', '科普信息化提升工程', 7),
  ('INFRASTRUCTURE', 'PROJECT', '科普基础设施建设工程', 8),
  ('GRASSROOTS', 'PROJECT', '基层科普能力提升工程', 9),
  ('TALENT',     'PROJECT', '科普人才队伍建设工程', 10);

CREATE TABLE content_topic (
  code        VARCHAR(24)  NOT NULL,
  name        VARCHAR(32)  NOT NULL,
  sort_order  INT          NOT NULL,
  PRIMARY KEY (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO content_topic (code, name, sort_order) VALUES
  ('EMERGENCY',   '应急科普', 1),
  ('CHEMICAL',    '化工安全', 2),
  ('HEALTH',      '健康生活', 3),
  ('AGRICULTURE', '农业技术', 4),
  ('DIGITAL',     '数字技能', 5),
  ('ECOLOGY',     '生态环保', 6),
  ('SCIENCE',     '科学精神', 7),
  ('SKILLS',      '职业技能', 8),
  ('ANTI_FRAUD',  '防范诈骗与谣言', 9);

CREATE TABLE content_item (
  id                 BIGINT        NOT NULL AUTO_INCREMENT,
  type               VARCHAR(8)    NOT NULL COMMENT 'ARTICLE, VIDEO, AUDIO',
  status             VARCHAR(12)   NOT NULL,
  title              VARCHAR(100)  NOT NULL,
  summary            VARCHAR(300)  NOT NULL DEFAULT '',
  body_html          MEDIUMTEXT    NOT NULL COMMENT 'sanitised on write against the allow-list',
  cover_key          VARCHAR(255)  NULL,
  media_key          VARCHAR(255)  NULL COMMENT 'the video or audio of VIDEO/AUDIO items',
  narration_key      VARCHAR(255)  NULL COMMENT 'elder-friendly audio narration',
  large_image_keys   TEXT          NULL COMMENT 'elder-friendly large-type images of the body, newline separated',
  length_seconds     INT           NOT NULL COMMENT 'media duration, or estimated reading time of an article',
  emergency          BOOLEAN       NOT NULL DEFAULT FALSE,
  emergency_until    DATETIME(3)   NULL COMMENT 'pinned while emergency and (until is null or in the future)',
  unit_id            BIGINT        NULL COMMENT 'owning unit; NULL = district',
  author_id          BIGINT        NULL COMMENT 'staff author; NULL for items loaded as demo data',
  reviewer_id        BIGINT        NULL,
  sample_data        BOOLEAN       NOT NULL DEFAULT FALSE,
  publish_at         DATETIME(3)   NULL COMMENT 'scheduled or actual publication time',
  published_at       DATETIME(3)   NULL,
  version            INT           NOT NULL DEFAULT 1,
  like_count         INT           NOT NULL DEFAULT 0,
  favourite_count    INT           NOT NULL DEFAULT 0,
  share_count        INT           NOT NULL DEFAULT 0,
  comment_count      INT           NOT NULL DEFAULT 0,
  read_count         INT           NOT NULL DEFAULT 0,
  created_at         DATETIME(3)   NOT NULL,
  updated_at         DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  KEY idx_content_feed (status, published_at, id),
  KEY idx_content_schedule (status, publish_at),
  KEY idx_content_unit (unit_id, status),
  CONSTRAINT fk_content_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id),
  CONSTRAINT fk_content_author FOREIGN KEY (author_id) REFERENCES staff_account (id),
  CONSTRAINT ck_content_type CHECK (type IN ('ARTICLE', 'VIDEO', 'AUDIO')),
  CONSTRAINT ck_content_status CHECK (status IN ('DRAFT', 'IN_REVIEW', 'REJECTED', 'APPROVED', 'SCHEDULED', 'PUBLISHED', 'ARCHIVED')),
  CONSTRAINT ck_content_length CHECK (length_seconds > 0),
  CONSTRAINT ck_content_counts CHECK (like_count >= 0 AND favourite_count >= 0 AND share_count >= 0
                                      AND comment_count >= 0 AND read_count >= 0),
  -- two-person rule, also in the database: whoever approved is not the author
  CONSTRAINT ck_content_reviewer CHECK (reviewer_id IS NULL OR reviewer_id <> author_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE content_item_topic (
  content_id  BIGINT       NOT NULL,
  topic       VARCHAR(24)  NOT NULL,
  PRIMARY KEY (content_id, topic),
  KEY idx_item_topic (topic, content_id),
  CONSTRAINT fk_item_topic_item FOREIGN KEY (content_id) REFERENCES content_item (id) ON DELETE CASCADE,
  CONSTRAINT fk_item_topic_topic FOREIGN KEY (topic) REFERENCES content_topic (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE content_item_audience (
  content_id        BIGINT       NOT NULL,
  population_group  VARCHAR(24)  NOT NULL,
  PRIMARY KEY (content_id, population_group),
  KEY idx_item_audience (population_group, content_id),
  CONSTRAINT fk_item_audience_item FOREIGN KEY (content_id) REFERENCES content_item (id) ON DELETE CASCADE,
  CONSTRAINT ck_item_audience CHECK (population_group IN ('YOUTH', 'FARMER', 'INDUSTRIAL_WORKER', 'ELDERLY', 'OFFICIAL', 'OTHER'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE content_item_section (
  content_id    BIGINT       NOT NULL,
  section_code  VARCHAR(24)  NOT NULL,
  PRIMARY KEY (content_id, section_code),
  KEY idx_item_section (section_code, content_id),
  CONSTRAINT fk_item_section_item FOREIGN KEY (content_id) REFERENCES content_item (id) ON DELETE CASCADE,
  CONSTRAINT fk_item_section_section FOREIGN KEY (section_code) REFERENCES content_plan_section (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every workflow step: who, when, why.
CREATE TABLE content_transition (
  id           BIGINT        NOT NULL AUTO_INCREMENT,
  content_id   BIGINT        NOT NULL,
  action       VARCHAR(16)   NOT NULL,
  from_status  VARCHAR(12)   NULL,
  to_status    VARCHAR(12)   NOT NULL,
  actor_id     BIGINT        NULL COMMENT 'staff account; NULL for the scheduler',
  reason       VARCHAR(500)  NULL,
  created_at   DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  KEY idx_transition_content (content_id, id),
  CONSTRAINT fk_transition_item FOREIGN KEY (content_id) REFERENCES content_item (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE content_like (
  resident_id  BIGINT       NOT NULL,
  content_id   BIGINT       NOT NULL,
  created_at   DATETIME(3)  NOT NULL,
  PRIMARY KEY (resident_id, content_id),
  CONSTRAINT fk_like_item FOREIGN KEY (content_id) REFERENCES content_item (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE content_favourite (
  resident_id  BIGINT       NOT NULL,
  content_id   BIGINT       NOT NULL,
  created_at   DATETIME(3)  NOT NULL,
  PRIMARY KEY (resident_id, content_id),
  KEY idx_favourite_recent (resident_id, created_at),
  CONSTRAINT fk_favourite_item FOREIGN KEY (content_id) REFERENCES content_item (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A share link's token: opens through it are attributed to the sharer.
CREATE TABLE content_share (
  id           BIGINT       NOT NULL AUTO_INCREMENT,
  token        CHAR(22)     NOT NULL,
  content_id   BIGINT       NOT NULL,
  sharer_id    BIGINT       NULL COMMENT 'resident; NULL once the account is deleted',
  channel      VARCHAR(16)  NOT NULL DEFAULT 'WECHAT',
  created_at   DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_share_token (token),
  KEY idx_share_sharer (sharer_id),
  CONSTRAINT fk_share_item FOREIGN KEY (content_id) REFERENCES content_item (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE content_share_open (
  id           BIGINT       NOT NULL AUTO_INCREMENT,
  share_id     BIGINT       NOT NULL,
  opener_id    BIGINT       NULL,
  opener_key   VARCHAR(32)  NOT NULL COMMENT 'R:<resident id>; stays unique after the resident is erased',
  created_at   DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_share_open (share_id, opener_key),
  CONSTRAINT fk_share_open_share FOREIGN KEY (share_id) REFERENCES content_share (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One open of an item by a resident; progress reports credit effective time only.
CREATE TABLE read_session (
  id                BIGINT       NOT NULL AUTO_INCREMENT,
  resident_id       BIGINT       NULL,
  content_id        BIGINT       NOT NULL,
  share_id          BIGINT       NULL,
  length_seconds    INT          NOT NULL,
  required_seconds  INT          NOT NULL,
  furthest_position INT          NOT NULL DEFAULT 0,
  credited_seconds  INT          NOT NULL DEFAULT 0,
  report_count      INT          NOT NULL DEFAULT 0,
  started_at        DATETIME(3)  NOT NULL,
  last_report_at    DATETIME(3)  NOT NULL,
  completed_at      DATETIME(3)  NULL,
  PRIMARY KEY (id),
  KEY idx_read_session_resident (resident_id, content_id),
  CONSTRAINT fk_read_session_item FOREIGN KEY (content_id) REFERENCES content_item (id),
  CONSTRAINT ck_read_session_credit CHECK (credited_seconds >= 0 AND credited_seconds <= length_seconds)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A completed read: at most one per resident and item, whatever the number of sessions.
CREATE TABLE content_read (
  id               BIGINT       NOT NULL AUTO_INCREMENT,
  resident_id      BIGINT       NULL COMMENT 'NULL once the resident is erased; the count stays',
  person_key       VARCHAR(32)  NOT NULL,
  content_id       BIGINT       NOT NULL,
  session_id       BIGINT       NOT NULL,
  credited_seconds INT          NOT NULL,
  completed_at     DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_content_read (person_key, content_id),
  KEY idx_content_read_item (content_id),
  CONSTRAINT fk_content_read_item FOREIGN KEY (content_id) REFERENCES content_item (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE content_comment (
  id            BIGINT        NOT NULL AUTO_INCREMENT,
  content_id    BIGINT        NOT NULL,
  resident_id   BIGINT        NULL,
  body          VARCHAR(500)  NOT NULL,
  status        VARCHAR(12)   NOT NULL COMMENT 'VISIBLE, IN_REVIEW, HIDDEN, REJECTED, DELETED',
  check_suggest VARCHAR(12)   NULL COMMENT 'msgSecCheck v2 result.suggest, or ERROR when WeChat failed',
  check_label   INT           NULL,
  check_trace_id VARCHAR(64)  NULL,
  reviewer_id   BIGINT        NULL,
  review_reason VARCHAR(200)  NULL,
  created_at    DATETIME(3)   NOT NULL,
  reviewed_at   DATETIME(3)   NULL,
  PRIMARY KEY (id),
  KEY idx_comment_item (content_id, status, id),
  KEY idx_comment_status (status, id),
  KEY idx_comment_resident (resident_id),
  CONSTRAINT fk_comment_item FOREIGN KEY (content_id) REFERENCES content_item (id),
  CONSTRAINT ck_comment_status CHECK (status IN ('VISIBLE', 'IN_REVIEW', 'HIDDEN', 'REJECTED', 'DELETED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
