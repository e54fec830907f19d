-- Editing a published item no longer changes it in place: the edit is a revision that a second person approves
-- while the approved version stays live. At most one open (in review or rejected) revision per item.
CREATE TABLE content_revision (
  id            BIGINT        NOT NULL AUTO_INCREMENT,
  content_id    BIGINT        NOT NULL,
  status        VARCHAR(16)   NOT NULL,
  request_json  MEDIUMTEXT    NOT NULL COMMENT 'the edit as submitted (ContentRequests.Save), applied on approval',
  author_id     BIGINT        NOT NULL,
  reviewer_id   BIGINT        NULL,
  reason        VARCHAR(500)  NULL,
  created_at    DATETIME(3)   NOT NULL,
  updated_at    DATETIME(3)   NOT NULL,
  open_flag     TINYINT       AS (CASE WHEN status IN ('IN_REVIEW', 'REJECTED') THEN 1 END) STORED,
  PRIMARY KEY (id),
  UNIQUE KEY uk_content_revision_open (content_id, open_flag),
  CONSTRAINT fk_content_revision_item FOREIGN KEY (content_id) REFERENCES content_item (id),
  CONSTRAINT ck_content_revision_status CHECK (status IN ('IN_REVIEW', 'REJECTED', 'APPLIED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every emergency ends: one pinned without an end ends 30 days after it was published.
UPDATE content_item SET emergency_until = DATE_ADD(COALESCE(published_at, created_at), INTERVAL 30 DAY)
 WHERE emergency = TRUE AND emergency_until IS NULL;
ALTER TABLE content_item ADD CONSTRAINT ck_content_emergency_end CHECK (emergency = FALSE OR emergency_until IS NOT NULL);
