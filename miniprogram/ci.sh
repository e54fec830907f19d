#!/usr/bin/env bash
# CI for the mini-program: clean install from package-lock.json, jest tests (unit + whole pages
# under miniprogram-simulate), then the offline compile check with Tencent's tools.
# Exits non-zero on any failure. Usage (from anywhere): bash miniprogram/ci.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

echo "== miniprogram: npm ci"
npm ci --no-audit --no-fund

echo "== miniprogram: npm test"
report="$(mktemp)"
trap 'rm -f "$report"' EXIT
test_status=0
npm test -- --ci --json --outputFile="$report" || test_status=$?

# One plain summary line for whoever reads the CI log.
summary="$(node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed` + (r.numPendingTests ? `, ${r.numPendingTests} skipped` : ""));
' "$report" 2>/dev/null || echo "0 passed, 1 failed")"
if [ "$test_status" -ne 0 ]; then
  echo "miniprogram: $summary"
  exit "$test_status"
fi

echo "== miniprogram: npm run check"
npm run check

echo "miniprogram: $summary"
