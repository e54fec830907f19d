#!/usr/bin/env bash
# Scenario 31: signup on a full event without waitlist (the refusal path). One seat, taken during setup.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/event-common.sh"

work=${TMPDIR:-/tmp}/kepu-bench-events
mkdir -p "$work"
tokens="$work/full-tokens.txt"
login_residents "${EVENT_BENCH_RESIDENTS:-200}" "bench-full" "$tokens"
read -r first _ < <(seed_events 1 1 0 "bench-full-$(date +%s)")
holder=$(head -n 1 "$tokens")
status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "${BASE_URL}/api/v1/events/${first}/signups" \
  -H "Authorization: Bearer ${holder}" -H 'Content-Type: application/json' -d '{}')
if [ "$status" != "201" ]; then
  echo "could not take the only seat (HTTP $status)" >&2
  exit 1
fi
echo "TOKENS_FILE=$tokens"
echo "EVENT_ID=$first"
