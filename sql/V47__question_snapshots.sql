-- What an attempt showed is kept once per question version instead of once per attempt: a snapshot row holds the
-- question as it was (stem, options in bank order, correct indexes, explanation), found again by the SHA-256 of its
-- body, and an attempt keeps only which snapshots it showed and in what option order (paper_refs_json). Editing a
-- question makes a new snapshot; attempts keep pointing at the old one. Attempts started before this migration keep
-- their full copy in paper_json.
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

ALTER TABLE quiz_attempt
  MODIFY paper_json MEDIUMTEXT NULL COMMENT 'attempts started before V47: the full copy of what was shown',
  ADD COLUMN paper_refs_json TEXT NULL
      COMMENT 'JSON [[snapshotId, [bank index of each shown option, in shown order]], ...] in shown question order'
      AFTER paper_json,
  ADD CONSTRAINT ck_quiz_attempt_paper CHECK (paper_json IS NOT NULL OR paper_refs_json IS NOT NULL);
