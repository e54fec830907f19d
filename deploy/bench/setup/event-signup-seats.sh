#!/usr/bin/env bash
# Scenario 30: signup while seats remain. 1000 residents x 2000 big events = 2,000,000 distinct signups, so
# every request of every round is a first signup (the Lua script hands each wrk thread its own range).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/event-common.sh"

residents=${EVENT_BENCH_RESIDENTS:-1000}
events=${EVENT_BENCH_EVENTS:-2000}
work=${TMPDIR:-/tmp}/kepu-bench-events
mkdir -p "$work"
tokens="$work/signup-tokens.txt"
login_residents "$residents" "bench-signup" "$tokens"
read -r first last < <(seed_events "$events" 1000000 1 "bench-signup-$(date +%s)")
rm -f "$work/signup-counter"
echo "TOKENS_FILE=$tokens"
echo "EVENT_FIRST=$first"
echo "EVENT_COUNT=$(( last - first + 1 ))"
echo "COUNTER_FILE=$work/signup-counter"
