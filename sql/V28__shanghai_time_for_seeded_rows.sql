-- Rows a migration inserted with CURRENT_TIMESTAMP hold the database session's wall-clock time. Before every
-- connection ran at +08:00, a server in UTC (the MySQL and MariaDB images' default) put UTC there, which the
-- application reads as Shanghai time: eight hours early. flyway_schema_history.installed_on is a TIMESTAMP (an
-- instant), so read in this +08:00 session it is the Shanghai time the migration ran; a row stamped whole hours
-- away from it (at most 14, the farthest any zone is) is moved by those hours. Rows already right (a server running
-- in Asia/Shanghai) are left alone.
-- Migrations are matched by description, which stays the same if a file is renumbered.

UPDATE plan p
JOIN flyway_schema_history h ON h.description = 'plan 2022 2025' AND h.success
SET p.created_at = p.created_at + INTERVAL ROUND(TIMESTAMPDIFF(SECOND, p.created_at, h.installed_on) / 3600) HOUR
WHERE p.code = 'YUNXI-2022-2025'
  AND ABS(TIMESTAMPDIFF(SECOND, p.created_at, h.installed_on)) BETWEEN 1800 AND 50400;

UPDATE indicator i
JOIN plan p ON p.id = i.plan_id AND p.code = 'YUNXI-2022-2025'
JOIN flyway_schema_history h ON h.success AND h.description =
     CASE WHEN i.code IN ('SCIENCE_EDUCATION_STAGE_COVERAGE', 'PARTY_PLATFORM_RESOURCES_COVERAGE')
          THEN 'coverage targets' ELSE 'plan 2022 2025' END
SET i.created_at = i.created_at + INTERVAL ROUND(TIMESTAMPDIFF(SECOND, i.created_at, h.installed_on) / 3600) HOUR
WHERE i.code IN ('SCIENCE_LITERACY_RATE', 'FARMER_TECH_STAFF_TRAINED', 'HIGH_QUALITY_FARMERS', 'DEMO_COOPERATIVES',
                 'DEMO_FAMILY_FARMS', 'GREEN_FOOD_CERTIFICATIONS', 'OFFICER_COVERAGE', 'SKILLS_TRAINING_PERSONS',
                 'MIGRANT_WORKER_TRAINING_YEARLY', 'SUBSIDISED_TRAINING_PERSON_TIMES', 'NEW_SKILLED_TALENT',
                 'NEW_DISTRICT_BASES', 'PROMOTER_COVERAGE', 'SCIENCE_EDUCATION_STAGE_COVERAGE',
                 'PARTY_PLATFORM_RESOURCES_COVERAGE')
  AND ABS(TIMESTAMPDIFF(SECOND, i.created_at, h.installed_on)) BETWEEN 1800 AND 50400;
