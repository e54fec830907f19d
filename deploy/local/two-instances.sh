#!/usr/bin/env bash
# Two production instances behind the shipped nginx configuration (deploy/nginx/kepu.conf), on this machine's
# MariaDB and Redis, with a WeChat stand-in (WireMock, deploy/bench/wechat). Checks, through nginx only:
#
#   1. seats: residents sign up for one event concurrently while nginx alternates their requests between the two
#      instances; exactly `capacity` signups are confirmed, the rest are refused with EVENT_FULL, the event's seat
#      counter equals the confirmed rows, and both instances served signups (nginx's log names the upstream);
#   2. rolling restart: while a driver keeps requests going (reads and signups), each instance in turn is taken
#      out of nginx's upstream (reload), stopped with SIGTERM (graceful shutdown), started again, waited for until
#      its readiness probe says UP, and put back; the driver must see no failed request at all;
#   3. kill -9: while a batch of contest submissions and a signup flash go through nginx, one instance is killed
#      with SIGKILL, then started again. Every request the driver saw accepted is fully applied in MySQL, every
#      failed one is either fully applied or left no trace, the event's seat counter equals its confirmed rows, the
#      event publication registry empties (the restarted instance republishes what the killed one left), and the
#      indicator aggregates equal a full recompute (deploy/local/kill_drill.py does the seeding, load and checks).
#
# CI runs it after the Maven build (.ci/run), with the jar that build made. nginx is installed from Debian's
# packages when missing (as .ci/run installs Chromium); MariaDB and Redis by deploy/local/ensure-services.sh.
# Needs root. Prints a summary and exits non-zero when a check fails; the work directory (logs) and the database
# are kept then, and removed after a green run.
#
#   deploy/local/two-instances.sh
#
# Nothing is shared with a concurrent run or with the Maven tests: the script takes the first free range of
# ports (28280, 28290, ... under a lock file), its own database and MariaDB user named after it
# (kepu_test_two_<port>, kepu_two_<port>, a new random password each run), and claims a Redis database 1-15 the
# way the tests do (TestEngines: key kepu:test-run:claim, renewed while it runs).
#
# Environment: TWO_JAR (server jar; default server/target/kepu-server-*.jar, built with `./mvnw -pl server package`
# when missing), TWO_PORT (a fixed range: nginx; WireMock and the instances use the next five ports), TWO_DB,
# TWO_DB_USER, TWO_CAPACITY (20), TWO_RESIDENTS (60), TWO_LOAD_WORKERS (4), TWO_DRILL_CONTESTS (4: contest
# submissions in the kill drill = residents x contests), TWO_JAVA (Temurin 25 when installed, as in the
# production image, else java), TWO_READY_TIMEOUT (600 s for an instance to become ready), TWO_KEEP (1: keep the
# work directory and database after a green run too).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
started_all=$(date +%s)
say() { echo "[$(printf '%4d' $(( $(date +%s) - started_all )))s] $*"; }
die() { echo "FAIL: $*" >&2; exit 1; }

CAPACITY=${TWO_CAPACITY:-20}
RESIDENTS=${TWO_RESIDENTS:-60}
WORKERS=${TWO_LOAD_WORKERS:-4}
DRILL_CONTESTS=${TWO_DRILL_CONTESTS:-4}
READY_TIMEOUT=${TWO_READY_TIMEOUT:-600}
if [ -n "${TWO_JAVA:-}" ]; then JAVA=$TWO_JAVA
elif [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
else JAVA=java; fi

# --- a range of six ports no one else uses, held under a lock for the whole run ------------------------------------
port_free() { ! ss -ltn 2>/dev/null | awk '{print $4}' | grep -qE "[:.]$1\$"; }
range_free() { local p; for p in $(seq "$1" $(( $1 + 5 ))); do port_free "$p" || return 1; done; }
PORT=""
for candidate in ${TWO_PORT:-$(seq 28280 10 28370)}; do
  exec {lock_fd}>"/tmp/kepu-two-instances-$candidate.lock"
  if flock -n "$lock_fd" && range_free "$candidate"; then PORT=$candidate; break; fi
  exec {lock_fd}>&-
done
[ -n "$PORT" ] || die "no free range of six ports from ${TWO_PORT:-28280-28375} (another run, or TWO_PORT in use)"
DB=${TWO_DB:-kepu_test_two_$PORT}
WX_PORT=$((PORT + 1))
APP_PORT=([0]=$((PORT + 2)) [1]=$((PORT + 3)))
MGMT_PORT=([0]=$((PORT + 4)) [1]=$((PORT + 5)))
work=$(mktemp -d /tmp/kepu-two.XXXXXX)
say "work dir $work, ports $PORT-$((PORT + 5)), database $DB, $("$JAVA" -version 2>&1 | head -1)"

# --- services and tools -------------------------------------------------------------------------------------------
# The run's own MariaDB user and password: CI's kepu_ci (and its password) stay the Maven tests'.
export KEPU_SERVICE_DB_USER=${TWO_DB_USER:-kepu_two_$PORT}
KEPU_SERVICE_DB_PASSWORD="$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
export KEPU_SERVICE_DB_PASSWORD
bash deploy/local/ensure-services.sh
if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  say "installing: nginx"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null 2>&1 \
    || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
command -v python3 >/dev/null 2>&1 || die "python3 is missing (the kill drill's driver)"

jar=${TWO_JAR:-$(ls server/target/kepu-server-*.jar 2>/dev/null | grep -v original | head -1 || true)}
if [ -z "$jar" ]; then
  say "building the server jar"
  ./mvnw -q -B -ntp -pl server -DskipTests -Dconsole.skip=true package
  jar=$(ls server/target/kepu-server-*.jar | grep -v original | head -1)
fi
[ -f "$jar" ] || die "no server jar at $jar"
# a copy: a build replacing the jar under a running JVM would break the instances mid-run
cp "$jar" "$work/kepu-server.jar"
jar="$work/kepu-server.jar"
wiremock_version=$(sed -n 's:.*<wiremock.version>\(.*\)</wiremock.version>.*:\1:p' pom.xml)
wiremock_jar="$HOME/.m2/repository/org/wiremock/wiremock-standalone/${wiremock_version}/wiremock-standalone-${wiremock_version}.jar"
[ -f "$wiremock_jar" ] || ./mvnw -q -B -ntp dependency:get -Dartifact="org.wiremock:wiremock-standalone:${wiremock_version}" >/dev/null

mariadb --protocol=socket -uroot -e "DROP DATABASE IF EXISTS \`$DB\`; CREATE DATABASE \`$DB\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"

# A Redis database of our own among 1-15, claimed like the Maven tests claim theirs, so neither empties the other's.
redis() { redis-cli -h 127.0.0.1 -p 6379 "$@"; }
claim="two-instances:$$:$(date +%s%N)"
REDIS_DB=""
for n in $(shuf -i 1-15); do
  if [ "$(redis -n "$n" SET kepu:test-run:claim "$claim" NX EX 120)" = "OK" ]; then REDIS_DB=$n; break; fi
done
[ -n "$REDIS_DB" ] || die "every Redis database 1-15 is claimed by a test run"
redis -n "$REDIS_DB" FLUSHDB >/dev/null
redis -n "$REDIS_DB" SET kepu:test-run:claim "$claim" EX 120 >/dev/null

fail=0
declare -A app_pid=()
cleanup() {
  local status=$?
  set +e
  touch "$work/stop-load"
  "$NGINX" -p "$work" -c "$work/nginx.conf" -s quit 2>/dev/null
  local live p
  # an instance taken out of the job table (the kill drill's), if still running: only while it runs our jar copy
  for p in "${app_pid[@]}"; do
    grep -qF "$work/kepu-server.jar" "/proc/$p/cmdline" 2>/dev/null && kill -9 "$p" 2>/dev/null
  done
  # only this script's own children still running (never a recycled process id)
  live=$(jobs -pr)
  [ -z "$live" ] || kill $live 2>/dev/null
  for _ in $(seq 1 40); do [ -z "$(jobs -pr)" ] && break; sleep 0.5; done
  live=$(jobs -pr)
  [ -z "$live" ] || kill -9 $live 2>/dev/null
  wait 2>/dev/null
  [ "$(redis -n "$REDIS_DB" GET kepu:test-run:claim)" = "$claim" ] && redis -n "$REDIS_DB" DEL kepu:test-run:claim >/dev/null
  if [ "$status" -ne 0 ] || [ "$fail" -ne 0 ]; then
    echo "FAILED after $(( $(date +%s) - started_all )) s; logs in $work (app0.log, app1.log, logs/), database $DB kept" >&2
    for f in "$work"/app0.log "$work"/app1.log; do
      [ -f "$f" ] && { echo "--- last lines of $f" >&2; tail -15 "$f" >&2; }
    done
  elif [ "${TWO_KEEP:-0}" != 1 ]; then
    mariadb --protocol=socket -uroot -e "DROP DATABASE IF EXISTS \`$DB\`"
    rm -rf "$work"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

( while sleep 10; do redis -n "$REDIS_DB" SET kepu:test-run:claim "$claim" EX 120 >/dev/null || true; done ) &

"$JAVA" -jar "$wiremock_jar" --port "$WX_PORT" --bind-address 127.0.0.1 --root-dir deploy/bench/wechat \
  --global-response-templating --disable-banner --no-request-journal >"$work/wechat.log" 2>&1 &

ADMIN_USER=two-admin
ADMIN_PASSWORD="$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
TOKEN_SECRET="$(head -c 48 /dev/urandom | base64)"
DATA_KEY="$(head -c 32 /dev/urandom | base64)"
db_url="jdbc:mysql://127.0.0.1:3306/$DB?useUnicode=true&characterEncoding=utf8&useSSL=false&allowPublicKeyRetrieval=true"

# start_instance N: instance N (0 or 1) with the shared database, Redis and secrets, health on its own port, under
# the prod profile as deploy/kepu.env.example runs it (WeChat is the stand-in; no file is uploaded, so OSS is never
# called and its settings only satisfy the start-up check).
# -XX:TieredStopAtLevel=1 only shortens start-up (C1 alone); nothing checked here depends on the JIT.
start_instance() {
  KEPU_DB_URL="$db_url" KEPU_DB_USER="$KEPU_SERVICE_DB_USER" KEPU_DB_PASSWORD="$KEPU_SERVICE_DB_PASSWORD" \
  KEPU_REDIS_URL="redis://127.0.0.1:6379/$REDIS_DB" WX_API_BASE_URL="http://127.0.0.1:$WX_PORT" \
  KEPU_TOKEN_SECRET="$TOKEN_SECRET" KEPU_DATA_KEY="$DATA_KEY" \
  KEPU_BOOTSTRAP_ADMIN_USERNAME="$ADMIN_USER" KEPU_BOOTSTRAP_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
  PORT="${APP_PORT[$1]}" KEPU_DEMO_DATA=true KEPU_DEMO_DATA_VISIBLE=true \
  SPRING_PROFILES_ACTIVE=prod WX_APPID=wx-two-instances WX_SECRET=two-instances KEPU_PUBLIC_BASE_URL="$base" \
  OSS_ENDPOINT=oss.invalid OSS_BUCKET=two-instances OSS_ACCESS_KEY_ID=two OSS_ACCESS_KEY_SECRET=two OSS_REGION=none \
    "$JAVA" -Xms256m -Xmx512m -XX:TieredStopAtLevel=1 -jar "$jar" --management.server.port="${MGMT_PORT[$1]}" \
    --logging.level.root=WARN --logging.level.org.springframework.boot.tomcat.GracefulShutdown=INFO \
    --logging.level.org.springframework.context.support.DefaultLifecycleProcessor=INFO \
    >>"$work/app$1.log" 2>&1 &
  app_pid[$1]=$!
}
# wait_ready N: until the readiness probe says UP; fails at once when the JVM exits
wait_ready() {
  local deadline=$(( $(date +%s) + READY_TIMEOUT ))
  until curl -fs -m 5 "http://127.0.0.1:${MGMT_PORT[$1]}/actuator/health/readiness" >/dev/null 2>&1; do
    kill -0 "${app_pid[$1]}" 2>/dev/null || die "instance $1 exited while starting; see $work/app$1.log"
    [ "$(date +%s)" -lt "$deadline" ] || die "instance $1 not ready after ${READY_TIMEOUT} s; see $work/app$1.log"
    sleep 0.5
  done
}
# stop_instance N: SIGTERM, then wait for the graceful shutdown (at most 30 s per phase) to end the JVM
stop_instance() {
  local t0; t0=$(date +%s%N)
  kill -TERM "${app_pid[$1]}"
  local deadline=$(( $(date +%s) + 120 ))
  while kill -0 "${app_pid[$1]}" 2>/dev/null; do
    [ "$(date +%s)" -lt "$deadline" ] || die "instance $1 still running 120 s after SIGTERM"
    sleep 0.2
  done
  { wait "${app_pid[$1]}"; } 2>/dev/null || true
  say "2. instance $1 stopped $(( ($(date +%s%N) - t0) / 1000000 )) ms after SIGTERM"
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
  grep -q "127.0.0.1:${APP_PORT[1]}" "$work/kepu.conf" || die "deploy/nginx/kepu.conf changed shape"
}
nginx_workers() { pgrep -P "$(cat "$work/nginx.pid")" | sort; }
# reload_nginx: reload, then wait until every worker of the old configuration has finished its requests and exited
reload_nginx() {
  local old
  old=$(nginx_workers)
  "$NGINX" -p "$work" -c "$work/nginx.conf" -s reload 2>"$work/nginx-reload.err" \
    || { cat "$work/nginx-reload.err" >&2; die "nginx -s reload failed"; }
  local deadline=$(( $(date +%s) + 90 ))
  while [ -n "$(comm -12 <(echo "$old") <(nginx_workers))" ] || [ -z "$(comm -13 <(echo "$old") <(nginx_workers))" ]; do
    [ "$(date +%s)" -lt "$deadline" ] || die "nginx's old worker did not exit within 90 s of a reload"
    sleep 0.1
  done
}
mkdir -p "$work/logs"
cat >"$work/nginx.conf" <<NGINX
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
NGINX
write_nginx -1
base="http://127.0.0.1:$PORT"

# both at once: JVM start-up is most of this script's time
start_instance 0
start_instance 1
wait_ready 0
wait_ready 1
"$NGINX" -p "$work" -c "$work/nginx.conf"
say "two instances ready behind nginx"

sql() { MYSQL_PWD="$KEPU_SERVICE_DB_PASSWORD" mariadb -h 127.0.0.1 -u "$KEPU_SERVICE_DB_USER" "$DB" -Nse "SET time_zone = '+08:00'; $1"; }
served_by() { # N EVENT: signups of EVENT that nginx passed to instance N (its access log names the upstream)
  grep -c "^POST /api/v1/events/$2/signups [0-9]* 127.0.0.1:${APP_PORT[$1]}\$" "$work/logs/access.log" || true
}
served_total() { grep -c " 127.0.0.1:${APP_PORT[$1]}\$" "$work/logs/access.log" || true; }

# residents log in through nginx, each from its own address (login is rate limited per address)
mkdir -p "$work/tok"
seq 1 "$RESIDENTS" | xargs -P 8 -I @I@ sh -c "curl -fsS -m 60 -X POST '$base/api/v1/auth/wechat-login' \
  -H 'Content-Type: application/json' -H \"X-Forwarded-For: 2001:db8:2::\$(printf '%x' @I@)\" \
  -d '{\"code\":\"dev-two-@I@\"}' | sed -n 's/.*\"accessToken\":\"\\([^\"]*\\)\".*/\\1/p' >'$work/tok/@I@'" \
  || die "a resident's login through nginx failed"
tokens="$work/tokens"
for i in $(seq 1 "$RESIDENTS"); do cat "$work/tok/$i"; echo; done | sed '/^$/d' >"$tokens"
[ "$(wc -l <"$tokens")" -eq "$RESIDENTS" ] || die "only $(wc -l <"$tokens") of $RESIDENTS residents logged in"
# each in a village and a population group of their own, so the drill's statistics spread over many cells
sql "SET @v := 0; CREATE TEMPORARY TABLE village_no AS
       SELECT (@v := @v + 1) - 1 AS i, code FROM region WHERE level = 'VILLAGE' ORDER BY code;
     SET @villages := (SELECT COUNT(*) FROM village_no);
     UPDATE resident r JOIN village_no v ON v.i = r.id % @villages
        SET r.region_code = v.code,
            r.population_group = ELT(1 + r.id % 6, 'YOUTH', 'FARMER', 'INDUSTRIAL_WORKER', 'ELDERLY', 'OFFICIAL', 'OTHER')
      WHERE r.region_code IS NULL"
say "$RESIDENTS residents logged in"

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

# --- 1. seats: concurrent signups alternating between the instances -----------------------------------------------
event=$(seed_event "$CAPACITY" "双实例名额检查")
t0=$(date +%s%N)
xargs -P 16 -I TOKEN curl -s -m 60 -o /dev/null -w '%{http_code}\n' -X POST "$base/api/v1/events/$event/signups" \
  -H 'Content-Type: application/json' -H 'Authorization: Bearer TOKEN' -d '{}' <"$tokens" >"$work/signups"
seats_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
ok=$(grep -c '^20[01]$' "$work/signups" || true)
full=$(grep -c '^409$' "$work/signups" || true)
confirmed=$(sql "SELECT COUNT(*) FROM event_signup WHERE event_id = $event AND status = 'CONFIRMED'")
taken=$(sql "SELECT taken FROM event WHERE id = $event")
served0=$(served_by 0 "$event")
served1=$(served_by 1 "$event")
say "1. seats: $RESIDENTS signups for $CAPACITY seats in ${seats_ms} ms: $ok accepted, $full refused (409);" \
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
    curl -s -o /dev/null -m 30 -w 'GET %{http_code}\n' "$base/api/v1/events/$big" -H "Authorization: Bearer $tok" >>"$out"
    curl -s -o /dev/null -m 30 -w 'POST %{http_code}\n' -X POST "$base/api/v1/events/$big/signups" \
      -H 'Content-Type: application/json' -H "Authorization: Bearer $tok" -d '{}' >>"$out"
    i=$((i + 1))
  done
}
load_count() { cat "$work"/load* 2>/dev/null | wc -l; }
# wait_for WHAT SECONDS CONDITION: evaluates CONDITION (a shell expression) every 0.2 s until it holds
wait_for() {
  local what=$1 seconds=$2 condition=$3 deadline=$(( $(date +%s) + $2 ))
  until eval "$condition"; do
    [ "$(date +%s)" -lt "$deadline" ] || die "waited ${seconds} s in vain for: $what"
    sleep 0.2
  done
}
loaders=()
for w in $(seq 0 $((WORKERS - 1))); do load_worker "$w" & loaders+=($!); done
wait_for "the load driver's first 40 requests" 120 '[ "$(load_count)" -ge 40 ]'
for n in 0 1; do
  t0=$(date +%s%N)
  write_nginx "$n"
  reload_nginx # out of the upstream; the old worker has finished the requests it had sent to this instance
  stop_instance "$n"
  start_instance "$n"
  wait_ready "$n"
  write_nginx -1
  before=$(served_total "$n")
  reload_nginx
  say "2. instance $n restarted in $(( ($(date +%s%N) - t0) / 1000000 )) ms under load"
  # back in rotation: it serves the load again before the next one goes down
  wait_for "instance $n serving again after its restart" 120 '[ "$(served_total "$n")" -ge $((before + 10)) ]'
done
touch "$stop_file"
for p in "${loaders[@]}"; do wait "$p" 2>/dev/null || true; done
cat "$work"/load* >"$work/load"
total=$(wc -l <"$work/load")
failed=$(grep -cvE '^(GET 200|POST 20[01]|POST 409)$' "$work/load" || true)
served_after=$(sql "SELECT COUNT(*) FROM event_signup WHERE event_id = $big")
say "2. rolling restart: $total requests through nginx, $failed failed; $served_after signups recorded;" \
  "over the whole run instance A served $(served_total 0), instance B $(served_total 1)" \
  "(each restart: out of nginx's upstream, SIGTERM, graceful shutdown, start, readiness UP, back in)"
if [ "$failed" -ne 0 ] || [ "$total" -lt 50 ]; then
  echo "FAIL: requests failed during the rolling restart" >&2
  grep -vE '^(GET 200|POST 20[01]|POST 409)$' "$work/load" | sort | uniq -c >&2
  fail=1
fi
grep -h "Graceful shutdown\|Commencing graceful" "$work"/app*.log | sed 's/^/  /' | head -4

# --- 3. kill -9 under load -------------------------------------------------------------------------------------------
drill() { BASE="$base" DB="$DB" DB_USER="$KEPU_SERVICE_DB_USER" MYSQL_PWD="$KEPU_SERVICE_DB_PASSWORD" \
  TOKENS="$tokens" DRILL_CONTESTS="$DRILL_CONTESTS" DRILL_CAPACITY="$CAPACITY" DRILL_EVENT="${drill_event:-0}" \
  python3 deploy/local/kill_drill.py "$@"; }
admin_token=$(curl -fsS -m 60 -H 'Content-Type: application/json' -H 'X-Forwarded-For: 198.51.100.40' \
  -d "{\"username\":\"$ADMIN_USER\",\"password\":\"$ADMIN_PASSWORD\"}" "$base/api/admin/v1/auth/login" \
  | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')
[ -n "$admin_token" ] || die "the bootstrap admin could not log in through nginx"
plan_id=$(sql "SELECT id FROM plan WHERE code = 'YUNXI-2022-2025'")
# recompute: every day the ledger holds (at most ten years back), through the admin API
recompute() {
  local range
  range=$(sql "SELECT GREATEST(COALESCE(MIN(occurred_on), CURDATE()), CURDATE() - INTERVAL 3650 DAY),
                      GREATEST(COALESCE(MAX(occurred_on), CURDATE()), CURDATE()) FROM participation_record")
  curl -fsS -m 300 -o /dev/null -H "Authorization: Bearer $admin_token" -H 'Content-Type: application/json' \
    -d "{\"from\":\"${range%%$'\t'*}\",\"to\":\"${range##*$'\t'}\"}" "$base/api/admin/v1/plans/$plan_id/recompute" \
    || die "the recompute through the admin API failed"
}
incomplete() { sql "SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL"; }
ledger_mark() { sql "SELECT COUNT(*), COALESCE(MAX(updated_at), 0) FROM participation_record"; }
# The aggregates start from a full recompute, so a difference found later comes from this drill alone.
wait_for "the event publication registry to empty before the drill" 300 '[ "$(incomplete)" -eq 0 ]'
recompute

drill_event=$(seed_event "$CAPACITY" "双实例强杀演练")
drill seed "$work/drill-plan.json"
t0=$(date +%s%N)
# out of the job table: bash would otherwise print the whole command line of the job the drill kills
disown "${app_pid[0]}"
drill drive "$work/drill-plan.json" "$work/drill-out" "${app_pid[0]}" || { fail=1; die "the kill drill's driver failed"; }
wait_for "the killed instance to be gone" 30 '! kill -0 "${app_pid[0]}" 2>/dev/null'
say "3. load done in $(( ($(date +%s%N) - t0) / 1000000 )) ms; incomplete event publications: $(incomplete); restarting instance 0"
start_instance 0
wait_ready 0
say "3. instance 0 ready again; waiting for the event publication registry to empty"
wait_for "no incomplete event publications (the restarted instance republishes what the killed one left)" 300 \
  '[ "$(incomplete)" -eq 0 ]'
say "3. event publication registry empty"
drill verify "$work/drill-plan.json" "$work/drill-out" || fail=1
# indicator figures == a full recompute (again if a scheduled job changed the ledger meanwhile)
for try in 1 2 3; do
  mark=$(ledger_mark)
  rows=$(drill aggregates "$work/aggregates-live")
  recompute
  drill aggregates "$work/aggregates-recomputed" >/dev/null
  if cmp -s "$work/aggregates-live" "$work/aggregates-recomputed"; then
    say "3. indicator aggregates ($rows non-empty rows) equal a full recompute"; break
  fi
  if [ "$(ledger_mark)" = "$mark" ] || [ "$try" = 3 ]; then
    echo "FAIL: indicator aggregates differ from a full recompute (< live, > recomputed):" >&2
    diff "$work/aggregates-live" "$work/aggregates-recomputed" | head -20 >&2
    fail=1; break
  fi
  wait_for "the event publication registry to empty" 300 '[ "$(incomplete)" -eq 0 ]'
done

say "done: $([ "$fail" -eq 0 ] && echo "all checks passed" || echo "FAILED")"
exit "$fail"
