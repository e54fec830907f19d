-- The deployment's identity: one row, written by the first server that starts on this database. Its id prefixes every
-- Redis key, so a server on a fresh or restored database never reads keys Redis holds for another database. After a
-- restore, delete the row (docs/features/deployment.md): the next start picks a new id and rebuilds from MySQL.
CREATE TABLE deployment_identity (
    id              TINYINT     NOT NULL,
    redis_namespace VARCHAR(32) NOT NULL,
    created_at      DATETIME    NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT deployment_identity_one_row CHECK (id = 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
