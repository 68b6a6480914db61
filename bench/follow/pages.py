#!/usr/bin/env python3
"""Live blogs for the follow benchmark: PAGES pages on loopback, each a seed live blog made its own.

The first CHANGING pages gain a post every CHANGE_EVERY seconds once CHANGES_AFTER seconds have passed; the
others never change. Every page has a strong ETag and a Last-Modified and answers 304 to either, as a news site's
CDN does. Each request is logged as "epoch-seconds path status" to LOG, for bench/follow/analyse.py.
"""
import argparse
import hashlib
import threading
import time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

p = argparse.ArgumentParser()
p.add_argument("--port", type=int, required=True)
p.add_argument("--pages", type=int, default=1000)
p.add_argument("--changing", type=int, default=20)
p.add_argument("--change-every", type=float, default=300)
p.add_argument("--changes-after", type=float, default=0)
p.add_argument("--seed", default="seeds/003_224804e4c1447252.txt")
p.add_argument("--log", required=True)
args = p.parse_args()

SEED = open(args.seed, encoding="utf-8").read()
MARKER = "Sort byDropdown arrow\n"
T0 = time.time()
LOG = open(args.log, "a", buffering=1)  # line by line: the run reads it while it is written
LOCK = threading.Lock()


def version(n):
    if n >= args.changing:
        return 0
    elapsed = time.time() - T0 - args.changes_after
    # Pages change at staggered moments, not all in the same second.
    return 0 if elapsed < 0 else int((elapsed + n * args.change_every / max(1, args.changing)) // args.change_every)


def page(n, k):
    title, rest = SEED.split("\n", 1)
    posts = "".join(
        f"{6 + i // 60}:{i % 60:02d} p.m. ET, July 8, 2023\n\n"
        f"Update {i} on live blog {n}: shelling reported near Kherson overnight\n\n"
        f"From CNN's Bench Reporter\n\n"
        f"Officials said update {i} of live blog {n} brought news of shelling near Kherson, where residents "
        f"sheltered overnight as air raid sirens sounded.\n\n"
        for i in range(k, 0, -1))
    at = rest.index(MARKER) + len(MARKER)
    return f"{title} (live blog {n})\n{rest[:at]}{posts}{rest[at:]}".encode()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        status = 404
        try:
            parts = self.path.split("/")
            n = int(parts[2]) if len(parts) == 3 and parts[1] == "live" else -1
            if not 0 <= n < args.pages:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            k = version(n)
            etag = '"%s"' % hashlib.sha1(f"{n}/{k}".encode()).hexdigest()[:16]
            modified = formatdate(T0 + k * args.change_every, usegmt=True)
            if self.headers.get("If-None-Match") == etag:
                status = 304
                self.send_response(304)
                self.send_header("ETag", etag)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            body = page(n, k)
            status = 200
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", modified)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        finally:
            with LOCK:
                LOG.write(f"{time.time():.3f} {self.path} {status}\n")

    def log_message(self, *a):
        pass


ThreadingHTTPServer.daemon_threads = True
ThreadingHTTPServer(("127.0.0.1", args.port), Handler).serve_forever()
