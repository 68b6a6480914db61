#!/usr/bin/env bash
# Ingest beside PostgreSQL inserting the same rows itself, in one run on this machine.
#   Reference: insert ... select of a page's post rows into a copy of the post table (same columns, indexes and
#   generated search vector), timed by PostgreSQL: the rows a second the database allows.
#   Pages of 1,000 and 5,000 posts, first ingest and again with 10% of their posts edited; 200 pages of 10 posts at
#   concurrency 1, 4 and 16; the topic page right after 5,000 posts, and after an analyze; reprocessing 100,000
#   stored posts, with the topic page's latency measured meanwhile.
# Usage, from the repository root: bench/ingest/run.sh     (needs wrk, curl, python3; writes bench/out/ingest.md)
set -euo pipefail
cd "$(dirname "$0")/../.."
DB=${BENCH_DB:-newsfeed_bench_ingest}
PORT=${BENCH_PORT:-18096}
POOL=${BENCH_POOL:-6}
BIG_PAGES=${BENCH_BIG_PAGES:-100}
BASE="http://127.0.0.1:$PORT"
TOKEN=bench
OUT=bench/out
mkdir -p "$OUT/pages"
pg_isready -q -h 127.0.0.1 || pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
command -v wrk >/dev/null || apt-get install -y wrk >/dev/null
[ -f target/newsfeed-runner.jar ] || ./mvnw -B -q package -DskipTests
psql() { command psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres "$@"; }
psql -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"

PID=
NEWSFEED_DB_NAME=$DB NEWSFEED_SEEDS_ENABLED=false PORT=$PORT NEWSFEED_PUBLIC_BASE_URL=$BASE NEWSFEED_INGEST_TOKEN=$TOKEN \
  NEWSFEED_DB_POOL_SIZE=$POOL NEWSFEED_ACCESS_LOG_ENABLED=false \
  java -Xmx512m -XX:+UseSerialGC -jar target/newsfeed-runner.jar > "$OUT/ingest-service.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -fs -o /dev/null "$BASE/q/health/ready" && break; sleep 1; done

page() { # posts seed [changed share] -> file
  local f="$OUT/pages/p$1-$2-${3:-0}.txt"
  [ -f "$f" ] || python3 bench/ingest/page.py "$1" "$2" "${3:-0}" > "$f"
  echo "$f"
}
ingest() { # file url -> "seconds created updated unchanged"
  curl -fsS -o "$OUT/ingest-answer.json" -w '%{time_total}' -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: text/plain; charset=UTF-8' --data-binary "@$1" "$BASE/api/documents?source=cnn&url=$2" \
    > "$OUT/ingest-time"
  python3 -c 'import json,sys; a=json.load(open(sys.argv[1])); print(open(sys.argv[2]).read(), a["created"], a["updated"], a["unchanged"])' \
    "$OUT/ingest-answer.json" "$OUT/ingest-time"
}
# Milliseconds PostgreSQL takes to insert the live blog's post rows into a copy of the post table.
reference_ms() { # liveblog url
  psql -d "$DB" -c "drop table if exists post_ref" \
    -c "create table post_ref (like post including defaults including generated including indexes including storage)"
  psql -d "$DB" <<SQL | awk '/^Time:/ {print $2}' | tail -n 1
\\timing on
insert into post_ref (id, liveblog_id, source_id, document_id, headline, timestamp_text, published_at,
  published_at_precision, authors, location, body, body_text, caption_texts, caption_credits, anchor, content_hash,
  revision, first_seen_at, updated_at, timestamp_relative, labels, dateline, headline_printed, complete)
select id, liveblog_id, source_id, document_id, headline, timestamp_text, published_at, published_at_precision,
  authors, location, body, body_text, caption_texts, caption_credits, anchor, content_hash, revision,
  first_seen_at, updated_at, timestamp_relative, labels, dateline, headline_printed, complete
from post where liveblog_id = (select id from liveblog where url = '$1');
SQL
}
rate() { python3 -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]):,.0f}')" "$@"; }

# Warm-up: the service's first ingests run in the interpreter while the JIT compiles; the figures are of a service
# that has been running, as a deployed one has, so it first takes pages as a following replica does: large ones,
# then again with edits (the update path), and small ones four at a time (after 100 of them the compiler threads
# still took a third of the service's CPU).
for i in 1 2 3 4 5; do
  ingest "$(page 1000 $((9000 + i)))" "https://bench.example/warm-$i" > /dev/null
  ingest "$(page 1000 $((9000 + i)) 0.1)" "https://bench.example/warm-$i" > /dev/null
done
seq 1 400 | while read -r i; do echo "$(page 10 $((9100 + i)))"; done > "$OUT/pages/list-warm"
# shellcheck disable=SC2046
python3 bench/ingest/post.py "$BASE" "$TOKEN" 4 $(cat "$OUT/pages/list-warm") > /dev/null

{
echo "| what | posts | seconds | posts/s | reference posts/s | ratio |"
echo "|---|---|---|---|---|---|"
for n in 1000 5000; do
  url="https://bench.example/live-$n"
  read -r s created _ _ <<< "$(ingest "$(page $n $n)" "$url")"
  ms=$(reference_ms "$url")
  ref=$(rate "$n" "$(python3 -c "print($ms/1000)")")
  echo "| first ingest of one page | $created | $s | $(rate "$created" "$s") | $ref | $(python3 -c "print(f'{$created/$s/($n/($ms/1000)):.2f}')") |"
  first=$s
  read -r s _ updated unchanged <<< "$(ingest "$(page $n $n 0.1)" "$url")"
  echo "| again, 10% edited ($updated updated, $unchanged unchanged) | $n | $s | $(rate "$n" "$s") | | cost $(python3 -c "print(f'{$s/$first:.2f}')") of the first |"
done
for c in 1 4 16; do
  seq 1 200 | while read -r i; do echo "$(page 10 $((c * 1000 + i)))"; done > "$OUT/pages/list-$c"
  # shellcheck disable=SC2046
  s=$(python3 bench/ingest/post.py "$BASE" "$TOKEN" "$c" $(cat "$OUT/pages/list-$c"))
  echo "| 200 pages of 10 posts, $c at a time | 2000 | $s | $(rate 2000 "$s") | | |"
done
} | tee "$OUT/ingest.md"

# The topic page right after a burst, and after an analyze.
topic=$(psql -d "$DB" -t -A -c "select topic_slug from post_topic group by 1 order by count(*) desc limit 1")
# The page is read before the burst too, so that both figures are of compiled code and differ by the statistics only.
wrk -t2 -c16 -d10s "$BASE/api/posts?topic=$topic&limit=20" > /dev/null
read -r s _ _ _ <<< "$(ingest "$(page 5000 77)" "https://bench.example/live-burst")"
after=$(wrk -t2 -c16 -d10s "$BASE/api/posts?topic=$topic&limit=20" | awk '/Requests\/sec/ {print $2}')
psql -d "$DB" -c "analyze"
analyzed=$(wrk -t2 -c16 -d10s "$BASE/api/posts?topic=$topic&limit=20" | awk '/Requests\/sec/ {print $2}')
echo "| topic page ($topic) right after 5,000 posts | $after/s | after analyze | $analyzed/s | ratio $(python3 -c "print(f'{$after/$analyzed:.2f}')") |" | tee -a "$OUT/ingest.md"

# Reprocessing: BIG_PAGES pages of 1,000 posts stored, then every document extracted again.
for i in $(seq 1 "$BIG_PAGES"); do ingest "$(page 1000 $((500 + i)))" "https://bench.example/big-$i" > /dev/null; done
stored=$(psql -d "$DB" -t -A -c "select count(*) from post")
curl -fsS -o /dev/null -X POST -H "Authorization: Bearer $TOKEN" "$BASE/api/documents/reprocess"
t0=$(date +%s.%N)
wrk -t1 -c4 -d3600s --latency "$BASE/api/posts?topic=$topic&limit=20" > "$OUT/reprocess-wrk.txt" &
WRK=$!
while curl -fsS "$BASE/api/documents/reprocess" | grep -q '"running"'; do sleep 1; done
t1=$(date +%s.%N)
kill -INT $WRK; wait $WRK 2>/dev/null || true
p99=$(awk '/ 99%/ {print $2}' "$OUT/reprocess-wrk.txt")
echo "| reprocessing $stored stored posts | $(python3 -c "print(f'{$t1-$t0:.1f}')") s | topic page p99 meanwhile | $p99 |" | tee -a "$OUT/ingest.md"
curl -fsS "$BASE/api/documents/reprocess"; echo
