-- One row per scheduled job (ShedLock's table, named for this schema): the instance that moves lock_until into the
-- future runs the job, every other instance skips that turn. Times are the database's UTC clock, so instances with
-- skewed clocks still agree.
CREATE TABLE job_lock (
    name       VARCHAR(64)  NOT NULL,
    lock_until DATETIME(3)  NOT NULL,
    locked_at  DATETIME(3)  NOT NULL,
    locked_by  VARCHAR(255) NOT NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
