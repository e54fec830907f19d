#!/usr/bin/env bash
# Scenario 22 (contest opening): 2,000 residents logged in, one contest just opened. Each request starts the
# next resident's attempt (the first round creates 2,000 attempts; later rounds resume them).
# Prints QUIZ_OPEN_ID and QUIZ_OPEN_FILE (one access token per line).
set -euo pipefail
cd "$(dirname "$0")"
python3 - <<'PY'
import tempfile
from quiz_common import login, create_contest

quiz = create_contest("bench-opening")[0]
f = tempfile.NamedTemporaryFile("w", prefix="kepu-quiz-open-", suffix=".txt", delete=False)
for n in range(2000):
    f.write(login("bench-open-%d" % n, 1000 + n) + "\n")
f.close()
print("QUIZ_OPEN_ID=%d" % quiz)
print("QUIZ_OPEN_FILE=" + f.name)
PY
