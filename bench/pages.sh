#!/usr/bin/env bash
# Pages for people (issue 18) against the topic feed, in one run on this machine: a kept topic page and the same
# topic's RSS feed, each answered 200, 200 with gzip and 304; the home page 200 beside them. The two are measured
# in turns (page, feed, page, feed) so the machine's drift does not go into their ratio.
# Usage, from the repository root: bench/pages.sh     (needs wrk; installs it with apt)
# Writes bench/out/pages.md and prints it.
set -euo pipefail
cd "$(dirname "$0")/.."

DB=${BENCH_DB:-newsfeed_bench_pages}
PORT=${BENCH_PORT:-18092}
DURATION=${BENCH_DURATION:-15s}
WARMUP=${BENCH_WARMUP:-10s}
JIT_WARMUP=${BENCH_JIT_WARMUP:-60s}
CONNECTIONS=32
TOPIC=${BENCH_TOPIC:-kherson-front}
OUT=bench/out
# As bench/run.sh: the JVM as a small container runs it.
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xmx160m -XX:+UseSerialGC}
BASE="http://127.0.0.1:$PORT"
mkdir -p "$OUT"

command -v wrk >/dev/null || { apt-get update >/dev/null; apt-get install -y wrk >/dev/null; }
pg_isready -q -h 127.0.0.1 || pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
[ -f target/newsfeed-runner.jar ] || ./mvnw -B -q package -DskipTests

psql -X -q -h 127.0.0.1 -U postgres -c "drop database if exists $DB with (force)" -c "create database $DB"
# shellcheck disable=SC2086
NEWSFEED_DB_NAME=$DB PORT=$PORT NEWSFEED_PUBLIC_BASE_URL=$BASE NEWSFEED_INGEST_TOKEN=bench NEWSFEED_ACCESS_LOG_ENABLED=false \
  java $JAVA_OPTS -jar target/newsfeed-runner.jar >"$OUT/pages-service.log" 2>&1 &
SERVICE_PID=$!
trap 'kill "$SERVICE_PID" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -fs "$BASE/q/health/ready" >/dev/null && break; sleep 0.5; done
# The seeds and the extractor's fixtures, as CI serves them: every topic has posts.
for page in src/test/resources/forms/*.txt src/test/resources/forms/*.html; do
  type=text/plain
  [[ $page == *.html ]] && type=text/html
  curl -fsS -o /dev/null -H "Authorization: Bearer bench" -H "Content-Type: $type" --data-binary "@$page" \
    "$BASE/api/documents?url=https://bench.example/$(basename "$page")&retrievedAt=2022-10-05T12:00:00Z"
done

PAGE_URL="$BASE/topics/$TOPIC"
FEED_URL="$BASE/feeds/$TOPIC.rss"
HOME_URL="$BASE/"
PAGE_BYTES=$(curl -fs "$PAGE_URL" | wc -c)
FEED_BYTES=$(curl -fs "$FEED_URL" | wc -c)
PAGE_POSTS=$(curl -fs "$PAGE_URL" | grep -c '<article class="post">' || true)
FEED_ITEMS=$(curl -fs "$FEED_URL" | grep -o '<item>' | wc -l)
PAGE_ETAG=$(curl -fsI "$PAGE_URL" | tr -d '\r' | sed -n 's/^ETag: //ip')
FEED_ETAG=$(curl -fsI "$FEED_URL" | tr -d '\r' | sed -n 's/^ETag: //ip')
RENDERS_BEFORE=$(curl -fs "$BASE/q/metrics" | sed -n 's/^newsfeed_site_renders_total[^ ]* //p')

echo "== warm-up (the JIT), $JIT_WARMUP"
wrk -t2 -c$CONNECTIONS -d"$JIT_WARMUP" "$PAGE_URL" >/dev/null
wrk -t2 -c$CONNECTIONS -d"$WARMUP" "$FEED_URL" >/dev/null

declare -A RATE P99
# measure NAME URL [wrk header args...]: requests/s (summed over turns) and the last p99.
measure() {
  local name=$1 url=$2
  shift 2
  wrk -t2 -c$CONNECTIONS -d"$WARMUP" "$@" "$url" >/dev/null
  local out
  out=$(wrk -t2 -c$CONNECTIONS -d"$DURATION" --latency "$@" "$url")
  echo "$out" >"$OUT/pages-wrk-$name-$(date +%s).txt"
  local rate p99
  rate=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  if echo "$out" | grep -q "Non-2xx or 3xx"; then
    echo "$name: non-2xx answers" >&2
    exit 1
  fi
  RATE[$name]="${RATE[$name]:-} $rate"
  P99[$name]=$p99
  echo "$name: $rate/s (p99 $p99)"
}

for turn in 1 2; do
  echo "== turn $turn"
  measure page "$PAGE_URL"
  measure feed "$FEED_URL"
  measure page-gzip "$PAGE_URL" -H "Accept-Encoding: gzip"
  measure feed-gzip "$FEED_URL" -H "Accept-Encoding: gzip"
  measure page-304 "$PAGE_URL" -H "If-None-Match: $PAGE_ETAG"
  measure feed-304 "$FEED_URL" -H "If-None-Match: $FEED_ETAG"
done
measure home "$HOME_URL"
RENDERS_AFTER=$(curl -fs "$BASE/q/metrics" | sed -n 's/^newsfeed_site_renders_total[^ ]* //p')

mean() { echo "$1" | awk '{s = 0; for (i = 1; i <= NF; i++) s += $i; printf "%.0f", s / NF}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
row() { # label page-key feed-key
  local p f
  p=$(mean "${RATE[$2]}")
  f=$(mean "${RATE[$3]}")
  local r
  r=$(ratio "$p" "$f")
  local met=missed
  awk -v r="$r" 'BEGIN {exit !(r >= 0.5)}' && met=met
  echo "| $1 | $p/s (${RATE[$2]# }) | $f/s (${RATE[$3]# }) | $r | ≥ 0.5 | $met |"
}

{
  echo "Run of $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, JVM flags \`$JAVA_OPTS\`: wrk -t2 -c$CONNECTIONS -d$DURATION after a"
  echo "$JIT_WARMUP warm-up and $WARMUP per measurement, two turns (page, feed, page, feed); the seeds and the form fixtures."
  echo "The page is /topics/$TOPIC ($PAGE_BYTES bytes, $PAGE_POSTS posts); the feed /feeds/$TOPIC.rss ($FEED_BYTES bytes, $FEED_ITEMS entries)."
  echo
  echo "| what | page (turns) | topic feed (turns) | ratio | target | |"
  echo "|---|---|---|---|---|---|"
  row "200" page feed
  row "200 with gzip" page-gzip feed-gzip
  row "304" page-304 feed-304
  echo
  echo "Home page 200: $(mean "${RATE[home]}")/s. p99 (last turn): page ${P99[page]}, feed ${P99[feed]}, page gzip ${P99[page-gzip]},"
  echo "feed gzip ${P99[feed-gzip]}, page 304 ${P99[page-304]}, feed 304 ${P99[feed-304]}, home ${P99[home]}."
  echo "Page renders during the run: $(awk -v a="$RENDERS_AFTER" -v b="$RENDERS_BEFORE" 'BEGIN {print a - b}') (a kept page is rendered again once it is older than the feeds' max-age, 60 s)."
} | tee "$OUT/pages.md"
