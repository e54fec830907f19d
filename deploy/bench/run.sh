#!/usr/bin/env bash
# The benchmark command (see docs/benchmarks.md). Starts the production jar against this machine's MariaDB and
# Redis and a WeChat stand-in, and beside it B0 (deploy/bench/b0: a minimal Spring Boot application, same Boot
# version, JVM and core), drives load with wrk from a separate process, and prints one table: requests/s, p50, p99,
# errors, the ratio to B0 measured in the same round and, for continuity, the ratio to our own GET /api/v1/ping.
#
#   deploy/bench/run.sh                 all scenarios in deploy/bench/scenarios
#   deploy/bench/run.sh login regions   only scenarios whose name contains one of the words (baseline always runs)
#
# Environment: BENCH_ROUNDS (3), BENCH_DURATION (20s), BENCH_WARMUP (30s per scenario), BENCH_CONNECTIONS (64),
# BENCH_JAVA (a java binary; default Temurin 25 when installed, else `java`), BENCH_JVM_OPTS (extra server JVM options,
# e.g. a JFR recording), BENCH_PORT/BENCH_WX_PORT/BENCH_DB(kepu_bench*)/BENCH_DB_USER/BENCH_REDIS_DB (so two runs can share a machine),
# BENCH_OPEN_DURATION (20s) and BENCH_OPEN_WARMUP (5s) for the open-model runs below, BENCH_JAR (a server jar built
# before: nothing is built), BENCH_REDIS_PORT (PORT+4: the run's own Redis, see below).
# Method (shared/BENCHMARKING.md): server JVM pinned to core 1, wrk to core 0, MariaDB/Redis unpinned; rounds
# alternate B0 and the scenarios; the median of the rounds is reported with min-max and the per-round ratio.
# This shared machine's speed drifts by 2-3x within minutes, so every scenario is bracketed: B0 runs again right
# after it (BENCH_BRACKET_DURATION, 10s), and its ratio divides by the mean of the B0 runs just before and after it.
# Latency targets ("p99 under X ms at half the maximum rate"): wrk is closed-loop and flatters latency at
# saturation, so a scenario with the header `-- latency-at-half: yes` is run once more after the rounds by
# deploy/bench/openload/OpenLoad.java (fixed arrival rate, latency from each request's intended start) at half its
# median wrk throughput, on core 0. Its request comes from the headers `-- path:` (or `-- open-path:`),
# `-- method:`, `-- open-header:` (repeatable), `-- open-tokens-file:` and `-- open-body:`, where ${VAR} names a
# variable the setups exported, as the Lua script reads it; `-- p99-target-ms:` is shown next to the result.
# Redis: the run starts its own redis-server on BENCH_REDIS_PORT (PORT+4), empty and not persisted, so a scenario
# with the header `-- redis: stopped` (the feed and item on their MySQL path) can stop it for its warm-up and its
# measurements without touching the machine's shared Redis; it is saved to the work dir on stopping and reloaded on
# restart, and the next measurement waits until the server reports Redis healthy again.
# Never run by the tests: figures are reported, not asserted.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"

ROUNDS=${BENCH_ROUNDS:-3}
DURATION=${BENCH_DURATION:-20s}
WARMUP=${BENCH_WARMUP:-30s}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
BRACKET=${BENCH_BRACKET_DURATION:-10s}
OPEN_DURATION=${BENCH_OPEN_DURATION:-20s}
OPEN_WARMUP=${BENCH_OPEN_WARMUP:-5s}
PORT=${BENCH_PORT:-18080}
WX_PORT=${BENCH_WX_PORT:-18090}
BENCH_DB=${BENCH_DB:-kepu_bench}
REDIS_DB=${BENCH_REDIS_DB:-0}
REDIS_PORT=${BENCH_REDIS_PORT:-$((PORT + 4))}
if [ -z "${BENCH_JAVA:-}" ]; then
  if [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then BENCH_JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java; else BENCH_JAVA=java; fi
fi
work=$(mktemp -d /tmp/kepu-bench.XXXXXX)
echo "benchmark work dir: $work"

# --- services and tools -------------------------------------------------------------------------------------
export KEPU_SERVICE_DB_USER=${BENCH_DB_USER:-kepu_ci}
KEPU_SERVICE_DB_PASSWORD="$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
export KEPU_SERVICE_DB_PASSWORD
bash deploy/local/ensure-services.sh
command -v wrk >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
command -v taskset >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq util-linux >/dev/null; }

# --- build the production jar (its unit tests run too; the integration tests are the test command's job) ---
# BENCH_JAR names a jar built before (e.g. to compare two builds with the same scenarios); nothing is built then.
if [ -n "${BENCH_JAR:-}" ]; then
  jar=$BENCH_JAR
else
  ./mvnw -q -B -ntp -pl server package
  jar=$(ls server/target/kepu-server-*.jar | grep -v original | head -1)
fi
[ -f deploy/bench/b0/target/b0.jar ] && [ -n "${BENCH_JAR:-}" ] || ./mvnw -q -B -ntp -f deploy/bench/b0/pom.xml package
b0_jar=deploy/bench/b0/target/b0.jar
wiremock_version=$(sed -n 's:.*<wiremock.version>\(.*\)</wiremock.version>.*:\1:p' pom.xml)
./mvnw -q -B -ntp dependency:get -Dartifact="org.wiremock:wiremock-standalone:${wiremock_version}" >/dev/null
wiremock_jar="$HOME/.m2/repository/org/wiremock/wiremock-standalone/${wiremock_version}/wiremock-standalone-${wiremock_version}.jar"

# --- a fresh database and Redis database for this run ------------------------------------------------------------
mariadb --protocol=socket -uroot -e "DROP DATABASE IF EXISTS $BENCH_DB; CREATE DATABASE $BENCH_DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"

pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
  wait 2>/dev/null || true
}
trap cleanup EXIT

# The run's own Redis (see the header): stopping it for a `-- redis: stopped` scenario disturbs nobody else.
start_redis() {
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no \
    --dir "$work" --dbfilename redis.rdb --logfile "$work/redis.log"
  for _ in $(seq 1 30); do redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1 && return 0; sleep 0.2; done
  echo "Redis on port $REDIS_PORT did not start; see $work/redis.log" >&2; exit 1
}
stop_redis() { # keeps its data (the leaderboards, the caches) for the restart
  redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown save >/dev/null 2>&1 || true
  for _ in $(seq 1 50); do redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1 || return 0; sleep 0.2; done
}
redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
start_redis

taskset -c 0 java -jar "$wiremock_jar" --port "$WX_PORT" --bind-address 127.0.0.1 --root-dir deploy/bench/wechat \
  --global-response-templating --disable-banner --no-request-journal >"$work/wechat.log" 2>&1 &
pids+=($!)

ADMIN_USER=bench-admin
ADMIN_PASSWORD="$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
TOKEN_SECRET="$(head -c 48 /dev/urandom | base64)"
DATA_KEY="$(head -c 32 /dev/urandom | base64)"
db_url="jdbc:mysql://127.0.0.1:3306/$BENCH_DB?useUnicode=true&characterEncoding=utf8&useSSL=false&allowPublicKeyRetrieval=true"
# start_server PORT CPUS LOG: one production instance (the prod profile, as deploy/kepu.env.example runs it; its
# health on the management port PORT+5); every instance shares the database, Redis and secrets, so a token issued by
# one is accepted by the other (the flash crowd below runs two). The demo data (sample villages and questions) is
# loaded and shown, as on a staging deployment: the setups place residents in villages and draw papers. No file is
# uploaded, so OSS is never called and its settings only satisfy the start-up check.
start_server() {
  KEPU_DB_URL="$db_url" KEPU_DB_USER="$KEPU_SERVICE_DB_USER" KEPU_DB_PASSWORD="$KEPU_SERVICE_DB_PASSWORD" \
  KEPU_REDIS_URL="redis://127.0.0.1:$REDIS_PORT/$REDIS_DB" WX_API_BASE_URL="http://127.0.0.1:$WX_PORT" \
  KEPU_TOKEN_SECRET="$TOKEN_SECRET" KEPU_DATA_KEY="$DATA_KEY" \
  KEPU_BOOTSTRAP_ADMIN_USERNAME="$ADMIN_USER" KEPU_BOOTSTRAP_ADMIN_PASSWORD="$ADMIN_PASSWORD" PORT="$1" \
  KEPU_DEMO_DATA=true KEPU_DEMO_DATA_VISIBLE=true \
  SPRING_PROFILES_ACTIVE=prod WX_APPID=wx-bench WX_SECRET=bench KEPU_PUBLIC_BASE_URL="http://127.0.0.1:$1" \
  KEPU_MANAGEMENT_PORT=$(( $1 + 5 )) \
  OSS_ENDPOINT=oss.invalid OSS_BUCKET=bench OSS_ACCESS_KEY_ID=bench OSS_ACCESS_KEY_SECRET=bench OSS_REGION=none \
    taskset -c "$2" "$BENCH_JAVA" -Xms1g -Xmx1g ${BENCH_JVM_OPTS:-} -jar "$jar" --logging.level.root=WARN >"$3" 2>&1 &
  pids+=($!)
}
healthy() { curl -fs "http://127.0.0.1:$(( $1 + 5 ))/actuator/health" >/dev/null 2>&1; } # PORT
wait_healthy() { # PORT LOG (a loaded one-core JVM can take minutes to start)
  for _ in $(seq 1 300); do
    healthy "$1" && return 0
    sleep 1
  done
  echo "server on port $1 did not start; see $2" >&2; tail -50 "$2" >&2; exit 1
}
start_server "$PORT" 1 "$work/server.log"
server_pid=$!
base="http://127.0.0.1:$PORT"
wait_healthy "$PORT" "$work/server.log"
# B0 on the same core with the same JVM and heap; only one of the two is under load at any time.
B0_PORT=$((PORT + 2))
taskset -c 1 "$BENCH_JAVA" -Xms1g -Xmx1g ${BENCH_JVM_OPTS_B0:-} -jar "$b0_jar" --server.port="$B0_PORT" \
  --logging.level.root=WARN >"$work/b0.log" 2>&1 &
b0_pid=$!
pids+=($!)
b0_base="http://127.0.0.1:$B0_PORT"
for _ in $(seq 1 60); do curl -fs "$b0_base/ping" >/dev/null 2>&1 && break; sleep 1; done
curl -fs "$b0_base/ping" >/dev/null || { echo "B0 did not start; see $work/b0.log" >&2; tail -20 "$work/b0.log" >&2; exit 1; }
# The machine's own state during the run: CPU time stolen by the hypervisor, from /proc/stat (field 9 of "cpu").
cpu_stat() { awk '/^cpu /{t=0; for (i=2;i<=NF;i++) t+=$i; print $9, t}' /proc/stat; }
read -r steal_start total_start < <(cpu_stat)

# --- scenarios ----------------------------------------------------------------------------------------------------
header() { sed -n "s/^-- $2: *//p" "$1" | head -1; }
headers() { sed -n "s/^-- $2: *//p" "$1"; } # every occurrence of a repeatable header, one per line
declare -a names files
for f in deploy/bench/scenarios/*.lua; do
  name=$(header "$f" scenario)
  if [ "$name" != baseline ] && [ $# -gt 0 ]; then
    keep=no; for w in "$@"; do [[ "$name" == *"$w"* ]] && keep=yes; done
    [ "$keep" = yes ] || continue
  fi
  names+=("$name"); files+=("$f")
done

# For setup scripts: DB_URL holds mysql-client arguments naming the bench database (`mysql $DB_URL --user=$DB_USER`,
# password in MYSQL_PWD, which the client reads itself); JDBC_URL the same database for Java tools.
export BASE_URL="$base" DB_HOST=127.0.0.1 DB_PORT=3306 DB_NAME="$BENCH_DB" DB_USER="$KEPU_SERVICE_DB_USER" \
  DB_PASSWORD="$KEPU_SERVICE_DB_PASSWORD" MYSQL_PWD="$KEPU_SERVICE_DB_PASSWORD" \
  DB_URL="--host=127.0.0.1 --port=3306 --database=$BENCH_DB" JDBC_URL="$db_url" \
  REDIS_URL="redis://127.0.0.1:$REDIS_PORT/$REDIS_DB" ADMIN_USER ADMIN_PASSWORD
declare -A done_setups=()
measured="$work/setup-measurements.txt"
: >"$measured"
for f in "${files[@]}"; do
  setup=$(header "$f" setup)
  if [ -n "$setup" ] && [ -z "${done_setups[$setup]:-}" ]; then
    done_setups[$setup]=1
    echo "setup: $setup"
    while IFS= read -r line; do
      if [[ "$line" =~ ^[A-Z_][A-Z0-9_]*= ]]; then
        export "${line?}"
        # Figures a setup measured itself (e.g. RECOMPUTE_SECONDS) go into the report.
        [[ "$line" =~ ^[A-Z0-9_]*(SECONDS|MILLIS|METRIC)[A-Z0-9_]*= ]] && echo "$line" >>"$measured"
      else
        echo "  $line"
      fi
    done < <(bash "$setup")
  fi
done

run_wrk() { # name file duration outfile
  # A path with {placeholders} is only documentation: that scenario's Lua builds its own requests.
  local path; path=$(header "$2" path); path=${path%%\{*}
  local target=$base; [ "$(header "$2" target)" = b0 ] && target=$b0_base
  # A scenario may say how many clients it models (`-- connections: 1` for "one official opens the dashboard").
  local connections; connections=$(header "$2" connections); connections=${connections:-$CONNECTIONS}
  local no_redis=no; [ "$(header "$2" redis)" = stopped ] && no_redis=yes
  [ "$no_redis" = yes ] && stop_redis
  taskset -c 0 wrk -t1 -c"$connections" -d"$3" --latency -s "$2" "$target$path" >"$4" 2>&1 || true
  if [ "$no_redis" = yes ]; then
    start_redis
    # Redis healthy again for the server (its pause after the failure has run out) before the next measurement
    for _ in $(seq 1 120); do
      healthy "$PORT" && break
      sleep 0.5
    done
  fi
  drain_async "$4"
}

# Work a scenario's requests hand to asynchronous listeners (statistics, points: the event publication registry)
# still runs after wrk stops. Waits until none is left (at most 3 minutes) before the next measurement, so no
# scenario is charged for another's backlog, and records how long it took: report.py shows it and the rate
# including it.
drain_async() { # outfile
  local started; started=$(date +%s%N)
  local open=0
  while :; do
    open=$(mariadb --protocol=socket -uroot -Nse \
      "SELECT COUNT(*) FROM \`$BENCH_DB\`.EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL" 2>/dev/null || echo 0)
    [ "${open:-0}" -eq 0 ] && break
    [ $(( ($(date +%s%N) - started) / 1000000000 )) -ge 180 ] && break
    sleep 0.2
  done
  echo "ASYNC_DRAIN_MS $(( ($(date +%s%N) - started) / 1000000 )) OPEN_AT_END ${open:-0}" >>"$1"
}

# Warm-up until the JIT has settled. On one core the server's C2 compiler competes with the requests it compiles
# for: the submit path kept it busy for about 90 s, a third of the core, so 30 s of warm-up measured the compiler as
# much as the server. Each scenario (and B0, under the same rule) is warmed in slices of WARMUP_SLICE for at least
# WARMUP, then on while its JVM's compiler threads used more than JIT_SETTLED_PERCENT of the core in the last slice,
# up to WARMUP_MAX in all. How long each one took, and the compiler's share in its last slice, go into the report.
WARMUP_SLICE=${BENCH_WARMUP_SLICE:-10}
WARMUP_MAX=${BENCH_WARMUP_MAX:-180}
JIT_SETTLED_PERCENT=${BENCH_JIT_SETTLED_PERCENT:-5}
seconds() { local d=$1; d=${d%s}; echo "$d"; }
compiler_ms() { # PID: CPU ms used so far by the JVM's JIT compiler threads (from their schedstat)
  local total=0 t run rest
  for t in /proc/"$1"/task/*; do
    case "$(cat "$t/comm" 2>/dev/null)" in
      C1\ CompilerThre*|C2\ CompilerThre*) read -r run rest <"$t/schedstat" 2>/dev/null && total=$((total + run / 1000000)) ;;
    esac
  done
  echo "$total"
}
warm_up() { # name file outfile
  local pid=$server_pid; [ "$(header "$2" target)" = b0 ] && pid=$b0_pid
  local min; min=$(seconds "$WARMUP")
  local warmed=0 share=100 before after
  while [ "$warmed" -lt "$min" ] || { [ "$share" -gt "$JIT_SETTLED_PERCENT" ] && [ "$warmed" -lt "$WARMUP_MAX" ]; }; do
    before=$(compiler_ms "$pid")
    run_wrk "$1" "$2" "${WARMUP_SLICE}s" "$3"
    after=$(compiler_ms "$pid")
    share=$(( (after > before ? after - before : 0) / (WARMUP_SLICE * 10) ))
    warmed=$((warmed + WARMUP_SLICE))
  done
  echo "$1 $warmed $share" >>"$warmup_log"
}
warmup_log="$work/warmup.txt"
: >"$warmup_log"
echo "warming up (at least ${WARMUP} per scenario, until the JIT settles)..."
for i in "${!names[@]}"; do warm_up "${names[$i]}" "${files[$i]}" "$work/warmup-${names[$i]}.txt"; done

manifest="$work/manifest.json"
{
  echo '{"order": ['
  for i in "${!names[@]}"; do printf '%s"%s"' "$([ "$i" -gt 0 ] && echo ,)" "${names[$i]}"; done
  echo '], "rounds": ['
  for r in $(seq 1 "$ROUNDS"); do
    echo "round $r/$ROUNDS" >&2
    [ "$r" -gt 1 ] && echo ','
    echo '{'
    for i in "${!names[@]}"; do
      out="$work/round$r-${names[$i]}.txt"
      run_wrk "${names[$i]}" "${files[$i]}" "$DURATION" "$out"
      printf '%s"%s": "%s"\n' "$([ "$i" -gt 0 ] && echo ,)" "${names[$i]}" "$out"
      if [ "${names[$i]}" != baseline ]; then
        # B0 again right after each scenario: its ratio uses the baselines on both sides of it (see report.py)
        after="$work/round$r-after-${names[$i]}.txt"
        run_wrk baseline "${files[0]}" "$BRACKET" "$after"
        printf ',"after:%s": "%s"\n' "${names[$i]}" "$after"
      fi
    done
    echo '}'
  done
  echo ']}'
} >"$manifest"

# --- open model: p99 at half the max rate -------------------------------------------------------------------------
# After the rounds, so the server is as warm as the rounds left it and the wrk figures are not disturbed.
open_manifest="$work/open-manifest.json"
run_open() { # name file rate outfile
  local path; path=$(header "$2" open-path); path=${path:-$(header "$2" path)}
  if [[ "$path" == *"{"* && "$path" != *'${'* ]]; then
    echo "open model: $1 has only a documentation path ($path); add an -- open-path: header" >"$4"
    return
  fi
  local connections; connections=$(header "$2" connections); connections=${connections:-$CONNECTIONS}
  local method; method=$(header "$2" method); method=${method:-GET}
  local args=(--url "$base$path" --rate "$3" --duration "$OPEN_DURATION" --warmup "$OPEN_WARMUP"
    --connections "$connections" --method "$method")
  local h; while IFS= read -r h; do [ -n "$h" ] && args+=(--header "$h"); done < <(headers "$2" open-header)
  local tokens; tokens=$(header "$2" open-tokens-file); [ -n "$tokens" ] && args+=(--tokens-file "$tokens")
  local body; body=$(header "$2" open-body); [ -n "$body" ] && args+=(--body "$body")
  # Pinned to core 0 like wrk; the single-file source launcher compiles the driver, nothing to build.
  taskset -c 0 "$BENCH_JAVA" deploy/bench/openload/OpenLoad.java "${args[@]}" >"$4" 2>&1 || true
}
{
  echo '['
  sep=''
  for i in "${!names[@]}"; do
    [ "$(header "${files[$i]}" latency-at-half)" = yes ] || continue
    max=$(python3 deploy/bench/report.py --median-rps "$manifest" "${names[$i]}")
    rate=$(python3 -c "print(max(1, round($max / 2)))")
    out="$work/open-${names[$i]}.txt"
    echo "open model: ${names[$i]} at $rate req/s (half of $max) for $OPEN_DURATION after $OPEN_WARMUP" >&2
    run_open "${names[$i]}" "${files[$i]}" "$rate" "$out"
    target=$(header "${files[$i]}" p99-target-ms)
    printf '%s{"scenario": "%s", "file": "%s", "max_rps": %s, "rate": %s, "target_p99_ms": %s}\n' \
      "$sep" "${names[$i]}" "$out" "$max" "$rate" "${target:-null}"
    sep=','
  done
  echo ']'
} >"$open_manifest"

# --- flash crowd: 2,000 signups at once for 100 seats through two instances (target: all answered in 5 s) ---------
# Runs with all scenarios, or when a word names it (`run.sh flash`). A second production instance starts on
# PORT+1; for this part both instances and the driver share the machine's two cores, as the target states it
# ("on this 2-core machine"). Each flash is one new event with 100 seats and a waitlist, and the same 2,000 residents
# (each logged in once through the API) send one signup each, all due within 1 ms, each on its own new connection,
# alternating between the instances (OpenLoad with two --url). Its max_ms is the time until the last answer. Two
# warm-up flashes on large events come first (a production instance is warm); then FLASH_ROUNDS measured ones, each
# checked in the database: exactly 100 confirmed, everyone else waitlisted, one signup per person.
flash_manifest="$work/flash.txt"
: >"$flash_manifest"
want_flash=no
if [ $# -eq 0 ]; then want_flash=yes; else for w in "$@"; do [[ "flash" == *"$w"* ]] && want_flash=yes; done; fi
if [ "$want_flash" = yes ]; then
  FLASH_PORT=$((PORT + 1))
  FLASH_SIGNUPS=${BENCH_FLASH_SIGNUPS:-2000}
  FLASH_ROUNDS=${BENCH_FLASH_ROUNDS:-3}
  start_server "$FLASH_PORT" 0,1 "$work/server2.log"
  wait_healthy "$FLASH_PORT" "$work/server2.log"
  taskset -a -p -c 0,1 "$server_pid" >/dev/null
  # shellcheck source=deploy/bench/setup/event-common.sh
  . deploy/bench/setup/event-common.sh
  flash_tokens="$work/flash-tokens.txt"
  echo "flash: logging in $FLASH_SIGNUPS residents" >&2
  login_residents "$FLASH_SIGNUPS" "bench-flash" "$flash_tokens"
  flash() { # CAPACITY OUTFILE -> prints the event id
    local id
    read -r id _ < <(seed_events 1 "$1" 1 "bench-flash-$(date +%s%N)")
    "$BENCH_JAVA" deploy/bench/openload/OpenLoad.java --url "$base/api/v1/events/$id/signups" \
      --url "http://127.0.0.1:$FLASH_PORT/api/v1/events/$id/signups" --rate 2000000 --warmup 0s --duration "$((FLASH_SIGNUPS / 2000))ms" \
      --connections "$FLASH_SIGNUPS" --method POST --header 'Content-Type: application/json' --body '{}' \
      --tokens-file "$flash_tokens" --timeout 60s --drain 60s >"$2" 2>&1 || true
    echo "$id"
  }
  for w in 1 2; do
    echo "flash: warm-up $w" >&2
    flash 1000000 "$work/flash-warmup-$w.txt" >/dev/null
  done
  for r in $(seq 1 "$FLASH_ROUNDS"); do
    echo "flash: round $r/$FLASH_ROUNDS" >&2
    out="$work/flash-round$r.txt"
    id=$(flash 100 "$out")
    read -r confirmed waitlisted people < <(mariadb --protocol=socket -uroot -Nse "SELECT
        SUM(status = 'CONFIRMED'), SUM(status = 'WAITLISTED'), COUNT(DISTINCT person_key)
        FROM \`$BENCH_DB\`.event_signup WHERE event_id = $id")
    taken=$(mariadb --protocol=socket -uroot -Nse "SELECT taken FROM \`$BENCH_DB\`.event WHERE id = $id")
    echo "$out confirmed=$confirmed waitlisted=$waitlisted people=$people taken=$taken" >>"$flash_manifest"
  done
fi

read -r steal_end total_end < <(cpu_stat)
steal=$(python3 -c "print(f'{100 * ($steal_end - $steal_start) / max(1, $total_end - $total_start):.1f}')")
echo
echo "科普云溪 benchmark — commit $(git rev-parse --short HEAD), $("$BENCH_JAVA" -version 2>&1 | head -1)"
echo "server: taskset -c 1, -Xms1g -Xmx1g (one core: Serial GC); load: wrk -t1 -c$CONNECTIONS -d$DURATION on core 0;"
[ "$(wc -l <"$open_manifest")" -gt 2 ] && echo "open model: OpenLoad on core 0 at half the median req/s, $OPEN_DURATION after $OPEN_WARMUP warm-up"
echo "B0: deploy/bench/b0 on the same core and JVM flags; CPU steal during the run: ${steal}% (from /proc/stat)"
echo "warm-up until the JIT settled (compiler threads <= ${JIT_SETTLED_PERCENT}% of the core over ${WARMUP_SLICE}s, at least ${WARMUP}, at most ${WARMUP_MAX}s): $(awk '{printf "%s%s %ss (JIT %s%%)", (NR > 1 ? ", " : ""), $1, $2, $3}' "$warmup_log")"
echo "rounds: $ROUNDS per scenario; MariaDB $(mariadb --protocol=socket -uroot -Nse 'select version()'), Redis $(redis-server --version | awk '{print $3}')"
echo
python3 deploy/bench/report.py "$manifest" "$open_manifest" "$flash_manifest"
if [ -s "$measured" ]; then
  echo
  echo "measured by the setups:"
  sed 's/^/  /' "$measured"
fi
echo "raw wrk outputs: $work"
