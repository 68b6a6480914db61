#!/usr/bin/env python3
"""Reads the page server's request log: how often each page was fetched between FROM and TO (epoch seconds)."""
import collections
import statistics
import sys

log, start, end = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
times = collections.defaultdict(list)
statuses = collections.Counter()
for line in open(log):
    t, path, status = line.split()
    t = float(t)
    if start <= t <= end:
        times[path].append(t)
        statuses[status] += 1
gaps = sorted(b - a for ts in times.values() for a, b in zip(ts, ts[1:]))
q = lambda f: gaps[min(len(gaps) - 1, int(f * len(gaps)))]
print(f"requests={sum(statuses.values())} 200={statuses['200']} 304={statuses['304']} pages={len(times)}")
print(f"gap_s median={statistics.median(gaps):.1f} p99={q(0.99):.1f} max={gaps[-1]:.1f} "
      f"min={gaps[0]:.1f} over_150s={sum(g > 150 for g in gaps)} gaps={len(gaps)}")
