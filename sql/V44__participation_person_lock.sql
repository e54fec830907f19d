-- One row per person the participation ledger has seen: the lock that serialises all aggregate work on that
-- person. Applying a record first takes this row with INSERT ... ON DUPLICATE KEY UPDATE, which creates or finds
-- it and always leaves it exclusively locked, so the read-modify-write of the person's distinct-person rows
-- (indicator_person) and of the roll-ups moved by their difference (indicator_person_monthly) never interleaves
-- with another record of the same person. (A SELECT ... FOR UPDATE of a missing indicator_person row locks
-- nothing under READ COMMITTED, so it cannot serve as that lock.)
CREATE TABLE participation_person (
  person_key        VARCHAR(80)  NOT NULL,
  records_applied   BIGINT       NOT NULL DEFAULT 0 COMMENT 'record versions applied, redeliveries included',
  PRIMARY KEY (person_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
