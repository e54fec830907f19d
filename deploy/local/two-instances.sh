#!/usr/bin/env bash
# Two production instances behind the shipped nginx configuration (deploy/nginx/kepu.conf), on this machine's
# MariaDB and Redis, with a WeChat stand-in (WireMock, deploy/bench/wechat). Checks, through nginx only:
#
#   1. seats: residents sign up for one event concurrently while nginx alternates their requests between the two
#      instances; exactly `capacity` signups are confirmed, the rest are refused with EVENT_FULL, the event's seat
#      counter equals the confirmed rows, and both instances served signups (nginx's log names the upstream);
#   2. rolling restart: while a driver keeps requests going (reads and signups), each instance in turn is taken
#      out of nginx's upstream (reload), stopped with SIGTERM (graceful shutdown), started again, waited for until
#      its readiness probe says UP, and put back; the driver must see no failed request at all.
#
# nginx is installed from Debian's packages when missing (as .ci/run installs Chromium); MariaDB and Redis by
# deploy/local/ensure-services.sh. Needs root. Prints a summary and exits non-zero when a check fails.
#
#   deploy/local/two-instances.sh
#
# Environment: TWO_JAR (server jar; default server/target/kepu-server-*.jar, built with `./mvnw -pl server package`
# when missing), TWO_DB (kepu_test_two), TWO_REDIS_DB (12), TWO_PORT (28280: nginx; the instances use the next
# ports), TWO_DB_USER (kepu_two), TWO_CAPACITY (20), TWO_RESIDENTS (60), TWO_LOAD_WORKERS (4), TWO_JAVA (java).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"

DB=${TWO_DB:-kepu_test_two}
REDIS_DB=${TWO_REDIS_DB:-12}
PORT=${TWO_PORT:-28280}
CAPACITY=${TWO_CAPACITY:-20}
RESIDENTS=${TWO_RESIDENTS:-60}
WORKERS=${TWO_LOAD_WORKERS:-4}
JAVA=${TWO_JAVA:-java}
WX_PORT=$((PORT + 1))
APP_PORT=([0]=$((PORT + 2)) [1]=$((PORT + 3)))
MGMT_PORT=([0]=$((PORT + 4)) [1]=$((PORT + 5)))
for p in "$PORT" "$WX_PORT" "${APP_PORT[@]}" "${MGMT_PORT[@]}"; do
  if ss -ltn 2>/dev/null | awk '{print $4}' | grep -qE "[:.]$p\$"; then
    echo "port $p is in use (TWO_PORT chooses another range of six)" >&2; exit 1
  fi
done
work=$(mktemp -d /tmp/kepu-two.XXXXXX)
echo "work dir: $work"
started_all=$(date +%s)

# --- services and tools -------------------------------------------------------------------------------------------
export KEPU_SERVICE_DB_USER=${TWO_DB_USER:-kepu_two}
if [ -z "${KEPU_SERVICE_DB_PASSWORD:-}" ]; then
  KEPU_SERVICE_DB_PASSWORD="$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
fi
export KEPU_SERVICE_DB_PASSWORD
bash deploy/local/ensure-services.sh
if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  echo "installing: nginx"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null 2>&1 \
    || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

jar=${TWO_JAR:-$(ls server/target/kepu-server-*.jar 2>/dev/null | grep -v original | head -1 || true)}
if [ -z "$jar" ]; then
  ./mvnw -q -B -ntp -pl server -DskipTests package
  jar=$(ls server/target/kepu-server-*.jar | grep -v original | head -1)
fi
# a copy: a build replacing the jar under a running JVM would break the instances mid-run
cp "$jar" "$work/kepu-server.jar"
jar="$work/kepu-server.jar"
wiremock_version=$(sed -n 's:.*<wiremock.version>\(.*\)</wiremock.version>.*:\1:p' pom.xml)
wiremock_jar="$HOME/.m2/repository/org/wiremock/wiremock-standalone/${wiremock_version}/wiremock-standalone-${wiremock_version}.jar"
[ -f "$wiremock_jar" ] || ./mvnw -q -B -ntp dependency:get -Dartifact="org.wiremock:wiremock-standalone:${wiremock_version}" >/dev/null

mariadb --protocol=socket -uroot -e "DROP DATABASE IF EXISTS \`$DB\`; CREATE DATABASE \`$DB\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
redis-cli -h 127.0.0.1 -p 6379 -n "$REDIS_DB" FLUSHDB >/dev/null

pids=()
cleanup() {
  "$NGINX" -p "$work" -c "$work/nginx.conf" -s quit 2>/dev/null || true
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

"$JAVA" -jar "$wiremock_jar" --port "$WX_PORT" --bind-address 127.0.0.1 --root-dir deploy/bench/wechat \
  --global-response-templating --disable-banner --no-request-journal >"$work/wechat.log" 2>&1 &
pids+=($!)

ADMIN_USER=two-admin
ADMIN_PASSWORD="$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
TOKEN_SECRET="$(head -c 48 /dev/urandom | base64)"
DATA_KEY="$(head -c 32 /dev/urandom | base64)"
db_url="jdbc:mysql://127.0.0.1:3306/$DB?useUnicode=true&characterEncoding=utf8&useSSL=false&allowPublicKeyRetrieval=true"

declare -A app_pid
# start_instance N: instance N (0 or 1) with the shared database, Redis and secrets, health on its own port.
start_instance() {
  KEPU_DB_URL="$db_url" KEPU_DB_USER="$KEPU_SERVICE_DB_USER" KEPU_DB_PASSWORD="$KEPU_SERVICE_DB_PASSWORD" \
  KEPU_REDIS_URL="redis://127.0.0.1:6379/$REDIS_DB" WX_API_BASE_URL="http://127.0.0.1:$WX_PORT" \
  KEPU_TOKEN_SECRET="$TOKEN_SECRET" KEPU_DATA_KEY="$DATA_KEY" \
  KEPU_BOOTSTRAP_ADMIN_USERNAME="$ADMIN_USER" KEPU_BOOTSTRAP_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
  PORT="${APP_PORT[$1]}" KEPU_DEMO_DATA=true KEPU_DEMO_DATA_VISIBLE=true \
    "$JAVA" -Xms256m -Xmx512m -XX:TieredStopAtLevel=1 -jar "$jar" --management.server.port="${MGMT_PORT[$1]}" \
    --logging.level.root=WARN --logging.level.org.springframework.boot.tomcat.GracefulShutdown=INFO \
    >>"$work/app$1.log" 2>&1 &
  app_pid[$1]=$!
  pids+=($!)
}
wait_ready() { # N
  for _ in $(seq 1 300); do
    curl -fs "http://127.0.0.1:${MGMT_PORT[$1]}/actuator/health/readiness" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "instance $1 did not become ready; see $work/app$1.log" >&2; tail -40 "$work/app$1.log" >&2; exit 1
}

# --- nginx: the shipped server block, its upstream pointing at the two instances ------------------------------------
# write_nginx DOWN: DOWN is the instance taken out of the upstream (or -1 for none)
write_nginx() {
  local down=$1 servers="" n
  for n in 0 1; do
    local mark=""
    if [ "$n" = "$down" ]; then mark=" down"; fi
    servers+="    server 127.0.0.1:${APP_PORT[$n]}$mark;\n"
  done
  sed -e "s|^    server app:8080;|$servers|" -e "s|listen 80;|listen 127.0.0.1:$PORT;|" deploy/nginx/kepu.conf \
    >"$work/kepu.conf"
  grep -q "127.0.0.1:${APP_PORT[1]}" "$work/kepu.conf" || { echo "deploy/nginx/kepu.conf changed shape" >&2; exit 1; }
}
mkdir -p "$work/logs"
cat >"$work/nginx.conf" <<EOF
pid $work/nginx.pid;
error_log $work/logs/error.log warn;
worker_processes 1;
events { worker_connections 1024; }
http {
    log_format upstream '\$request_method \$uri \$status \$upstream_addr';
    access_log $work/logs/access.log upstream;
    client_body_temp_path $work/body;
    proxy_temp_path $work/proxy;
    fastcgi_temp_path $work/fastcgi;
    uwsgi_temp_path $work/uwsgi;
    scgi_temp_path $work/scgi;
    include $work/kepu.conf;
}
EOF
write_nginx -1

start_instance 0
start_instance 1
wait_ready 0
wait_ready 1
"$NGINX" -p "$work" -c "$work/nginx.conf"
base="http://127.0.0.1:$PORT"
echo "two instances ready behind nginx in $(( $(date +%s) - started_all )) s"

sql() { MYSQL_PWD="$KEPU_SERVICE_DB_PASSWORD" mariadb -h 127.0.0.1 -u "$KEPU_SERVICE_DB_USER" "$DB" -Nse "SET time_zone = '+08:00'; $1"; }
served_by() { # N EVENT: signups of EVENT that nginx passed to instance N (its access log names the upstream)
  grep -c "^POST /api/v1/events/$2/signups [0-9]* 127.0.0.1:${APP_PORT[$1]}\$" "$work/logs/access.log" || true
}

# residents log in through nginx, each from its own address (login is rate limited per address)
tokens="$work/tokens"
: >"$tokens"
for i in $(seq 1 "$RESIDENTS"); do
  curl -fsS -X POST "$base/api/v1/auth/wechat-login" -H 'Content-Type: application/json' \
    -H "X-Forwarded-For: 2001:db8:2::$(printf '%x' "$i")" -d "{\"code\":\"dev-two-$i\"}" \
    | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p' >>"$tokens"
  echo >>"$tokens"
done
sed -i '/^$/d' "$tokens"
[ "$(wc -l <"$tokens")" -eq "$RESIDENTS" ] || { echo "not every resident logged in" >&2; exit 1; }

# seed_event CAPACITY MARKER: one published event, signup open, no waitlist; prints its id
seed_event() {
  sql "SET @unit := (SELECT id FROM org_unit WHERE code = 'KX');
    INSERT INTO event (kind, status, title, organiser_unit_id, created_by, venue_name, checkin_radius_m, starts_at,
                       ends_at, signup_opens_at, signup_closes_at, cancel_deadline, capacity, taken, waitlist_enabled,
                       volunteers_only, training_hours, min_attendance_percent, published_at, created_at, updated_at)
    VALUES ('TRAINING', 'PUBLISHED', '$2', @unit, 0, '双实例检查', 500, NOW(3) + INTERVAL 7 DAY,
            NOW(3) + INTERVAL 7 DAY + INTERVAL 2 HOUR, NOW(3) - INTERVAL 1 DAY, NOW(3) + INTERVAL 6 DAY,
            NOW(3) + INTERVAL 6 DAY, $1, 0, FALSE, FALSE, 2.00, 60, NOW(3), NOW(3), NOW(3));
    SET @id := LAST_INSERT_ID();
    INSERT INTO event_session (event_id, seq, starts_at, ends_at, hours)
    SELECT id, 1, starts_at, ends_at, 2.00 FROM event WHERE id = @id;
    SELECT @id;"
}
fail=0

# --- 1. seats: concurrent signups alternating between the instances -----------------------------------------------
event=$(seed_event "$CAPACITY" "双实例名额检查")
t0=$(date +%s%N)
xargs -P 16 -I TOKEN curl -s -o /dev/null -w '%{http_code}\n' -X POST "$base/api/v1/events/$event/signups" \
  -H 'Content-Type: application/json' -H 'Authorization: Bearer TOKEN' -d '{}' <"$tokens" >"$work/signups"
seats_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
ok=$(grep -c '^20[01]$' "$work/signups" || true)
full=$(grep -c '^409$' "$work/signups" || true)
confirmed=$(sql "SELECT COUNT(*) FROM event_signup WHERE event_id = $event AND status = 'CONFIRMED'")
taken=$(sql "SELECT taken FROM event WHERE id = $event")
served0=$(served_by 0 "$event")
served1=$(served_by 1 "$event")
echo "seats: $RESIDENTS signups for $CAPACITY seats in ${seats_ms} ms: $ok accepted, $full refused (409);" \
  "confirmed rows $confirmed, seat counter $taken; instance A served $served0, instance B $served1"
if [ "$ok" -ne "$CAPACITY" ] || [ "$confirmed" -ne "$CAPACITY" ] || [ "$taken" -ne "$CAPACITY" ] \
  || [ $((ok + full)) -ne "$RESIDENTS" ] || [ "$served0" -eq 0 ] || [ "$served1" -eq 0 ] \
  || [ $((served0 + served1)) -ne "$RESIDENTS" ]; then
  echo "FAIL: seats oversold, lost, or not spread over both instances" >&2
  sort "$work/signups" | uniq -c >&2
  fail=1
fi

# --- 2. rolling restart under steady load ---------------------------------------------------------------------------
big=$(seed_event 1000000 "双实例滚动重启")
stop_file="$work/stop-load"
# load worker W: alternates a read (event detail) and a signup of a resident (first signup 200/201, repeats 409)
load_worker() {
  local w=$1 i=0 out="$work/load$1"
  mapfile -t toks <"$tokens"
  : >"$out"
  while [ ! -f "$stop_file" ]; do
    local tok=${toks[$(( (i * WORKERS + w) % ${#toks[@]} ))]}
    curl -s -o /dev/null -m 10 -w 'GET %{http_code}\n' "$base/api/v1/events/$big" -H "Authorization: Bearer $tok" >>"$out"
    curl -s -o /dev/null -m 10 -w 'POST %{http_code}\n' -X POST "$base/api/v1/events/$big/signups" \
      -H 'Content-Type: application/json' -H "Authorization: Bearer $tok" -d '{}' >>"$out"
    i=$((i + 1))
  done
}
for w in $(seq 0 $((WORKERS - 1))); do load_worker "$w" & pids+=($!); done
loaders=("${pids[@]: -$WORKERS}")
sleep 3
for n in 0 1; do
  t0=$(date +%s%N)
  write_nginx "$n"
  "$NGINX" -p "$work" -c "$work/nginx.conf" -s reload
  sleep 2 # nginx's old worker finishes the requests it had sent to this instance
  kill -TERM "${app_pid[$n]}"
  wait "${app_pid[$n]}" 2>/dev/null || true
  start_instance "$n"
  wait_ready "$n"
  write_nginx -1
  "$NGINX" -p "$work" -c "$work/nginx.conf" -s reload
  echo "instance $n restarted in $(( ($(date +%s%N) - t0) / 1000000 )) ms under load"
  sleep 3
done
touch "$stop_file"
for p in "${loaders[@]}"; do wait "$p" 2>/dev/null || true; done
cat "$work"/load* >"$work/load"
total=$(wc -l <"$work/load")
failed=$(grep -cvE '^(GET 200|POST 20[01]|POST 409)$' "$work/load" || true)
served_after=$(sql "SELECT COUNT(*) FROM event_signup WHERE event_id = $big")
echo "rolling restart: $total requests through nginx, $failed failed; $served_after signups recorded;" \
  "over the whole run instance A served $(grep -c " 127.0.0.1:${APP_PORT[0]}\$" "$work/logs/access.log" || true)," \
  "instance B $(grep -c " 127.0.0.1:${APP_PORT[1]}\$" "$work/logs/access.log" || true)" \
  "(each restart: out of nginx's upstream, SIGTERM, graceful shutdown, start, readiness UP, back in)"
if [ "$failed" -ne 0 ] || [ "$total" -lt 50 ]; then
  echo "FAIL: requests failed during the rolling restart" >&2
  grep -vE '^(GET 200|POST 20[01]|POST 409)$' "$work/load" | sort | uniq -c >&2
  fail=1
fi
grep -h "Graceful shutdown\|Commencing graceful" "$work"/app*.log | sed 's/^/  /' | head -4

echo "done in $(( $(date +%s) - started_all )) s"
exit "$fail"
