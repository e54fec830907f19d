"""Shared helpers for the quiz benchmark setups: log residents in through the API, run SQL with the mysql client.

Environment (from deploy/bench/run.sh): BASE_URL; DB_URL and DB_USER are passed to the mysql client as
`mysql $DB_URL --user=$DB_USER` (DB_URL holds the client arguments naming the bench database).
"""
import json
import os
import shlex
import subprocess
import urllib.request

BASE_URL = os.environ["BASE_URL"].rstrip("/")


def mysql(sql):
    args = ["mysql"] + shlex.split(os.environ.get("DB_URL", "")) + ["--user=" + os.environ.get("DB_USER", "root"),
                                                                  "--batch", "--skip-column-names"]
    # DATETIME columns hold Shanghai time: NOW() in this session must be Shanghai time too
    out = subprocess.run(args, input="SET time_zone = '+08:00';\n" + sql, capture_output=True, text=True, check=True)
    return out.stdout.strip()


def shown_paper(attempt_id):
    """What an attempt showed, per question in shown order: its id and the correct answer as shown positions
    (from the attempt's snapshot references: each snapshot keeps the options in bank order)."""
    refs = json.loads(mysql("SELECT paper_refs_json FROM quiz_attempt WHERE id = %d;" % attempt_id))
    paper = []
    for snapshot, order in refs:
        question_id, correct = mysql("SELECT JSON_EXTRACT(body_json, '$.questionId'), JSON_EXTRACT(body_json, "
                                     "'$.correct') FROM quiz_question_snapshot WHERE id = %d;" % snapshot).split("\t")
        paper.append({"questionId": int(question_id),
                      "correct": sorted(order.index(c) for c in json.loads(correct))})
    return paper


def call(method, path, token=None, body=None, address=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(BASE_URL + path, data=data, method=method)
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    if address:
        req.add_header("X-Forwarded-For", address)
    with urllib.request.urlopen(req, timeout=30) as resp:
        return json.loads(resp.read() or b"null")


def login(name, n):
    """A resident through the bench's WeChat stand-in (code dev-<name>), one simulated phone address each."""
    address = "2001:db8:a::%x" % n
    response = call("POST", "/api/v1/auth/wechat-login", body={"code": "dev-" + name}, address=address)
    return response["accessToken"]


def create_contest(title, attempts_allowed=1, count=1):
    """Published contests straight in SQL (no staff login needed): open for a week, 10 questions drawn."""
    mysql("INSERT INTO quiz (kind, title, status, opens_at, closes_at, time_limit_seconds, attempts_allowed, "
          "question_count, question_score, pass_percent, paper_mode, created_at, updated_at) "
          "SELECT 'CONTEST', CONCAT('%s ', d.n), 'PUBLISHED', NOW(3) - INTERVAL 1 HOUR, NOW(3) + INTERVAL 7 DAY, "
          "3600, %d, 10, 10, 60, 'DRAWN', NOW(3), NOW(3) FROM (%s) d;"
          % (title, attempts_allowed, numbers(count)))
    ids = mysql("SELECT id FROM quiz WHERE title LIKE '%s %%' ORDER BY id;" % title).split()
    return [int(i) for i in ids]


def numbers(count):
    """SELECT n FROM 1..count, portable (no sequence engine, no recursive CTE limits)."""
    digits = "(SELECT 0 d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL " \
             "SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9)"
    return ("SELECT a.d + 10*b.d + 100*c.d + 1000*e.d + 10000*f.d + 100000*g.d + 1 AS n FROM %s a, %s b, %s c, %s e, "
            "%s f, %s g HAVING n <= %d" % (digits, digits, digits, digits, digits, digits, count))
