"""POSTs page files to the service, CONCURRENCY at a time over kept-alive connections, and prints the seconds taken.

usage: post.py BASE TOKEN CONCURRENCY FILE...
Each file is ingested as a page of its own (its path is its URL). Exits non-zero if any answer is not 201/200.
"""
import http.client
import queue
import sys
import threading
import time
import urllib.parse

base, token, concurrency, files = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
url = urllib.parse.urlparse(base)
work = queue.Queue()
for f in files:
    work.put(f)
failures = []


def worker():
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=120)
    while True:
        try:
            f = work.get_nowait()
        except queue.Empty:
            return
        body = open(f, "rb").read()
        path = "/api/documents?source=cnn&url=" + urllib.parse.quote("https://bench.example/" + f, safe="")
        conn.request("POST", path, body, {"Authorization": "Bearer " + token,
                                          "Content-Type": "text/plain; charset=UTF-8"})
        answer = conn.getresponse()
        answer.read()
        if answer.status not in (200, 201):
            failures.append((f, answer.status))


start = time.monotonic()
threads = [threading.Thread(target=worker) for _ in range(concurrency)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"{time.monotonic() - start:.2f}")
if failures:
    print(f"failed: {failures[:5]}", file=sys.stderr)
    sys.exit(1)
