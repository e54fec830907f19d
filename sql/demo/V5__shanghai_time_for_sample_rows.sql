-- Sample rows stamped with NOW() where the demo data was loaded in a UTC session (before every connection ran at
-- +08:00) are eight hours early; moved by the whole hours between them and the load's time, as the migration
-- shanghai_time_for_seeded_rows does for the reference data. flyway_demo_history.installed_on is an instant, read here in Shanghai time. Only rows as they were
-- loaded (never edited since: at most the 14 hours any zone is away) are moved.

UPDATE quiz_question q
JOIN flyway_demo_history h ON h.description = 'sample questions' AND h.success
SET q.created_at = q.created_at + INTERVAL ROUND(TIMESTAMPDIFF(SECOND, q.created_at, h.installed_on) / 3600) HOUR,
    q.updated_at = q.updated_at + INTERVAL ROUND(TIMESTAMPDIFF(SECOND, q.updated_at, h.installed_on) / 3600) HOUR
WHERE q.sample_data AND ABS(TIMESTAMPDIFF(SECOND, q.created_at, h.installed_on)) BETWEEN 1800 AND 50400
  AND q.updated_at = q.created_at;

UPDATE content_item c
JOIN flyway_demo_history h ON h.description = 'sample content' AND h.success
SET c.emergency_until = c.emergency_until
      + INTERVAL ROUND(TIMESTAMPDIFF(SECOND, c.emergency_until - INTERVAL 7 DAY, h.installed_on) / 3600) HOUR
WHERE c.sample_data AND c.emergency_until IS NOT NULL
  AND ABS(TIMESTAMPDIFF(SECOND, c.emergency_until - INTERVAL 7 DAY, h.installed_on)) BETWEEN 1800 AND 50400;
