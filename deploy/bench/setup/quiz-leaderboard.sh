#!/usr/bin/env bash
# Seeds a contest with 200,000 participants for scenario 21 (leaderboard top-50 + my rank), by SQL bulk load
# into quiz_contest_entry (MySQL is the truth; the first request rebuilds the Redis sorted set from it).
# Prints QUIZ_LB_ID and QUIZ_LB_TOKEN (a resident who is on the board).
set -euo pipefail
cd "$(dirname "$0")"
python3 - <<'PY'
from quiz_common import mysql, login, create_contest, numbers

quiz = create_contest("bench-leaderboard")[0]
# Scores 0..100, time used 60..1860 s, finish within the first days: spread like a real contest.
mysql("INSERT INTO quiz_contest_entry (quiz_id, resident_id, attempt_id, score, duration_ms, finished_at, rank_value, "
      "region_code, town_code) SELECT %d, 50000000 + s.n, 0, (s.n * 7919) %% 11 * 10, 60000 + (s.n * 104729) %% 1800000, "
      "NOW(3), 0, '430603100201', '430603100' FROM (%s) s;" % (quiz, numbers(200000)))
# rank_value as LeaderboardKey encodes it: score << 43 | (2^20-1 - tenths) << 23 | (2^23-1 - finish seconds)
mysql("UPDATE quiz_contest_entry SET rank_value = (score << 43) | ((1048575 - duration_ms DIV 100) << 23) "
      "| (8388607 - (resident_id %% 86400)) WHERE quiz_id = %d;" % quiz)
token = login("bench-leaderboard-me", 1)
me = mysql("SELECT id FROM resident WHERE openid = 'dev-bench-leaderboard-me';")
mysql("INSERT INTO quiz_contest_entry (quiz_id, resident_id, attempt_id, score, duration_ms, finished_at, rank_value) "
      "VALUES (%d, %s, 0, 50, 600000, NOW(3), (50 << 43) | ((1048575 - 6000) << 23) | 8000000) "
      "ON DUPLICATE KEY UPDATE score = score;" % (quiz, me))
print("QUIZ_LB_ID=%d" % quiz)
print("QUIZ_LB_TOKEN=" + token)
PY
