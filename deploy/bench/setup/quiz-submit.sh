#!/usr/bin/env bash
# Seeds open 10-question contest attempts for scenario 20 (submit = grade + store + standings + leaderboard).
# SUBMIT_RESIDENTS residents (default 160) start one attempt each through the API; their attempts are then cloned by
# SQL into 3,000 further contests (a resident may have one open attempt per contest), so every request submits a
# fresh attempt: 480,000 by default, enough for the longest warm-up run.sh allows (180 s) and three 20-s rounds at
# about 2,000 submits/s (the Lua script never wraps around; it fails when they run out).
# Prints QUIZ_SUBMIT_FILE=<file> whose lines are "<attemptId>\t<token>\t<answers JSON>".
set -euo pipefail
cd "$(dirname "$0")"
python3 - <<'PY'
import json, os, tempfile
from quiz_common import mysql, call, login, create_contest, shown_paper

CONTESTS = 3000
template_quiz = create_contest("bench-submit-template")[0]
clones = create_contest("bench-submit", count=CONTESTS)
templates = {}
for r in range(int(os.environ.get("SUBMIT_RESIDENTS", "160"))):
    token = login("bench-submit-%d" % r, r)
    attempt = call("POST", "/api/v1/quizzes/%d/attempts" % template_quiz, token=token)
    paper = shown_paper(attempt["id"])
    # 7 of 10 right: a realistic mix of right and wrong answers
    answers = [{"questionId": p["questionId"], "selected": p["correct"] if i < 7 else [0 if p["correct"][0] else 1]}
               for i, p in enumerate(paper)]
    templates[attempt["id"]] = (token, json.dumps({"answers": answers}))
# Every resident's attempt cloned into every contest with one statement, and read back with one.
ids = ",".join(str(i) for i in templates)
mysql("INSERT INTO quiz_attempt (quiz_id, kind, resident_id, attempt_no, status, started_at, deadline_at, countdown, "
      "question_count, max_score, late, region_code, town_code, population_group, paper_refs_json) "
      "SELECT q.id, a.kind, a.resident_id, 1, 'OPEN', NOW(3), NOW(3) + INTERVAL 1 DAY, TRUE, a.question_count, "
      "a.max_score, FALSE, a.region_code, a.town_code, a.population_group, a.paper_refs_json "
      "FROM quiz_attempt a JOIN quiz q ON q.title LIKE 'bench-submit %%' WHERE a.id IN (%s);" % ids)
rows = mysql("SELECT a.id, a.quiz_id, t.id FROM quiz_attempt a JOIN quiz q ON q.id = a.quiz_id "
             "JOIN quiz_attempt t ON t.resident_id = a.resident_id AND t.id IN (%s) "
             "WHERE q.title LIKE 'bench-submit %%';" % ids).splitlines()
lines = []
for row in rows:
    i, q, template = row.split("\t")
    token, body = templates[int(template)]
    lines.append((int(q), int(i), "%s\t%s\t%s" % (i, token, body)))
# Contest by contest, as in a real contest where its entrants submit around the same time (not one resident
# going through 3,000 contests).
lines = [l for _, _, l in sorted(lines)]
f = tempfile.NamedTemporaryFile("w", prefix="kepu-quiz-submit-", suffix=".tsv", delete=False)
f.write("\n".join(lines) + "\n")
f.close()
print("QUIZ_SUBMIT_FILE=" + f.name)
PY
