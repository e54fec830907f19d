#!/usr/bin/env bash
# Shared by the event benchmark setups: logs residents in through the API and seeds events straight in SQL.
# Env from the runner: BASE_URL, DB_URL, DB_USER (mysql client arguments for the bench database).
set -euo pipefail

# mysql client against the bench database; DB_URL holds the client's connection arguments.
sql() {
  # shellcheck disable=SC2086
  # DATETIME columns hold Shanghai time: NOW() in this session must be Shanghai time too
  mysql ${DB_URL} -u "${DB_USER}" --batch --skip-column-names -e "SET time_zone = '+08:00'; $1"
}

# login_residents COUNT PREFIX FILE: COUNT residents (openid dev-PREFIX-i), one access token per line in FILE.
# Each login comes from its own address, as distinct phones would (login is rate limited per address).
login_residents() {
  local count=$1 prefix=$2 file=$3
  : > "$file"
  for i in $(seq 1 "$count"); do
    local ip; ip="2001:db8:e::$(printf '%x' "$i")"
    local token
    # The body has no trailing newline, so take the token and write the line ourselves.
    token=$(curl -fsS -X POST "${BASE_URL}/api/v1/auth/wechat-login" \
      -H 'Content-Type: application/json' -H "X-Forwarded-For: ${ip}" \
      -d "{\"code\":\"dev-${prefix}-${i}\"}" \
      | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')
    [ -n "$token" ] && printf '%s\n' "$token" >> "$file"
  done
  local got
  got=$(wc -l < "$file")
  if [ "$got" -ne "$count" ]; then
    echo "only $got of $count residents logged in" >&2
    exit 1
  fi
}

# seed_events COUNT CAPACITY WAITLIST MARKER: up to 10000 published events starting in 7 days, signup open now.
# Prints "first_id last_id".
seed_events() {
  local count=$1 capacity=$2 waitlist=$3 marker=$4
  sql "
    SET @unit := (SELECT id FROM org_unit WHERE code = 'KX');
    INSERT INTO event (kind, status, title, organiser_unit_id, created_by, venue_name, checkin_radius_m, starts_at,
                       ends_at, signup_opens_at, signup_closes_at, cancel_deadline, capacity, taken, waitlist_enabled,
                       volunteers_only, training_hours, min_attendance_percent, published_at, created_at, updated_at)
    SELECT 'TRAINING', 'PUBLISHED', CONCAT('${marker} ', i), @unit, 0, '压测场馆', 500,
           NOW(3) + INTERVAL 7 DAY, NOW(3) + INTERVAL 7 DAY + INTERVAL 2 HOUR, NOW(3) - INTERVAL 1 DAY,
           NOW(3) + INTERVAL 6 DAY, NOW(3) + INTERVAL 6 DAY, ${capacity}, 0, ${waitlist}, FALSE, 2.00, 60,
           NOW(3), NOW(3), NOW(3)
    FROM (SELECT a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 1 AS i
          FROM (SELECT 0 d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL
                SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) a,
               (SELECT 0 d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL
                SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) b,
               (SELECT 0 d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL
                SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) c,
               (SELECT 0 d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL
                SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) e) n
    WHERE n.i <= ${count}
    ORDER BY n.i;
    INSERT INTO event_session (event_id, seq, starts_at, ends_at, hours)
    SELECT id, 1, starts_at, ends_at, 2.00 FROM event WHERE title LIKE '${marker} %';"
  sql "SELECT MIN(id), MAX(id), COUNT(*) FROM event WHERE title LIKE '${marker} %'" | {
    read -r first last total
    if [ $(( last - first + 1 )) -ne "$total" ]; then
      echo "seeded event ids are not consecutive" >&2
      exit 1
    fi
    echo "$first $last"
  }
}
