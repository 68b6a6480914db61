#!/usr/bin/env bash
# Follow benchmark: one replica follows 1,000 live blogs on a local server, every one of them every 2 minutes
# (minimum and maximum interval both 2 minutes, the heaviest schedule), and is measured in two phases:
#   A. no page changes: every fetch is a conditional GET answered 304;
#   B. 20 pages gain a post every 5 minutes: mostly 304s, some 200s ingested.
# For each phase: the gaps between two fetches of one page (from the page server's log), fetches by outcome,
# the mean fetch duration (both from /q/metrics) and the service's CPU per fetch (from /proc).
# Usage, from the repository root: bench/follow/run.sh      (PostgreSQL on 127.0.0.1:5432; python3)
# Writes bench/out/follow/results.md and prints it.
set -euo pipefail
cd "$(dirname "$0")/../.."

DB=${BENCH_DB:-newsfeed_follow_bench}
PORT=${BENCH_PORT:-18190}
PAGES_PORT=${BENCH_PAGES_PORT:-18191}
PAGES=${BENCH_PAGES:-1000}
CHANGING=${BENCH_CHANGING:-20}
CHANGE_EVERY=${BENCH_CHANGE_EVERY:-300}
WARMUP=${BENCH_WARMUP:-180}
WINDOW=${BENCH_WINDOW:-240}
INTERVAL=${BENCH_INTERVAL:-2m}
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xmx160m -XX:+UseSerialGC}
OUT=bench/out/follow
BASE="http://127.0.0.1:$PORT"
mkdir -p "$OUT"
rm -f "$OUT/requests.log"

pg_isready -q -h 127.0.0.1 || pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
[ -f target/newsfeed-runner.jar ] || ./mvnw -B -q package -DskipTests
psql() { command psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres "$@"; }
psql -c "drop database if exists $DB" -c "create database $DB"

SERVICE_PID=
PAGES_PID=
cleanup() {
  [ -n "$SERVICE_PID" ] && kill "$SERVICE_PID" 2>/dev/null && wait "$SERVICE_PID" 2>/dev/null || true
  [ -n "$PAGES_PID" ] && kill "$PAGES_PID" 2>/dev/null && wait "$PAGES_PID" 2>/dev/null || true
}
trap cleanup EXIT

# Pages start changing when phase B starts.
python3 bench/follow/pages.py --port "$PAGES_PORT" --pages "$PAGES" --changing "$CHANGING" \
  --change-every "$CHANGE_EVERY" --changes-after "$((WARMUP + WINDOW + 30))" --log "$OUT/requests.log" &
PAGES_PID=$!

# shellcheck disable=SC2086
NEWSFEED_DB_NAME=$DB NEWSFEED_SEEDS_ENABLED=false PORT=$PORT NEWSFEED_PUBLIC_BASE_URL=$BASE \
  NEWSFEED_INGEST_TOKEN=bench NEWSFEED_ACCESS_LOG_ENABLED=false NEWSFEED_FOLLOW_ALLOW_PRIVATE=true \
  NEWSFEED_FOLLOW_MIN_INTERVAL=$INTERVAL NEWSFEED_FOLLOW_MAX_INTERVAL=$INTERVAL \
  java $JAVA_OPTS -jar target/newsfeed-runner.jar >"$OUT/service.log" 2>&1 &
SERVICE_PID=$!
for _ in $(seq 1 300); do
  curl -sf "$BASE/q/health/ready" >/dev/null && break
  sleep 0.2
done

python3 - "$BASE" "$PAGES_PORT" "$PAGES" <<'PY'
import json, sys, urllib.request
base, port, pages = sys.argv[1], sys.argv[2], int(sys.argv[3])
for n in range(pages):
    req = urllib.request.Request(base + "/api/follows", method="POST",
                                 data=json.dumps({"url": f"http://127.0.0.1:{port}/live/{n}"}).encode(),
                                 headers={"Content-Type": "application/json", "Authorization": "Bearer bench"})
    urllib.request.urlopen(req).read()
PY
echo "1,000 follows created; warming up for ${WARMUP}s (the first round ingests every page)"
sleep "$WARMUP"

TICK=$(getconf CLK_TCK)
cpu() { awk -v t="$TICK" '{ printf "%.3f", ($14 + $15) / t }' "/proc/$SERVICE_PID/stat"; }
metric() { curl -s "$BASE/q/metrics" | awk -v m="$1" '$1 == m { s += $2 } END { printf "%.6f", s }'; }
fetches() { curl -s "$BASE/q/metrics" | awk '/^newsfeed_follow_fetches_total/ { s += $2 } END { printf "%d", s }'; }
outcome() { metric "newsfeed_follow_fetches_total{outcome=\"$1\"}"; }

declare -A RESULT
measure() { # phase name
  local t0 c0 f0 s0 n0 ch0 nm0 t1 c1 f1 s1 n1 ch1 nm1
  t0=$(date +%s.%N); c0=$(cpu); f0=$(fetches); ch0=$(outcome changed); nm0=$(outcome not_modified)
  s0=$(metric newsfeed_follow_fetch_duration_seconds_sum); n0=$(metric newsfeed_follow_fetch_duration_seconds_count)
  sleep "$WINDOW"
  t1=$(date +%s.%N); c1=$(cpu); f1=$(fetches); ch1=$(outcome changed); nm1=$(outcome not_modified)
  s1=$(metric newsfeed_follow_fetch_duration_seconds_sum); n1=$(metric newsfeed_follow_fetch_duration_seconds_count)
  local n=$((f1 - f0))
  RESULT[$1]=$(printf "| %s | %d | %.0f | %.0f | %d | %.2f | %.3f | %.1f%% | %s | %s |" "$1" "$n" "$(echo "$nm1 - $nm0" | bc)" \
    "$(echo "$ch1 - $ch0" | bc)" "$(metric newsfeed_follows_overdue | cut -d. -f1)" \
    "$(echo "scale=6; ($s1 - $s0) * 1000 / ($n1 - $n0)" | bc)" "$(echo "scale=6; ($c1 - $c0) * 1000 / $n" | bc)" \
    "$(echo "scale=4; ($c1 - $c0) * 100 / ($t1 - $t0)" | bc)" \
    "$(python3 bench/follow/analyse.py "$OUT/requests.log" "$t0" "$t1" | sed -n 's/^gap_s //p')" \
    "$(python3 bench/follow/analyse.py "$OUT/requests.log" "$t0" "$t1" | sed -n '1p')")
}
echo "phase A (${WINDOW}s): no page changes"
measure "A: 304s only"
sleep 30
echo "phase B (${WINDOW}s): $CHANGING pages gain a post every ${CHANGE_EVERY}s"
measure "B: $CHANGING pages changing"
RSS=$(awk '/VmRSS/ { print $2 / 1024 " MB" }' "/proc/$SERVICE_PID/status")

{
  echo "Run of $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, JVM flags \`$JAVA_OPTS\`: $PAGES follows of a local server,"
  echo "interval $INTERVAL (minimum and maximum), ${WINDOW}s per phase after ${WARMUP}s of warm-up."
  echo
  echo "| phase | fetches | 304 | changed | overdue at end | mean fetch (ms) | CPU per fetch (ms) | CPU of one core | gaps between two fetches of a page (s) | page server |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  echo "${RESULT[A: 304s only]}"
  echo "${RESULT[B: $CHANGING pages changing]}"
  echo
  echo "Resident memory after the run: $RSS."
} | tee "$OUT/results.md"
