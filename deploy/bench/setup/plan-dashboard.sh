#!/usr/bin/env bash
# Loads the plan's speed scenario: 200,000 residents and 1,000,000 attendance records of 2025 in the
# participation ledger, by SQL bulk load (a digits table cross-joined, so it runs on MySQL 8 and MariaDB alike),
# then times a full recompute of the year through the API and prints RECOMPUTE_SECONDS for the runner.
# Environment (deploy/bench/run.sh): BASE_URL, DB_URL/DB_USER (mysql client arguments, password in MYSQL_PWD),
# ADMIN_USER/ADMIN_PASSWORD (the bootstrap district admin). Prints PLAN_ID, HQF_INDICATOR_ID, ADMIN_TOKEN and
# RECOMPUTE_SECONDS.
set -euo pipefail

# shellcheck disable=SC2086
# DATETIME columns hold Shanghai time: NOW() in this session must be Shanghai time too
sql() { mysql $DB_URL --user="$DB_USER" --batch --skip-column-names -e "SET time_zone = '+08:00'; $1"; }

token=$(curl -fsS -H 'Content-Type: application/json' -H 'X-Forwarded-For: 198.51.100.40' \
  -d "{\"username\":\"$ADMIN_USER\",\"password\":\"$ADMIN_PASSWORD\"}" "$BASE_URL/api/admin/v1/auth/login" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
plan_id=$(sql "SELECT id FROM plan WHERE code = 'YUNXI-2022-2025'")

loaded=$(sql "SELECT COUNT(*) FROM participation_record WHERE record_key LIKE 'bench:%'")
if [ "$loaded" -lt 1000000 ]; then
  echo "loading 200,000 residents and 1,000,000 attendance records (takes a few minutes)..." >&2
  sql "
    DROP TABLE IF EXISTS bench_digit;
    CREATE TABLE bench_digit (d INT NOT NULL PRIMARY KEY);
    INSERT INTO bench_digit VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9);
    DROP TABLE IF EXISTS bench_number;
    CREATE TABLE bench_number (n INT NOT NULL PRIMARY KEY);
    INSERT INTO bench_number
      SELECT a.d + 10*b.d + 100*c.d + 1000*e.d + 10000*f.d + 100000*g.d
      FROM bench_digit a, bench_digit b, bench_digit c, bench_digit e, bench_digit f, bench_digit g;
    CREATE TABLE IF NOT EXISTS bench_village (i INT NOT NULL PRIMARY KEY, region_code VARCHAR(12), town_code VARCHAR(12));
    DELETE FROM bench_village;
    INSERT INTO bench_village (i, region_code, town_code)
      SELECT (@v := @v + 1) - 1, code, parent_code FROM region, (SELECT @v := 0) init WHERE level = 'VILLAGE' ORDER BY code;
  "
  villages=$(sql "SELECT COUNT(*) FROM bench_village")
  sql "
    INSERT IGNORE INTO resident (openid, status, region_code, population_group, created_at, updated_at)
      SELECT CONCAT('bench-plan-', n), 'ACTIVE', v.region_code,
             ELT(1 + n % 6, 'YOUTH', 'FARMER', 'INDUSTRIAL_WORKER', 'ELDERLY', 'OFFICIAL', 'OTHER'), NOW(3), NOW(3)
      FROM bench_number JOIN bench_village v ON v.i = n % $villages
      WHERE n < 200000;
    DROP TABLE IF EXISTS bench_person;
    CREATE TABLE bench_person (n INT NOT NULL PRIMARY KEY, resident_id BIGINT NOT NULL, region_code VARCHAR(12),
                               population_group VARCHAR(24));
    INSERT INTO bench_person
      SELECT CAST(SUBSTRING(openid, 12) AS UNSIGNED), id, region_code, population_group FROM resident
      WHERE openid LIKE 'bench-plan-%';
  "
  # Each record: one of five tagged indicators (by n % 5), its section, and its kind.
  sql "
    INSERT INTO participation_record (record_key, kind, person_key, resident_id, person_label, region_code, town_code,
        population_group, source_type, source_id, source_title, occurred_on, indicator_codes, hours, passed, withdrawn,
        received_at, updated_at)
      SELECT CONCAT('bench:', b.n), 'EVENT_ATTENDANCE', CONCAT('R:', p.resident_id), p.resident_id, '居民',
             p.region_code, v.town_code, p.population_group, 'EVENT', b.n % 5000, CONCAT('基准培训 ', b.n % 5000),
             DATE_ADD('2025-01-01', INTERVAL b.n % 365 DAY),
             ELT(1 + b.n % 5, 'HIGH_QUALITY_FARMERS', 'SKILLS_TRAINING_PERSONS', 'SUBSIDISED_TRAINING_PERSON_TIMES',
                 'FARMER_TECH_STAFF_TRAINED', 'MIGRANT_WORKER_TRAINING_YEARLY'),
             2.00, NULL, FALSE, NOW(3), NOW(3)
      FROM bench_number b
      JOIN bench_person p ON p.n = (b.n * 7) % 200000
      JOIN bench_village v ON v.region_code = p.region_code;
    INSERT INTO participation_tag (record_id, tag, kind, occurred_on, person_key, region_code, town_code,
        population_group, hours, passed)
      SELECT id, indicator_codes, kind, occurred_on, person_key, region_code, town_code, population_group, hours, passed
      FROM participation_record WHERE record_key LIKE 'bench:%';
    INSERT INTO participation_tag (record_id, tag, kind, occurred_on, person_key, region_code, town_code,
        population_group, hours, passed)
      SELECT id, '#EVENT_ATTENDANCE', kind, occurred_on, person_key, region_code, town_code, population_group, hours, passed
      FROM participation_record WHERE record_key LIKE 'bench:%';
    INSERT INTO participation_tag (record_id, tag, kind, occurred_on, person_key, region_code, town_code,
        population_group, hours, passed)
      SELECT id, IF(indicator_codes IN ('HIGH_QUALITY_FARMERS', 'FARMER_TECH_STAFF_TRAINED'), 'S:FARMER', 'S:WORKER'),
             kind, occurred_on, person_key, region_code, town_code, population_group, hours, passed
      FROM participation_record WHERE record_key LIKE 'bench:%';
    DROP TABLE bench_number;
    DROP TABLE bench_digit;
  "
fi

start=$(date +%s.%N)
curl -fsS -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"from":"2025-01-01","to":"2025-12-31"}' "$BASE_URL/api/admin/v1/plans/$plan_id/recompute"
end=$(date +%s.%N)

echo "PLAN_ID=$plan_id"
echo "HQF_INDICATOR_ID=$(sql "SELECT id FROM indicator WHERE plan_id = $plan_id AND code = 'HIGH_QUALITY_FARMERS'")"
echo "ADMIN_TOKEN=$token"
echo "RECOMPUTE_SECONDS=$(python3 -c "print(round($end - $start, 2))")"
