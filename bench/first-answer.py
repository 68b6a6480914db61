#!/usr/bin/env python3
"""Waits for the first 200 from URL and prints the milliseconds since START_NS (a time.time_ns() value).

One process polling every 10 ms over plain sockets: a curl started every 20 ms costs a process each time, CPU
taken from the very start-up being timed on a 2-core machine. Exits 1 if process PID (when given) ends first, 2 after 120 s.
usage: first-answer.py URL START_NS [PID]
"""
import http.client
import os
import sys
import time
import urllib.parse

url, start_ns = urllib.parse.urlsplit(sys.argv[1]), int(sys.argv[2])
pid = int(sys.argv[3]) if len(sys.argv) > 3 else None
path = url.path + ("?" + url.query if url.query else "")
deadline = time.monotonic() + 120
while time.monotonic() < deadline:
    try:
        conn = http.client.HTTPConnection(url.hostname, url.port, timeout=5)
        conn.request("GET", path)
        if conn.getresponse().status == 200:
            print((time.time_ns() - start_ns) // 1_000_000)
            sys.exit(0)
    except OSError:
        pass
    if pid is not None:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            sys.exit(1)
    time.sleep(0.01)
sys.exit(2)
