#!/usr/bin/env bash
# Soak: one production instance (the prod profile, as deploy/kepu.env.example runs it; pinned to core 1, 1 GB heap,
# this machine's MariaDB, its own Redis, the WeChat stand-in, health on its own management port) under a realistic
# mix at a fixed arrival rate for SOAK_DURATION.
# The load is deploy/bench/openload/OpenLoad.java (open model: latency from each request's intended start) reading
# a file that interleaves the mix, run in consecutive windows of SOAK_WINDOW; the data come from the bench setups.
# Reports every window (rate, errors, p50/p99), the p99 of the first five minutes against the last five (or the
# first and last third of a shorter soak), and the heap after a full GC (jcmd GC.run + GC.heap_info) after the
# warm-up and at the end. Exits non-zero on any error: every request of the mix expects 2xx.
#
#   deploy/bench/soak.sh                                  30 minutes at 690 requests/s
#   SOAK_DURATION=3m deploy/bench/soak.sh                 a quick check of the command itself
#
# Mix (per 200 requests): 56 feed, 40 item, 20 daily quiz (start or resume an attempt), 20 submits (each a fresh
# 10-question contest attempt), 20 leaderboard (top 50 + my rank, 200,000 entries), 20 signups (each a first
# signup for an event with seats left), 10 check-ins, 13 event list, 1 staff dashboard.
# The signup events are in progress (their one session started a minute before the soak and ends after it), so
# every other resident who signed up scans the venue code about half a minute later: a first check-in each. The
# venue code rotates every 30 s and is accepted for 60 s; the requests of a window are written before it starts,
# so the script signs each one for the 30-second window it will be sent in, the way every instance derives it
# (HMAC-SHA256 under a key derived from KEPU_TOKEN_SECRET, see CheckinTokens).
# Access tokens are issued for the whole soak (kepu.token.access-token-ttl): the setup logs residents in once, and a
# 30-minute soak outlives the 30-minute production lifetime (the mini-program refreshes them; the soak does not).
#
# Environment: SOAK_DURATION (30m), SOAK_RATE (690 requests/s: half the single-core mixed capacity in
# docs/benchmarks.md, "容量"), SOAK_WINDOW (60 s), SOAK_WARMUP (60 s, not reported), SOAK_JAR (a built server jar;
# built when unset), SOAK_PORT (19080; WeChat stand-in on +1, management port +3, Redis on +4), SOAK_DB (kepu_bench_soak),
# SOAK_DB_USER (kepu_soak), SOAK_JAVA (Temurin 25 when installed).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"

seconds() { local v=$1; case $v in *m) echo $(( ${v%m} * 60 ));; *h) echo $(( ${v%h} * 3600 ));; *s) echo "${v%s}";; *) echo "$v";; esac; }
DURATION=$(seconds "${SOAK_DURATION:-30m}")
RATE=${SOAK_RATE:-690}
export RATE
WINDOW=$(seconds "${SOAK_WINDOW:-60}")
WARMUP=$(seconds "${SOAK_WARMUP:-60}")
PORT=${SOAK_PORT:-19080}
WX_PORT=$((PORT + 1))
MGMT_PORT=$((PORT + 3))
REDIS_PORT=$((PORT + 4))
DB=${SOAK_DB:-kepu_bench_soak}
if [ -n "${SOAK_JAVA:-}" ]; then JAVA=$SOAK_JAVA
elif [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
else JAVA=java; fi
JAVA_HOME_BIN=$(dirname "$(readlink -f "$(command -v "$JAVA")")")
windows=$(( (DURATION + WINDOW - 1) / WINDOW ))
work=$(mktemp -d /tmp/kepu-soak.XXXXXX)
echo "soak work dir: $work; $windows windows of ${WINDOW} s at $RATE requests/s after ${WARMUP} s of warm-up"

export KEPU_SERVICE_DB_USER=${SOAK_DB_USER:-kepu_soak}
KEPU_SERVICE_DB_PASSWORD="$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
export KEPU_SERVICE_DB_PASSWORD
bash deploy/local/ensure-services.sh
command -v taskset >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq util-linux >/dev/null; }
if [ -n "${SOAK_JAR:-}" ]; then jar=$SOAK_JAR; else
  ./mvnw -q -B -ntp -pl server -DskipTests package
  jar=$(ls server/target/kepu-server-*.jar | grep -v original | head -1)
fi
cp "$jar" "$work/kepu-server.jar"
jar="$work/kepu-server.jar"
wiremock_version=$(sed -n 's:.*<wiremock.version>\(.*\)</wiremock.version>.*:\1:p' pom.xml)
wiremock_jar="$HOME/.m2/repository/org/wiremock/wiremock-standalone/${wiremock_version}/wiremock-standalone-${wiremock_version}.jar"
[ -f "$wiremock_jar" ] || ./mvnw -q -B -ntp dependency:get -Dartifact="org.wiremock:wiremock-standalone:${wiremock_version}" >/dev/null
"$JAVA_HOME_BIN/javac" -d "$work/openload" deploy/bench/openload/OpenLoad.java

mariadb --protocol=socket -uroot -e "DROP DATABASE IF EXISTS \`$DB\`; CREATE DATABASE \`$DB\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
cleanup() {
  set +e
  local live; live=$(jobs -pr)
  [ -z "$live" ] || kill $live 2>/dev/null
  redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1
  wait 2>/dev/null
  rm -f "$work/kepu-server.jar" "$work"/kepu-quiz-*.tsv # the large files; the logs and the report stay
}
trap cleanup EXIT
trap 'exit 130' INT TERM
redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no --dir "$work" \
  --logfile "$work/redis.log"
for _ in $(seq 1 50); do redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.2; done
taskset -c 0 "$JAVA" -jar "$wiremock_jar" --port "$WX_PORT" --bind-address 127.0.0.1 --root-dir deploy/bench/wechat \
  --global-response-templating --disable-banner --no-request-journal >"$work/wechat.log" 2>&1 &

ADMIN_USER=soak-admin
ADMIN_PASSWORD="$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
TOKEN_SECRET="$(head -c 48 /dev/urandom | base64)"
db_url="jdbc:mysql://127.0.0.1:3306/$DB?useUnicode=true&characterEncoding=utf8&useSSL=false&allowPublicKeyRetrieval=true"
base="http://127.0.0.1:$PORT"
# prod profile: no file is uploaded, so OSS is never called and its settings only satisfy the start-up check
KEPU_DB_URL="$db_url" KEPU_DB_USER="$KEPU_SERVICE_DB_USER" KEPU_DB_PASSWORD="$KEPU_SERVICE_DB_PASSWORD" \
KEPU_REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0" WX_API_BASE_URL="http://127.0.0.1:$WX_PORT" \
KEPU_TOKEN_SECRET="$TOKEN_SECRET" KEPU_DATA_KEY="$(head -c 32 /dev/urandom | base64)" \
KEPU_BOOTSTRAP_ADMIN_USERNAME="$ADMIN_USER" KEPU_BOOTSTRAP_ADMIN_PASSWORD="$ADMIN_PASSWORD" PORT="$PORT" \
KEPU_DEMO_DATA=true KEPU_DEMO_DATA_VISIBLE=true \
SPRING_PROFILES_ACTIVE=prod WX_APPID=wx-soak WX_SECRET=soak KEPU_PUBLIC_BASE_URL="$base" KEPU_MANAGEMENT_PORT="$MGMT_PORT" \
OSS_ENDPOINT=oss.invalid OSS_BUCKET=soak OSS_ACCESS_KEY_ID=soak OSS_ACCESS_KEY_SECRET=soak OSS_REGION=none \
  taskset -c 1 "$JAVA" -Xms1g -Xmx1g -jar "$jar" --logging.level.root=WARN \
  --kepu.token.access-token-ttl="$(( DURATION + WARMUP + 3600 ))s" >"$work/server.log" 2>&1 &
server_pid=$!
health="http://127.0.0.1:$MGMT_PORT/actuator/health/readiness"
for _ in $(seq 1 600); do
  curl -fs "$health" >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || { tail -30 "$work/server.log" >&2; echo "FAIL: the server exited" >&2; exit 1; }
  sleep 1
done
curl -fs "$health" >/dev/null || { echo "FAIL: the server did not start" >&2; exit 1; }

# --- data: the bench setups ---------------------------------------------------------------------------------------
export BASE_URL="$base" DB_USER="$KEPU_SERVICE_DB_USER" MYSQL_PWD="$KEPU_SERVICE_DB_PASSWORD" \
  DB_URL="--host=127.0.0.1 --port=3306 --database=$DB" ADMIN_USER ADMIN_PASSWORD
export TMPDIR="$work" # the setups' files (tokens, attempts) stay in this run's directory
submits_needed=$(( (DURATION + WARMUP + WINDOW) * RATE / 10 + 1000 ))
export SUBMIT_RESIDENTS=$(( submits_needed / 3000 + 1 ))
export EVENT_BENCH_RESIDENTS=300
export EVENT_BENCH_EVENTS=$(( submits_needed / 300 + 2 ))
for setup in content.sh quiz-submit.sh quiz-leaderboard.sh event-signup-seats.sh; do
  echo "setup: $setup"
  while IFS= read -r line; do
    if [[ "$line" =~ ^[A-Z_][A-Z0-9_]*= ]]; then export "${line?}"; else echo "  $line"; fi
  done < <(bash "deploy/bench/setup/$setup")
done
export SOAK_DAILY_ID PLAN_ID ADMIN_TOKEN
SOAK_DAILY_ID=$(cd deploy/bench/setup && python3 -c 'from quiz_common import create_contest; print(create_contest("soak-daily")[0])')
PLAN_ID=$(mysql $DB_URL --user="$DB_USER" -Nse "SELECT id FROM plan WHERE code = 'YUNXI-2022-2025'")
ADMIN_TOKEN=$(curl -fsS -H 'Content-Type: application/json' -H 'X-Forwarded-For: 198.51.100.41' \
  -d "{\"username\":\"$ADMIN_USER\",\"password\":\"$ADMIN_PASSWORD\"}" "$base/api/admin/v1/auth/login" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')

# The signup events run now: their session started a minute ago and ends an hour after the soak, and signups stay
# open until then, so the residents who sign up during the soak can check in at the venue (EventSnapshot is read
# through a 1-second cache; none of these events has been read yet).
last_event=$(( EVENT_FIRST + EVENT_COUNT - 1 ))
mysql $DB_URL --user="$DB_USER" -e "SET time_zone = '+08:00';
  UPDATE event SET starts_at = NOW(3) - INTERVAL 1 MINUTE, signup_opens_at = NOW(3) - INTERVAL 1 DAY,
         ends_at = NOW(3) + INTERVAL $(( DURATION + WARMUP + 3600 )) SECOND,
         signup_closes_at = NOW(3) + INTERVAL $(( DURATION + WARMUP + 3600 )) SECOND,
         cancel_deadline = NOW(3) - INTERVAL 1 MINUTE
   WHERE id BETWEEN $EVENT_FIRST AND $last_event;
  UPDATE event_session s JOIN event e ON e.id = s.event_id SET s.starts_at = e.starts_at, s.ends_at = e.ends_at
   WHERE e.id BETWEEN $EVENT_FIRST AND $last_event;"
export SESSIONS_FILE="$work/sessions.tsv" TOKEN_SECRET
mysql $DB_URL --user="$DB_USER" -Nse "SELECT event_id, id FROM event_session
  WHERE event_id BETWEEN $EVENT_FIRST AND $last_event" >"$SESSIONS_FILE"

# requests W FIRST COUNT: the window's request file, requests FIRST .. FIRST+COUNT-1 of the endless mix
requests() {
  python3 - "$1" "$2" "$3" <<'PY'
import base64, hashlib, hmac, json, math, os, sys, time
out, first, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
MIX = [("feed", 56), ("item", 40), ("daily", 20), ("submit", 20), ("board", 20), ("signup", 20), ("checkin", 10),
       ("events", 13), ("dashboard", 1)]
# each kind spread evenly over the 200 slots: a fixed interleave, so request i is always of the same kind
PATTERN = [k for _, k in sorted(((j + 0.5) / c, k) for k, c in MIX for j in range(c))]
per = {k: PATTERN.count(k) for k in set(PATTERN)}
before = {k: [PATTERN[:s].count(k) for s in range(len(PATTERN))] for k in per}
def nth(kind, i):  # how many requests of this kind come before request i
    return (i // len(PATTERN)) * per[kind] + before[kind][i % len(PATTERN)]
submits = [l.rstrip("\n").split("\t") for l in open(os.environ["QUIZ_SUBMIT_FILE"])]
tokens = [l.strip() for l in open(os.environ["TOKENS_FILE"]) if l.strip()]
e = os.environ
sessions = dict(tuple(map(int, l.split())) for l in open(e["SESSIONS_FILE"]) if l.strip())
rate = int(e["RATE"])
# check-in c is by the resident of signup 2(c - LAG): every other signup, about 30 s after it was made
LAG = math.ceil(rate * 30 * per["checkin"] / len(PATTERN))
signing_key = hmac.new(hashlib.sha256(e["TOKEN_SECRET"].encode()).digest(), b"kepu-event-checkin-v1",
                       hashlib.sha256).digest()
start = time.time()  # no request of this file is sent before now, and the first within seconds of it
def venue_code(event, session, i):
    """The check-in code the venue screen shows in the 30-second window request i is sent in (CheckinTokens)."""
    window = int(start + (i - first) / rate) // 30 * 30
    body = "v1.%d.%d.IN.%d" % (event, session, window)
    mac = hmac.new(signing_key, body.encode(), hashlib.sha256).digest()
    return body + "." + base64.urlsafe_b64encode(mac).decode().rstrip("=")
def signup(k):
    event = int(e["EVENT_FIRST"]) + k // len(tokens)
    return event, tokens[k % len(tokens)]
with open(out, "w") as f:
    for i in range(first, first + count):
        kind = PATTERN[i % len(PATTERN)]
        k = nth(kind, i)
        if kind == "checkin" and k < LAG:
            kind = "feed"  # nobody has signed up long enough ago yet
        if kind == "checkin":
            event, token = signup(2 * (k - LAG))
            code = venue_code(event, sessions[event], i)
            line = ("POST", "/api/v1/checkins", token, json.dumps({"token": code}))
        elif kind == "feed":
            line = ("GET", "/api/v1/contents?page=1&size=20", e["RESIDENT_TOKEN"], "")
        elif kind == "item":
            line = ("GET", "/api/v1/contents/" + e["ITEM_ID"], e["RESIDENT_TOKEN"], "")
        elif kind == "daily":
            line = ("POST", "/api/v1/quizzes/%s/attempts" % e["SOAK_DAILY_ID"], tokens[k % len(tokens)], "")
        elif kind == "submit":
            attempt, token, body = submits[k]
            line = ("POST", "/api/v1/attempts/%s/submit" % attempt, token, body)
        elif kind == "board":
            line = ("GET", "/api/v1/quizzes/%s/leaderboard?top=50" % e["QUIZ_LB_ID"], e["QUIZ_LB_TOKEN"], "")
        elif kind == "signup":
            event, token = signup(k)
            line = ("POST", "/api/v1/events/%d/signups" % event, token, "{}")
        elif kind == "events":
            line = ("GET", "/api/v1/events", tokens[k % len(tokens)], "")
        else:
            line = ("GET", "/api/admin/v1/plans/%s/dashboard" % e["PLAN_ID"], e["ADMIN_TOKEN"], "")
        f.write("\t".join(line) + "\n")
PY
}
# window NAME FIRST SECONDS: one OpenLoad run of the mix; prints its OPENLOAD line to the report
window() {
  local count=$(( RATE * $3 ))
  requests "$work/requests-$1" "$2" "$count"
  taskset -c 0 "$JAVA" -cp "$work/openload" OpenLoad --url "$base/" --rate "$RATE" --duration "${3}s" --warmup 0s \
    --connections 64 --drain 10s --requests-file "$work/requests-$1" >"$work/window-$1.out" 2>"$work/window-$1.err" || true
  rm -f "$work/requests-$1"
  local line; line=$(grep '^OPENLOAD' "$work/window-$1.out" || echo "OPENLOAD missing (see $work/window-$1.err)")
  echo "$1 $line" >>"$work/report"
  echo "$(date -u +%T) window $1: ${line#OPENLOAD }"
  next=$(( $2 + count ))
}
# heap NAME: the live heap after a full collection, in MB (old generation plus what stayed young)
heap() {
  "$JAVA_HOME_BIN/jcmd" "$server_pid" GC.run >/dev/null
  "$JAVA_HOME_BIN/jcmd" "$server_pid" GC.heap_info >"$work/heap-$1.txt"
  local used_kb
  # the generations' (or G1's whole heap's) "total NK, used NK"; Metaspace lines have another shape
  used_kb=$(grep -oE 'total [0-9]+K, used [0-9]+K' "$work/heap-$1.txt" | sed 's/.*used //; s/K//' \
    | awk '{s+=$1} END {print s+0}' || true)
  echo "heap after GC ($1): $(( used_kb / 1024 )) MB" | tee -a "$work/report"
}

: >"$work/report"
next=0
window warmup "$next" "$WARMUP"
heap start
for w in $(seq 1 "$windows"); do window "$w" "$next" "$WINDOW"; done
heap end

python3 - "$work/report" "$windows" "$WINDOW" <<'PY'
import re, sys
report, windows, window = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rows = {}
heap = {}
for line in open(report):
    name = line.split()[0]
    if line.startswith("heap"):
        heap[line.split("(")[1].split(")")[0]] = line.split(": ")[1].strip()
        continue
    rows[name] = dict(re.findall(r"(\w+)=([\d.]+)", line))
numbered = [rows.get(str(w), {}) for w in range(1, windows + 1)]
span = max(1, min(300 // window, windows // 3 or 1))
def p99(ws):
    values = [float(w["p99_ms"]) for w in ws if "p99_ms" in w]
    return max(values) if values else float("nan")
errors = sum(int(float(w.get("errors", 1))) for w in numbered) + sum(1 for w in numbered if "errors" not in w)
count = sum(int(float(w.get("count", 0))) for w in numbered)
rates = [float(w["rate"]) for w in numbered if "rate" in w]
print("soak: %d windows of %d s, %d requests, %d errors; arrival rate achieved %.0f-%.0f requests/s"
      % (windows, window, count, errors, min(rates or [0]), max(rates or [0])))
print("  p99 of the first %d s: %.1f ms (worst window); of the last %d s: %.1f ms"
      % (span * window, p99(numbered[:span]), span * window, p99(numbered[-span:])))
print("  heap after GC: after the warm-up %s, at the end %s" % (heap.get("start"), heap.get("end")))
sys.exit(1 if errors else 0)
PY
