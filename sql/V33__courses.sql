-- Step-by-step courses (智慧助老: smartphone skills, preventing fraud): a course holds ordered lessons, a lesson holds
-- ordered steps (a large picture, one or two short sentences, optional narration) and ends with 1–3 practice questions
-- from the question bank. Residents' progress, completed lessons and certificates; offline classes linked to a lesson.

CREATE TABLE course (
  id            BIGINT        NOT NULL AUTO_INCREMENT,
  title         VARCHAR(60)   NOT NULL,
  summary       VARCHAR(200)  NOT NULL DEFAULT '',
  topic         VARCHAR(16)   NOT NULL COMMENT 'SMARTPHONE (智能手机) or ANTI_FRAUD (防范诈骗)',
  cover_image   VARCHAR(255)  NULL COMMENT 'media key of an uploaded image, or art:<file> for a drawing shipped with the server',
  status        VARCHAR(12)   NOT NULL,
  unit_id       BIGINT        NULL COMMENT 'owning unit; NULL = district',
  author_id     BIGINT        NULL COMMENT 'staff who wrote it; NULL for sample courses',
  publisher_id  BIGINT        NULL COMMENT 'the second person who checked and published it',
  sample_data   BOOLEAN       NOT NULL DEFAULT FALSE,
  published_at  DATETIME(3)   NULL,
  created_at    DATETIME(3)   NOT NULL,
  updated_at    DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  KEY idx_course_status (status, topic),
  CONSTRAINT fk_course_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id),
  CONSTRAINT fk_course_author FOREIGN KEY (author_id) REFERENCES staff_account (id),
  CONSTRAINT fk_course_publisher FOREIGN KEY (publisher_id) REFERENCES staff_account (id),
  CONSTRAINT ck_course_status CHECK (status IN ('DRAFT', 'PUBLISHED', 'ARCHIVED')),
  CONSTRAINT ck_course_topic CHECK (topic IN ('SMARTPHONE', 'ANTI_FRAUD')),
  -- a course reaches residents only after a second person has looked at it
  CONSTRAINT ck_course_second_person CHECK (publisher_id IS NULL OR author_id IS NULL OR publisher_id <> author_id),
  CONSTRAINT ck_course_published CHECK (status <> 'PUBLISHED' OR published_at IS NOT NULL)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE course_lesson (
  id          BIGINT       NOT NULL AUTO_INCREMENT,
  course_id   BIGINT       NOT NULL,
  position    INT          NOT NULL COMMENT '1-based order within the course',
  title       VARCHAR(60)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_course_lesson_position (course_id, position),
  CONSTRAINT fk_course_lesson_course FOREIGN KEY (course_id) REFERENCES course (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE course_step (
  id             BIGINT        NOT NULL AUTO_INCREMENT,
  lesson_id      BIGINT        NOT NULL,
  position       INT           NOT NULL COMMENT '1-based order within the lesson',
  image          VARCHAR(255)  NOT NULL COMMENT 'media key, or art:<file> for a drawing shipped with the server',
  caption        VARCHAR(80)   NOT NULL COMMENT 'one or two short sentences, shown in large type',
  narration_key  VARCHAR(255)  NULL COMMENT 'media key of the narration audio',
  PRIMARY KEY (id),
  UNIQUE KEY uk_course_step_position (lesson_id, position),
  CONSTRAINT fk_course_step_lesson FOREIGN KEY (lesson_id) REFERENCES course_lesson (id) ON DELETE CASCADE,
  CONSTRAINT ck_course_step_caption CHECK (CHAR_LENGTH(caption) BETWEEN 1 AND 80)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The practice that ends a lesson: 1 to 3 questions of the bank's practice pool (practice shows the answer).
CREATE TABLE course_practice (
  lesson_id    BIGINT  NOT NULL,
  position     INT     NOT NULL,
  question_id  BIGINT  NOT NULL,
  PRIMARY KEY (lesson_id, position),
  UNIQUE KEY uk_course_practice_question (lesson_id, question_id),
  CONSTRAINT fk_course_practice_lesson FOREIGN KEY (lesson_id) REFERENCES course_lesson (id) ON DELETE CASCADE,
  CONSTRAINT fk_course_practice_question FOREIGN KEY (question_id) REFERENCES quiz_question (id),
  CONSTRAINT ck_course_practice_position CHECK (position BETWEEN 1 AND 3)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Where a resident stopped in a lesson, so they resume there.
CREATE TABLE course_progress (
  resident_id  BIGINT       NOT NULL,
  lesson_id    BIGINT       NOT NULL,
  course_id    BIGINT       NOT NULL,
  step         INT          NOT NULL COMMENT '1-based step last shown',
  updated_at   DATETIME(3)  NOT NULL,
  PRIMARY KEY (resident_id, lesson_id),
  KEY idx_course_progress_course (resident_id, course_id, updated_at),
  CONSTRAINT fk_course_progress_lesson FOREIGN KEY (lesson_id) REFERENCES course_lesson (id) ON DELETE CASCADE,
  CONSTRAINT ck_course_progress_step CHECK (step >= 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A lesson finished: in the mini-program (APP) or by attending an offline class that teaches it (EVENT).
CREATE TABLE course_completion (
  id            BIGINT       NOT NULL AUTO_INCREMENT,
  resident_id   BIGINT       NOT NULL,
  lesson_id     BIGINT       NOT NULL,
  course_id     BIGINT       NOT NULL,
  source        VARCHAR(8)   NOT NULL,
  event_id      BIGINT       NULL,
  correct       INT          NULL COMMENT 'practice questions answered right (APP only)',
  completed_at  DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_course_completion (resident_id, lesson_id),
  KEY idx_course_completion_course (resident_id, course_id),
  CONSTRAINT fk_course_completion_lesson FOREIGN KEY (lesson_id) REFERENCES course_lesson (id),
  CONSTRAINT ck_course_completion_source CHECK (source IN ('APP', 'EVENT')),
  CONSTRAINT ck_course_completion_event CHECK ((source = 'EVENT') = (event_id IS NOT NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE course_certificate (
  id           BIGINT       NOT NULL AUTO_INCREMENT,
  resident_id  BIGINT       NOT NULL,
  course_id    BIGINT       NOT NULL,
  serial_no    VARCHAR(24)  NOT NULL,
  issued_at    DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_course_certificate (resident_id, course_id),
  UNIQUE KEY uk_course_certificate_serial (serial_no),
  CONSTRAINT fk_course_certificate_course FOREIGN KEY (course_id) REFERENCES course (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- An offline 智慧助老 class (an event) that teaches a lesson: its counted attendance completes the lesson.
CREATE TABLE course_event_lesson (
  event_id    BIGINT       NOT NULL,
  lesson_id   BIGINT       NOT NULL,
  linked_by   BIGINT       NOT NULL,
  linked_at   DATETIME(3)  NOT NULL,
  PRIMARY KEY (event_id),
  KEY idx_course_event_lesson (lesson_id),
  CONSTRAINT fk_course_event_lesson_event FOREIGN KEY (event_id) REFERENCES event (id),
  CONSTRAINT fk_course_event_lesson_lesson FOREIGN KEY (lesson_id) REFERENCES course_lesson (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
