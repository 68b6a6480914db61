"""Polls a feed at a fixed rate with its ETag, as a feed reader would, and prints latency percentiles.

usage: reader.py URL SECONDS RATE   (one request every 1/RATE s on a schedule: a slow answer does not delay the
next one's start time, so waiting is measured, not hidden)"""
import http.client
import os
import statistics
import sys
import threading
import time
import urllib.parse

u = urllib.parse.urlparse(sys.argv[1])
seconds, rate = float(sys.argv[2]), float(sys.argv[3])
latencies, statuses, timeline = [], {}, []
lock = threading.Lock()
etag = [None]


def one(scheduled):
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    headers = {"If-None-Match": etag[0]} if etag[0] else {}
    try:
        conn.request("GET", u.path + ("?" + u.query if u.query else ""), headers=headers)
        r = conn.getresponse()
        r.read()
        status = r.status
        if r.getheader("ETag"):
            etag[0] = r.getheader("ETag")
    except OSError as e:
        status = type(e).__name__
    done = time.monotonic()
    with lock:
        latencies.append((done - scheduled) * 1000)
        timeline.append((scheduled - start, (done - scheduled) * 1000, status))
        statuses[status] = statuses.get(status, 0) + 1
    conn.close()


start = time.monotonic()
threads = []
i = 0
while True:
    scheduled = start + i / rate
    if scheduled - start > seconds:
        break
    delay = scheduled - time.monotonic()
    if delay > 0:
        time.sleep(delay)
    t = threading.Thread(target=one, args=(scheduled,))
    t.start()
    threads.append(t)
    i += 1
for t in threads:
    t.join()
# READER_TIMELINE=file: each request's start (s), latency (ms) and status, to see when the slow ones came.
if os.environ.get("READER_TIMELINE"):
    with open(os.environ["READER_TIMELINE"], "w") as f:
        for t, ms, st in sorted(timeline):
            f.write(f"{t:.3f} {ms:.1f} {st}\n")
q = statistics.quantiles(latencies, n=100)
print(f"requests {len(latencies)} statuses {statuses} p50 {q[49]:.1f} ms p99 {q[98]:.1f} ms max {max(latencies):.1f} ms")
