"""Drives the fault test: ingests and reads run while PostgreSQL is stopped for 4 s and started again.

usage: fault.py BASE TOKEN STOP_COMMAND START_COMMAND PSQL_COMMAND
Checks, each printed PASS or FAIL (exit 1 on any FAIL):
- no acknowledged ingest is lost: every post id a 200/201 answered is in the database afterwards;
- during the outage only 503s (problem+json, with Retry-After) and no other 5xx, nor a dropped connection;
- readiness goes down during the outage and up after it;
- an edit made directly in the database after the restart reaches the feeds.
"""
import http.client
import json
import subprocess
import sys
import threading
import time
import urllib.parse
import uuid

BASE, TOKEN, STOP, START, PSQL = sys.argv[1:6]
url = urllib.parse.urlparse(BASE)
lock = threading.Lock()
answers = []        # (seconds since start, what, status, content type, retry-after)
acknowledged = []   # post ids of ingests answered 200/201
readiness = []      # (seconds, status)
running = True
t0 = time.monotonic()


def request(conn, method, path, body=None, headers=None):
    try:
        conn.request(method, path, body, headers or {})
        r = conn.getresponse()
        data = r.read()
        return r.status, r.getheader("Content-Type"), r.getheader("Retry-After"), data
    except (OSError, http.client.HTTPException) as e:
        conn.close()
        return 0, type(e).__name__, None, b""


def record(what, status, ctype, retry):
    with lock:
        answers.append((time.monotonic() - t0, what, status, ctype, retry))


def page(n):
    return (f"Fault test live page {n}\n\n11:{n % 60:02d} a.m. ET, October 4, 2022\n\n"
            f"Fault test post {n} {uuid.uuid4().hex[:8]}\n\nFrom CNN's Jo Shelley\n\n"
            f"Ukrainian forces advanced near Kherson on Tuesday, officials said in post {n}.\n\n"
            f"The regional governor said shelling continued overnight.\n")


def ingester(k):
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    n = 0
    while running:
        n += 1
        body = page(k * 100000 + n).encode()
        path = "/api/documents?source=cnn&url=" + urllib.parse.quote(f"https://fault.example/{k}/{n}", safe="")
        status, ctype, retry, data = request(conn, "POST", path, body,
                                             {"Authorization": "Bearer " + TOKEN, "Content-Type": "text/plain"})
        record("ingest", status, ctype, retry)
        if status in (200, 201):
            with lock:
                acknowledged.extend(json.loads(data)["postIds"])
        time.sleep(0.05)


def reader(paths):
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    while running:
        for p in paths:
            status, ctype, retry, _ = request(conn, "GET", p)
            record(p, status, ctype, retry)
        time.sleep(0.02)


def ready():
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    while running:
        status, _, _, _ = request(conn, "GET", "/q/health/ready")
        with lock:
            readiness.append((time.monotonic() - t0, status))
        time.sleep(0.2)


def sql(statement):
    return subprocess.run(PSQL + " -c " + json.dumps(statement), shell=True, check=True, capture_output=True,
                          text=True).stdout.strip()


failed = False


def check(ok, what):
    global failed
    print(("PASS " if ok else "FAIL ") + what)
    failed |= not ok


threads = [threading.Thread(target=ingester, args=(k,)) for k in (1, 2)]
threads += [threading.Thread(target=reader, args=(ps,)) for ps in (
    ["/api/posts?limit=5", "/feeds/all.atom"],
    ["/api/posts?q=Kherson&limit=5", "/feeds/kherson-front.rss", "/api/topics"])]
threads.append(threading.Thread(target=ready))
for t in threads:
    t.start()
time.sleep(3)
down_at = time.monotonic() - t0
subprocess.run(STOP, shell=True, check=True)
time.sleep(4)
subprocess.run(START, shell=True, check=True)
up_at = time.monotonic() - t0
time.sleep(10)
running = False
for t in threads:
    t.join()

bad = [a for a in answers if a[2] not in (200, 201, 304, 503)]
check(not bad, f"every answer is 200, 201, 304 or 503 ({len(answers)} answers; others: {bad[:5]})")
outage = [a for a in answers if a[2] == 503]
check(bool(outage), f"the outage was answered 503 ({len(outage)} times)")
check(all(a[3] and a[3].startswith("application/problem+json") and a[4] for a in outage),
      "every 503 is a problem with Retry-After")
after = [a for a in answers if a[0] > up_at + 5]
check(after and all(a[2] in (200, 201, 304) for a in after), f"everything answers again 5 s after the restart")
ids = sorted(set(acknowledged))
stored = int(sql(f"select count(*) from post where id in ({','.join(repr(i) for i in ids)})")) if ids else 0
check(ids and stored == len(ids), f"every acknowledged ingest is stored ({stored} of {len(ids)} posts)")
statuses = [s for (t, s) in readiness]
down = [s for (t, s) in readiness if down_at < t < up_at + 1]
check(503 in down, "readiness went down during the outage")
check(statuses and statuses[-1] == 200, "readiness is up again")
marker = "Zyzzyva " + uuid.uuid4().hex[:6]
sql(f"update post set headline = '{marker}' where id = (select id from post order by sort_at desc, id desc limit 1)")
conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
seen = False
for _ in range(60):
    status, _, _, body = request(conn, "GET", "/feeds/all.atom")
    if marker.encode() in body:
        seen = True
        break
    time.sleep(0.5)
check(seen, "an edit made in the database after the restart reaches the feeds")
sys.exit(1 if failed else 0)
