#!/usr/bin/env bash
# The flood: for 60 s, anonymous clients send 10 MB previews, random cursors and one-off searches as fast as they
# are answered, while a reader polls a topic feed 20 times a second. The service runs on the heap the image gives
# it in the Kubernetes manifests (half of 640 MiB, with the image's collector and MALLOC_ARENA_MAX). The flood's
# clients share the service's two cores at its own priority; BENCH_FLOOD_NICE=19 lowers theirs, as if they ran on
# machines elsewhere. Reports the reader's latency, the answers the flood got, the
# heap after collections, and whether the service is still up.
# Usage, from the repository root: bench/flood/run.sh     (needs wrk; writes bench/out/flood.md)
set -euo pipefail
cd "$(dirname "$0")/../.."
DB=${BENCH_DB:-newsfeed_bench_flood}
PORT=${BENCH_PORT:-18097}
SECONDS_=${BENCH_SECONDS:-60}
HEAP=${BENCH_HEAP:-320m}
JAVA_OPTS=${BENCH_JAVA_OPTS:--XX:+UseG1GC}
NICE=${BENCH_FLOOD_NICE:-0}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
BASE="http://127.0.0.1:$PORT"
OUT=bench/out
mkdir -p "$OUT"
pg_isready -q -h 127.0.0.1 || pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
command -v wrk >/dev/null || apt-get install -y wrk >/dev/null
[ -f target/newsfeed-runner.jar ] || ./mvnw -B -q package -DskipTests
psql -X -q -h 127.0.0.1 -U postgres -c "drop database if exists $DB with (force)" -c "create database $DB"
python3 bench/flood/paths.py 20000 > "$OUT/flood-paths.txt"
# A 10 MB page: the seeds over and over.
python3 -c "import pathlib,sys; t=''.join(p.read_text() for p in sorted(pathlib.Path('seeds').glob('*.txt'))); sys.stdout.write((t*(10_000_000//len(t)+1))[:10_000_000])" > "$OUT/flood-preview.txt"

NEWSFEED_DB_NAME=$DB PORT=$PORT NEWSFEED_PUBLIC_BASE_URL=$BASE NEWSFEED_INGEST_TOKEN=flood NEWSFEED_ACCESS_LOG_ENABLED=false \
  java -Xmx$HEAP $JAVA_OPTS -XX:+ExitOnOutOfMemoryError -jar target/newsfeed-runner.jar > "$OUT/flood-service.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -fs -o /dev/null "$BASE/q/health/ready" && break; sleep 1; done
for f in src/test/resources/forms/*.txt; do
  curl -fsS -o /dev/null -H "Authorization: Bearer flood" -H "Content-Type: text/plain" --data-binary "@$f" \
    "$BASE/api/documents?url=https://flood.example/$(basename "$f")"
done
# Heap in use, and what survived the last full collection (the old generation's live data): MiB.
heap() { curl -fs "$BASE/q/metrics" | awk '/^jvm_memory_used_bytes/ && /area="heap"/ {s += $NF}
  /^jvm_gc_live_data_size_bytes/ {l = $NF} END {printf "%.0f %.0f", s / 1048576, l / 1048576}'; }

# The reader is subscribed before the flood starts, as a feed reader polling a feed is: its first answer (the
# render) is not part of the flood's figure.
curl -fs -o /dev/null "$BASE/feeds/kherson-front.atom"
nice -n "$NICE" wrk -t1 -c4 -d"${SECONDS_}s" -s bench/flood/previews.lua "$BASE/api/extract" > "$OUT/flood-previews.txt" 2>&1 &
W1=$!
nice -n "$NICE" wrk -t1 -c16 -d"${SECONDS_}s" -s bench/flood/flood.lua "$BASE" > "$OUT/flood-gets.txt" 2>&1 &
W2=$!
( while kill -0 $W2 2>/dev/null; do h=$(heap); echo "$h $(($(ps -o rss= -p $PID) / 1024))"; sleep 2; done ) \
  > "$OUT/flood-heap.txt" &
reader=$(python3 bench/flood/reader.py "$BASE/feeds/kherson-front.atom" "$SECONDS_" 20)
wait $W1 $W2 || true
alive=$(curl -fs -o /dev/null -w '%{http_code}' "$BASE/q/health/live" || echo down)
max=$(sort -n "$OUT/flood-heap.txt" | tail -n 1 | cut -d' ' -f1)
live=$(sort -n -k2 "$OUT/flood-heap.txt" | tail -n 1 | cut -d' ' -f2)
rss=$(sort -n -k3 "$OUT/flood-heap.txt" | tail -n 1 | cut -d' ' -f3)
{
  echo "| flood of ${SECONDS_} s on a ${HEAP} heap, $JAVA_OPTS, clients at nice $NICE | figure |"
  echo "|---|---|"
  echo "| reader polling a topic feed 20/s | $reader |"
  echo "| previews (10 MB, 4 connections) | $(awk '/requests in/ {print $1, "answered"} /Non-2xx/ {print $NF, "not 2xx"}' "$OUT/flood-previews.txt" | paste -sd ' ') |"
  echo "| random cursors and searches (16 connections) | $(awk '/requests in/ {print $1, "answered"} /Non-2xx/ {print $NF, "not 2xx"}' "$OUT/flood-gets.txt" | paste -sd ' ') |"
  echo "| heap used, highest sample (MiB) | $max |"
  echo "| live data after a full collection, highest (MiB) | $live |"
  echo "| resident memory of the process, highest sample (MiB) | $rss |"
  echo "| alive after | $alive |"
  echo "| errors in the log | $(grep -c '"level":"ERROR"' "$OUT/flood-service.log" || true) |"
} | tee "$OUT/flood.md"
