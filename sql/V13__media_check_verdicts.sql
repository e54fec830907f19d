-- WeChat's wxa_media_check verdicts, kept as they arrive. The push can come before our own record of the trace_id
-- is stored (mediaCheckAsync answers, WeChat checks fast, the push overtakes our UPDATE); a verdict stored here is
-- applied when the trace_id is recorded. Runs on MySQL 8 and MariaDB 10.11+.

CREATE TABLE media_check_verdict (
  trace_id    VARCHAR(64) NOT NULL COMMENT 'mediaCheckAsync trace_id',
  status      VARCHAR(16) NOT NULL COMMENT 'PASS, REVIEW, RISKY (from result.suggest)',
  label       INT         NULL COMMENT 'WeChat label, 100 = normal',
  received_at DATETIME(3) NOT NULL,
  PRIMARY KEY (trace_id),
  CONSTRAINT ck_media_verdict_status CHECK (status IN ('PASS', 'REVIEW', 'RISKY'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
