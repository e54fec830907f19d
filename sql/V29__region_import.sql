-- The district loads its real villages and communities (and their populations) from an Excel file in the staff
-- console, so the division tree is no longer changed by migrations alone.
--
-- A name is unique among the children of one town: a re-import matches rows by code, and this key keeps the same
-- village from arriving twice under two codes.
ALTER TABLE region ADD CONSTRAINT uk_region_parent_name UNIQUE (parent_code, name);

-- Every instance keeps the tree in memory; an import bumps this revision in its own transaction and instances
-- reload when they see a new one.
CREATE TABLE region_revision (
  id          TINYINT      NOT NULL,
  revision    BIGINT       NOT NULL,
  changed_at  DATETIME(3)  NULL,
  changed_by  BIGINT       NULL COMMENT 'staff account that imported',
  PRIMARY KEY (id),
  CONSTRAINT ck_region_revision_single CHECK (id = 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO region_revision (id, revision, changed_at, changed_by) VALUES (1, 0, NULL, NULL);
