#!/usr/bin/env python3
"""The kill -9 drill of deploy/local/two-instances.sh: seeding, the load with the kill in it, and the checks.

    kill_drill.py seed   PLAN_FILE          contests, open attempts and one event; writes what the driver sends
    kill_drill.py drive  PLAN_FILE OUT PID  sends it all through nginx; SIGKILLs PID mid-load; OUT: one line/request
    kill_drill.py verify PLAN_FILE OUT      every accepted request fully applied, every failed one all or nothing
    kill_drill.py aggregates FILE           dumps the indicator aggregates (non-empty rows, sorted) for a diff

Environment (set by two-instances.sh): BASE (nginx), DB, DB_USER and MYSQL_PWD (the mysql client), TOKENS (one
resident access token per line), DRILL_CONTESTS, DRILL_CAPACITY, DRILL_EVENT (the flash event, seeded by the caller).
Only the standard library: CI machines have python3 but no extra packages.
"""
import json
import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

BASE = os.environ.get("BASE", "").rstrip("/")


def sql(statement):
    args = ["mariadb", "-h", "127.0.0.1", "-u", os.environ["DB_USER"], os.environ["DB"], "--batch",
            "--skip-column-names"]
    # DATETIME columns hold Shanghai time: NOW() in this session must be Shanghai time too
    out = subprocess.run(args, input="SET time_zone = '+08:00';\n" + statement, capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit("SQL failed: %s\n%s" % (out.stderr.strip(), statement[:300]))
    return out.stdout.strip()


def call(method, path, token=None, body=None, timeout=120):
    """(status, parsed body or None); status 0 for a connection error or timeout."""
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(BASE + path, data=data, method=method)
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            raw = resp.read()
            return resp.status, (json.loads(raw) if raw else None)
    except urllib.error.HTTPError as e:
        e.read()
        return e.code, None
    except (urllib.error.URLError, OSError):
        return 0, None


def seed(plan_file):
    tokens = [t for t in open(os.environ["TOKENS"]).read().split() if t]
    contests = int(os.environ.get("DRILL_CONTESTS", "5"))
    marker = "kill-drill-%d" % os.getpid()
    # Published contests straight in SQL: open for a week, 10 questions drawn from the sample bank.
    sql("INSERT INTO quiz (kind, title, status, opens_at, closes_at, time_limit_seconds, attempts_allowed, "
        "question_count, question_score, pass_percent, paper_mode, created_at, updated_at) "
        "SELECT 'CONTEST', CONCAT('%s ', n), 'PUBLISHED', NOW(3) - INTERVAL 1 HOUR, NOW(3) + INTERVAL 7 DAY, 3600, 1, "
        "10, 10, 60, 'DRAWN', NOW(3), NOW(3) FROM (%s) d;"
        % (marker, " UNION ALL ".join("SELECT %d AS n" % i for i in range(contests + 1))))
    quiz_ids = [int(i) for i in sql("SELECT id FROM quiz WHERE title LIKE '%s %%' ORDER BY id;" % marker).split()]
    template, clones = quiz_ids[0], quiz_ids[1:]
    # Each resident starts the template contest through nginx; the answers come from the paper it was shown.
    answers_by_attempt, token_by_attempt = {}, {}
    for token in tokens:
        status, attempt = call("POST", "/api/v1/quizzes/%d/attempts" % template, token=token)
        if status not in (200, 201) or attempt is None:
            raise SystemExit("seed: starting a contest attempt answered %d" % status)
        token_by_attempt[attempt["id"]] = token
        answers_by_attempt[attempt["id"]] = [{"questionId": q["questionId"], "selected": [0]}
                                             for q in attempt["questions"]]
    answers_by_resident, token_by_resident = {}, {}
    for row in sql("SELECT id, resident_id FROM quiz_attempt WHERE quiz_id = %d;" % template).splitlines():
        attempt, resident = map(int, row.split("\t"))
        token_by_resident[resident] = token_by_attempt[attempt]
        answers_by_resident[resident] = answers_by_attempt[attempt]
    # The same paper, open, in every other contest (a resident may have one open attempt per contest).
    sql("INSERT INTO quiz_attempt (quiz_id, kind, resident_id, attempt_no, status, started_at, deadline_at, countdown, "
        "question_count, max_score, late, region_code, town_code, population_group, paper_refs_json) "
        "SELECT q.id, a.kind, a.resident_id, 1, 'OPEN', NOW(3), NOW(3) + INTERVAL 1 DAY, TRUE, a.question_count, "
        "a.max_score, FALSE, a.region_code, a.town_code, a.population_group, a.paper_refs_json "
        "FROM quiz_attempt a JOIN quiz q ON q.id IN (%s) WHERE a.quiz_id = %d;"
        % (",".join(map(str, clones)), template))
    rows = sql("SELECT id, quiz_id, resident_id FROM quiz_attempt WHERE quiz_id IN (%s) ORDER BY quiz_id, id;"
               % ",".join(map(str, clones))).splitlines()
    submits = []
    for row in rows:
        attempt, quiz, resident = map(int, row.split("\t"))
        submits.append({"attempt": attempt, "quiz": quiz, "resident": resident, "token": token_by_resident[resident],
                        "body": {"answers": answers_by_resident[resident]}})
    signups = [{"resident": r, "token": t} for r, t in token_by_resident.items()]
    json.dump({"event": int(os.environ["DRILL_EVENT"]), "capacity": int(os.environ["DRILL_CAPACITY"]),
               "submits": submits, "signups": signups}, open(plan_file, "w"))
    print("kill drill: %d contest attempts open for %d residents, %d signups for %s seats"
          % (len(submits), len(tokens), len(signups), os.environ["DRILL_CAPACITY"]))


def drive(plan_file, out_file, victim_pid):
    """Submits every attempt (6 at a time); a quarter of the way in, the signup flash starts (16 at a time), and
    once the first signups are answered the victim is killed with SIGKILL while both batches are in flight."""
    plan = json.load(open(plan_file))
    submits, signups = plan["submits"], plan["signups"]
    lock = threading.Lock()
    out = open(out_file, "w")
    done = {"submit": 0, "signup": 0}
    killed = threading.Event()
    flash_go = threading.Event()

    def record(kind, key, status):
        with lock:
            out.write("%s %d %d\n" % (kind, key, status))
            out.flush()
            done[kind] += 1
            if kind == "submit" and done["submit"] >= len(submits) // 4:
                flash_go.set()
            if kind == "signup" and done["signup"] >= 4 and not killed.is_set():
                os.kill(victim_pid, 9)
                killed.set()
                print("kill drill: kill -9 instance (pid %d) after %d submits and %d signups were answered"
                      % (victim_pid, done["submit"], done["signup"]), flush=True)

    def submit(s):
        status, _ = call("POST", "/api/v1/attempts/%d/submit" % s["attempt"], token=s["token"], body=s["body"])
        record("submit", s["attempt"], status)

    def signup(s):
        status, _ = call("POST", "/api/v1/events/%d/signups" % plan["event"], token=s["token"], body={})
        record("signup", s["resident"], status)

    with ThreadPoolExecutor(6) as submitters, ThreadPoolExecutor(16) as flash:
        futures = [submitters.submit(submit, s) for s in submits]
        if not flash_go.wait(300):
            raise SystemExit("kill drill: the submissions did not get going (see the instance logs)")
        futures += [flash.submit(signup, s) for s in signups]
        for f in futures:
            f.result()
    out.close()
    if not killed.is_set():
        # every signup answered before the fourth: should not happen, but never report a drill that did not kill
        raise SystemExit("kill drill: the load ended before the instance was killed")


def outcomes(out_file):
    result = {"submit": {}, "signup": {}}
    for line in open(out_file):
        kind, key, status = line.split()
        result[kind][int(key)] = int(status)
    return result


def verify(plan_file, out_file):
    plan = json.load(open(plan_file))
    seen = outcomes(out_file)
    problems = []
    # --- quiz: an attempt is either fully submitted (graded, answers, standing, points, ledger) or untouched -------
    ids = ",".join(str(s["attempt"]) for s in plan["submits"])
    state = {}
    for row in sql("""
            SELECT a.id, a.status,
                   a.score IS NOT NULL AND a.answers_json IS NOT NULL AND a.result_json IS NOT NULL
                     AND a.finished_at IS NOT NULL,
                   (SELECT COUNT(*) FROM quiz_contest_entry e WHERE e.quiz_id = a.quiz_id AND e.resident_id = a.resident_id
                                                              AND e.attempt_id = a.id),
                   (SELECT COUNT(*) FROM points_ledger p WHERE p.reason = 'CONTEST'
                      AND p.source_key = CONCAT('contest:', a.quiz_id, ':', a.resident_id, ':joined')),
                   (SELECT COUNT(*) FROM participation_record r WHERE r.record_key = CONCAT('attempt:', a.id))
            FROM quiz_attempt a WHERE a.id IN (%s);""" % ids).splitlines():
        attempt, status, graded, entry, points, ledger = row.split("\t")
        full = status == "SUBMITTED" and graded == "1" and entry == "1" and points == "1" and ledger == "1"
        none = status == "OPEN" and graded == "0" and entry == "0" and points == "0" and ledger == "0"
        state[int(attempt)] = "full" if full else "none" if none else \
            "half(status=%s graded=%s standing=%s points=%s ledger=%s)" % (status, graded, entry, points, ledger)
    accepted = [a for a, st in seen["submit"].items() if 200 <= st < 300]
    failed = [a for a, st in seen["submit"].items() if not 200 <= st < 300]
    for a in accepted:
        if state.get(a) != "full":
            problems.append("submit %d answered 2xx but is %s" % (a, state.get(a)))
    for a in failed:
        if state.get(a) not in ("full", "none"):
            problems.append("submit %d failed (%d) and is %s" % (a, seen["submit"][a], state.get(a)))
    applied_failed = sum(1 for a in failed if state.get(a) == "full")
    print("kill drill: %d submissions, %d accepted, %d failed (%s); of the failed %d fully applied, %d untouched,"
          " none half-written" % (len(seen["submit"]), len(accepted), len(failed), codes(seen["submit"], failed),
                                  applied_failed, len(failed) - applied_failed) if not problems else
          "kill drill: submissions: %d problems" % len(problems))
    if len(seen["submit"]) != len(plan["submits"]):
        problems.append("the driver answered %d of %d submissions" % (len(seen["submit"]), len(plan["submits"])))
    # --- signups: every accepted one confirmed, the seat counter equals the confirmed rows -----------------------
    event = plan["event"]
    rows = dict((int(r), s) for r, s in (line.split("\t") for line in sql(
        "SELECT resident_id, status FROM event_signup WHERE event_id = %d;" % event).splitlines()))
    taken, capacity = map(int, sql("SELECT taken, capacity FROM event WHERE id = %d;" % event).split("\t"))
    confirmed = sum(1 for s in rows.values() if s == "CONFIRMED")
    s_ok = [r for r, st in seen["signup"].items() if 200 <= st < 300]
    s_full = [r for r, st in seen["signup"].items() if st == 409]
    s_failed = [r for r, st in seen["signup"].items() if not (200 <= st < 300 or st == 409)]
    for r in s_ok:
        if rows.get(r) != "CONFIRMED":
            problems.append("signup of resident %d answered 2xx but its row is %s" % (r, rows.get(r)))
    for r in s_full:
        if r in rows:
            problems.append("signup of resident %d refused (409) but has a %s row" % (r, rows[r]))
    if taken != confirmed or confirmed > capacity or len(rows) != confirmed:
        problems.append("event %d: taken %d, confirmed rows %d, rows %d, capacity %d"
                        % (event, taken, confirmed, len(rows), capacity))
    print("kill drill: %d signups for %d seats: %d accepted, %d refused (409), %d failed (%s), %d of them applied;"
          " confirmed rows %d = seat counter %d"
          % (len(seen["signup"]), capacity, len(s_ok), len(s_full), len(s_failed), codes(seen["signup"], s_failed),
             sum(1 for r in s_failed if r in rows), confirmed, taken))
    for p in problems[:30]:
        print("FAIL: " + p, file=sys.stderr)
    return 1 if problems else 0


def codes(seen, keys):
    counts = {}
    for k in keys:
        counts[seen[k]] = counts.get(seen[k], 0) + 1
    return ", ".join("%dx %s" % (n, "no answer" if c == 0 else c) for c, n in sorted(counts.items())) or "none"


def aggregates(file):
    """The indicator aggregates a full recompute rebuilds, without empty cells (the incremental path may leave
    a zero row where the recompute writes none)."""
    dump = "\n".join([
        sql("SELECT 'daily', tag, kind, day, region_code, population_group, town_code, person_times, hours, passed "
            "FROM indicator_daily WHERE person_times <> 0 OR hours <> 0 OR passed <> 0 "
            "ORDER BY tag, kind, day, region_code, population_group;"),
        sql("SELECT 'monthly', tag, kind, month, town_code, population_group, person_times, hours "
            "FROM indicator_monthly WHERE person_times <> 0 OR hours <> 0 "
            "ORDER BY tag, kind, month, town_code, population_group;"),
        sql("SELECT 'person', indicator_id, window_start, person_key, first_on, first_record_id, region_code, "
            "town_code, population_group, passed FROM indicator_person ORDER BY indicator_id, window_start, person_key;"),
        sql("SELECT 'person_monthly', indicator_id, window_start, month, town_code, population_group, persons, passed "
            "FROM indicator_person_monthly WHERE persons <> 0 OR passed <> 0 "
            "ORDER BY indicator_id, window_start, month, town_code, population_group;")])
    open(file, "w").write(dump + "\n")
    print(sum(1 for line in dump.splitlines() if line))


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "seed":
        seed(sys.argv[2])
    elif command == "drive":
        drive(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    elif command == "verify":
        sys.exit(verify(sys.argv[2], sys.argv[3]))
    elif command == "aggregates":
        aggregates(sys.argv[2])
    else:
        raise SystemExit(__doc__)
