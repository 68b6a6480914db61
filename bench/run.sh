#!/usr/bin/env bash
# Newsfeed benchmark: the service beside its references, in one run on this machine.
#   API (issue #2): each endpoint with wrk, then pgbench on that endpoint's own SQL, on 100,000 generated posts.
#   Feeds (issue #5): a topic feed answered 200 and 304, then nginx serving the same bytes as a static file.
#   Start-up to first answered request, and resident memory after the run.
# Usage, from the repository root: bench/run.sh        (needs wrk, nginx and pgbench; installs them with apt)
# Writes bench/out/results.md and prints it.
set -euo pipefail
cd "$(dirname "$0")/.."

DB=${BENCH_DB:-newsfeed_bench}
PORT=${BENCH_PORT:-18090}
NGINX_PORT=${BENCH_NGINX_PORT:-18091}
DURATION=${BENCH_DURATION:-15s}
WARMUP=${BENCH_WARMUP:-20s}
JIT_WARMUP=${BENCH_JIT_WARMUP:-60s}
CONNECTIONS=32
TOPIC=kherson-front
QUERY=${BENCH_QUERY:-Kherson counteroffensive}
# The generator draws from ~240 seed sentences, so every single term is in 3% of posts or more; a query
# whose terms come from different sentences is the selective kind most searches are.
QUERY_NARROW=${BENCH_QUERY_NARROW:-Lysak Kazakh citizenship}
OUT=bench/out
# The JVM as a small container runs it: deploy/Dockerfile gives the heap 75% of the memory limit, and below
# 1792 MiB the JVM picks the serial collector by itself.
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xmx160m -XX:+UseSerialGC}
# Database sessions, for the service's pool and for pgbench alike: about 3x the database's cores. More
# sessions than that only queue inside PostgreSQL and stretch p99 (20 gave 110-130 ms, 6 gave 40-70 ms).
POOL=${BENCH_POOL:-6}
mkdir -p "$OUT"
BASE="http://127.0.0.1:$PORT"

need() { command -v "$1" >/dev/null || { apt-get install -y "$2" >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y "$2" >/dev/null; }; }; }
need wrk wrk
need nginx nginx-light
need pgbench postgresql-client
pg_isready -q -h 127.0.0.1 || pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
[ -f target/newsfeed-runner.jar ] || ./mvnw -B -q package -DskipTests

psql() { command psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres "$@"; }

SERVICE_PID=
start_service() { # extra JVM flags...
  # shellcheck disable=SC2086
  NEWSFEED_DB_NAME=$DB NEWSFEED_SEEDS_ENABLED=false PORT=$PORT NEWSFEED_PUBLIC_BASE_URL=$BASE NEWSFEED_DB_POOL_SIZE=$POOL \
    NEWSFEED_API_SEARCH_CACHE_BYTES=${SEARCH_CACHE_BYTES:-16777216} \
    java $JAVA_OPTS "$@" -jar target/newsfeed-runner.jar >"$OUT/service.log" 2>&1 &
  SERVICE_PID=$!
}
stop_service() { [ -n "$SERVICE_PID" ] && kill "$SERVICE_PID" 2>/dev/null && wait "$SERVICE_PID" 2>/dev/null || true; SERVICE_PID=; }
stop_nginx() { [ -f "$OUT/nginx/nginx.pid" ] && nginx -p "$PWD/$OUT/nginx" -c nginx.conf -s stop 2>/dev/null || true; }
trap 'stop_service; stop_nginx' EXIT

# Starts the service; STARTUP_MS = milliseconds from launch until GET /api/posts answers 200, polled by one
# process (bench/first-answer.py): a curl every 20 ms took about 0.3 s of CPU from the start-up it timed.
STARTUP_MS=
start_and_time() { # extra JVM flags...
  local t0
  t0=$(date +%s%N)
  start_service "$@"
  STARTUP_MS=$(python3 bench/first-answer.py "$BASE/api/posts?limit=1" "$t0" "$SERVICE_PID") \
    || { cat "$OUT/service.log"; exit 1; }
}

echo "== database $DB: schema by the service, then 100,000 generated posts"
psql -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"
start_and_time
stop_service
python3 bench/api/sentences.py seeds >"$OUT/sentences.txt"
psql -d "$DB" -c "create table bench_sentence (id serial primary key, s text not null)" \
  -c "\\copy bench_sentence (s) from '$OUT/sentences.txt'"
psql -d "$DB" -f bench/api/generate.sql
# Start-up, five times each, alternating: as the image ships it, with a class-data archive written by a
# training run asked what deploy/training/requests.txt lists (JDK 17 has no auto-created archive;
# -XX:ArchiveClassesAtExit dumps every class the run loaded when it stops), and without one.
median() { sort -n | sed -n 3p; }
rm -f "$OUT/app.jsa"
start_and_time -XX:ArchiveClassesAtExit="$OUT/app.jsa"
grep -v '^#' deploy/training/requests.txt | while read -r path; do
  curl -s -o /dev/null "$BASE$path"; curl -s -o /dev/null -H 'Accept-Encoding: gzip' "$BASE$path"
done
stop_service
: >"$OUT/startup-plain.txt"; : >"$OUT/startup-cds.txt"
for _ in 1 2 3 4 5; do
  start_and_time; stop_service; echo "$STARTUP_MS" >>"$OUT/startup-plain.txt"
  start_and_time -XX:SharedArchiveFile="$OUT/app.jsa"; stop_service; echo "$STARTUP_MS" >>"$OUT/startup-cds.txt"
done
STARTUP_PLAIN=$(median <"$OUT/startup-plain.txt")
STARTUP_CDS=$(median <"$OUT/startup-cds.txt")
echo "start-up to first answered request: $STARTUP_PLAIN ms as is, $STARTUP_CDS ms with the archive"
start_and_time -XX:SharedArchiveFile="$OUT/app.jsa"

# wrk's requests/s and p99 in ms; pgbench's tps.
wrk_run() { wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$@"; }
rate() { awk '/^Requests\/sec:/ {print $2}'; }
p99() {
  awk '$1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v = v / 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v = v * 1000 } printf "%.1f", v }'
}
# The read pool's session setting (application.properties), so both sides run the same plans.
pgb() { PGOPTIONS='-c plan_cache_mode=force_generic_plan' pgbench -n -h 127.0.0.1 -U postgres -M prepared -c "$POOL" -j 2 -T "${DURATION%s}" "$@" "$DB" 2>&1 | awk '/^tps = / {print $3}'; }

declare -A R
# wrk on the service: requests/s and p99.
serve() { # name url
  local name=$1 url=$2
  wrk_run "$url" >"$OUT/wrk-$name.txt"
  R[$name.rate]=$(rate <"$OUT/wrk-$name.txt")
  R[$name.p99]=$(p99 <"$OUT/wrk-$name.txt")
  echo "$name: service ${R[$name.rate]}/s (p99 ${R[$name.p99]} ms)"
}
# pgbench on the endpoint's SQL. Each request is the page's statement, then its posts' topics: pgbench runs
# both, the second with the ids the service answered (the data does not change during the run).
sql() { # name url sqlfile pgbench-args...
  local name=$1 url=$2 sql=$3 ids; shift 3
  ids=$(curl -fsS "$url" | python3 -c 'import json,sys; print("{" + ",".join(i["id"] for i in json.load(sys.stdin)["items"]) + "}")')
  cat "$sql" bench/api/sql/topic-links.sql >"$OUT/pgbench-$name.sql"
  R[$name.pg]=$(pgb -f "$OUT/pgbench-$name.sql" -D ids="$ids" "$@")
  echo "$name: pgbench ${R[$name.pg]} tps"
}
measure_api() { # name url sqlfile pgbench-args...
  wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" "$2" >/dev/null
  serve "$1" "$2"
  sql "$@"
}

# C2 shares the two cores with the load and takes a minute or more to settle here (bench/README.md, "The JIT
# takes minutes to settle"): the rates below are meant as the steady state a long-running service reaches.
echo "== warm-up (the JIT and the pools), $JIT_WARMUP"
wrk -t2 -c"$CONNECTIONS" -d"$JIT_WARMUP" "$BASE/api/posts?topic=$TOPIC" >/dev/null

echo "== the 500th page of the topic, reached by following nextCursor"
cursor=
for _ in $(seq 1 499); do
  cursor=$(curl -fsS "$BASE/api/posts?topic=$TOPIC${cursor:+&cursor=$cursor}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["nextCursor"])')
done
IFS='|' read -r _ CURSOR_AT CURSOR_ID < <(python3 -c "import base64,sys; c=sys.argv[1]; print(base64.urlsafe_b64decode(c + '=' * (-len(c) % 4)).decode())" "$cursor")
echo "cursor after 499 pages: $CURSOR_AT $CURSOR_ID"

echo "== API: service, then pgbench on the same SQL"
# The first and the 500th page are compared with each other, so they are measured in turns, twice each: the
# machine's drift over a run (it was 15% between two measurements 35 s apart) then falls on both alike.
FIRST_URL="$BASE/api/posts?topic=$TOPIC"
PAGE500_URL="$BASE/api/posts?topic=$TOPIC&cursor=$cursor"
wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" "$FIRST_URL" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" "$PAGE500_URL" >/dev/null
for round in 1 2; do
  serve "topic-first-page-$round" "$FIRST_URL"
  serve "topic-page-500-$round" "$PAGE500_URL"
done
for name in topic-first-page topic-page-500; do
  R[$name.rate]=$(printf '%s\n' "${R[$name-1.rate]}" "${R[$name-2.rate]}" | awk '{ s += $1 } END { printf "%.2f", s / NR }')
  R[$name.p99]=$(printf '%s\n' "${R[$name-1.p99]}" "${R[$name-2.p99]}" | sort -g | tail -1)
done
sql topic-first-page "$FIRST_URL" bench/api/sql/topic-first-page.sql -D topic=$TOPIC
sql topic-page-500 "$PAGE500_URL" bench/api/sql/topic-page-500.sql -D topic=$TOPIC -D at="$CURSOR_AT" -D id="$CURSOR_ID"
QUERY_URL=$(python3 -c "import urllib.parse,sys; print(urllib.parse.quote(sys.argv[1]))" "$QUERY")
# As served: a repeated search is answered from the pages kept until posts change (post/SearchService).
measure_api search-kept "$BASE/api/posts?q=$QUERY_URL" bench/api/sql/search.sql -D q="$QUERY"
MATCHES=$(psql -d "$DB" -tA -c "select count(*) from post where search @@ websearch_to_tsquery('english', '$QUERY')")
NARROW_URL=$(python3 -c "import urllib.parse,sys; print(urllib.parse.quote(sys.argv[1]))" "$QUERY_NARROW")
MATCHES_NARROW=$(psql -d "$DB" -tA -c "select count(*) from post where search @@ websearch_to_tsquery('english', '$QUERY_NARROW')")

echo "== feeds: the service, then nginx serving the same bytes"
FEED_URL="$BASE/feeds/$TOPIC.rss"
mkdir -p "$OUT/nginx/www" "$OUT/nginx/logs"
curl -fsS -D "$OUT/feed-headers.txt" -o "$OUT/nginx/www/$TOPIC.rss" "$FEED_URL"
ETAG=$(awk 'tolower($1) == "etag:" {sub(/\r$/, ""); print $2}' "$OUT/feed-headers.txt")
FEED_BYTES=$(wc -c <"$OUT/nginx/www/$TOPIC.rss")
cat >"$OUT/nginx/nginx.conf" <<EOF
worker_processes auto;
pid nginx.pid;
error_log logs/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  types { application/rss+xml rss; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root www;
  }
}
EOF
stop_nginx
nginx -p "$PWD/$OUT/nginx" -c nginx.conf
NGINX_ETAG=$(curl -fsS -D - -o /dev/null "http://127.0.0.1:$NGINX_PORT/$TOPIC.rss" | awk 'tolower($1) == "etag:" {sub(/\r$/, ""); print $2}')
measure_feed() { # name url [etag]
  local name=$1 url=$2 etag=${3:-}
  local args=()
  [ -n "$etag" ] && args=(-H "If-None-Match: $etag")
  wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" "${args[@]}" "$url" >/dev/null
  wrk_run "${args[@]}" "$url" >"$OUT/wrk-$name.txt"
  R[$name.rate]=$(rate <"$OUT/wrk-$name.txt")
  R[$name.p99]=$(p99 <"$OUT/wrk-$name.txt")
  echo "$name: ${R[$name.rate]}/s (p99 ${R[$name.p99]} ms)"
}
measure_feed feed-200 "$FEED_URL"
# What feed readers send: gzip, compressed once per render (wrk adds no Accept-Encoding of its own).
measure_feed_gzip() {
  FEED_GZIP_BYTES=$(curl -fsS -H 'Accept-Encoding: gzip' "$FEED_URL" | wc -c)
  wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -H "Accept-Encoding: gzip" "$FEED_URL" >/dev/null
  wrk_run -H "Accept-Encoding: gzip" "$FEED_URL" >"$OUT/wrk-feed-200-gzip.txt"
  R[feed-200-gzip.rate]=$(rate <"$OUT/wrk-feed-200-gzip.txt")
  R[feed-200-gzip.p99]=$(p99 <"$OUT/wrk-feed-200-gzip.txt")
  echo "feed-200-gzip: ${R[feed-200-gzip.rate]}/s (p99 ${R[feed-200-gzip.p99]} ms)"
}
measure_feed_gzip
measure_feed nginx-200 "http://127.0.0.1:$NGINX_PORT/$TOPIC.rss"
measure_feed feed-304 "$FEED_URL" "$ETAG"
measure_feed nginx-304 "http://127.0.0.1:$NGINX_PORT/$TOPIC.rss" "$NGINX_ETAG"
curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $ETAG" "$FEED_URL" | grep -qx 304 || { echo "the feed did not answer 304"; exit 1; }

RSS_MB=$(( $(ps -o rss= -p "$SERVICE_PID") / 1024 ))
stop_service
stop_nginx

echo "== search with nothing kept (every request ranks), against pgbench on its SQL"
SEARCH_CACHE_BYTES=0 start_and_time -XX:SharedArchiveFile="$OUT/app.jsa"
# A new JVM: the same JIT warm-up as the first service had, on the searches it is about to rank.
wrk -t2 -c"$CONNECTIONS" -d"$JIT_WARMUP" "$BASE/api/posts?q=$NARROW_URL" >/dev/null
measure_api search "$BASE/api/posts?q=$QUERY_URL" bench/api/sql/search.sql -D q="$QUERY"
measure_api search-narrow "$BASE/api/posts?q=$NARROW_URL" bench/api/sql/search.sql -D q="$QUERY_NARROW"
stop_service

ratio() { python3 -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]):.2f}')" "$1" "$2"; }
ok() { python3 -c "import sys; print('met' if eval(sys.argv[1]) else 'MISSED')" "$1"; }
r1=$(ratio "${R[topic-first-page.rate]}" "${R[topic-first-page.pg]}")
r500=$(ratio "${R[topic-page-500.rate]}" "${R[topic-first-page.rate]}")
rq=$(ratio "${R[search.rate]}" "${R[search.pg]}")
rf200=$(ratio "${R[feed-200.rate]}" "${R[nginx-200.rate]}")
rf304=$(ratio "${R[feed-304.rate]}" "${R[nginx-304.rate]}")
# p99 of the endpoints as the service serves them; a search that ranks on every request is reported apart.
maxp99=$(printf '%s\n' "${R[topic-first-page.p99]}" "${R[topic-page-500.p99]}" "${R[search-kept.p99]}" "${R[feed-200.p99]}" "${R[feed-200-gzip.p99]}" "${R[feed-304.p99]}" | sort -g | tail -1)

cat >"$OUT/results.md" <<EOF
Run of $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, JVM flags \`$JAVA_OPTS\`: wrk -t2 -c$CONNECTIONS -d$DURATION after a $JIT_WARMUP warm-up, then $WARMUP per endpoint;
pgbench -M prepared -c$POOL -j2 -T${DURATION%s} on the endpoint's SQL (bench/api/sql), the service's pool also $POOL. $(psql -d "$DB" -tA -c "select count(*) from post") posts,
$(psql -d "$DB" -tA -c "select count(*) from post_topic where topic_slug = '$TOPIC'") on $TOPIC; the queries are "$QUERY" and "$QUERY_NARROW"; the feed is $FEED_BYTES bytes.

| what | service | reference | ratio | target | |
|---|---|---|---|---|---|
| first page of a topic | ${R[topic-first-page.rate]}/s | pgbench ${R[topic-first-page.pg]} tps | $r1 | ≥ 0.4 | $(ok "$r1 >= 0.4") |
| 500th page, by cursor | ${R[topic-page-500.rate]}/s | first page ${R[topic-first-page.rate]}/s | $r500 | ≥ 0.9 | $(ok "$r500 >= 0.9") |
| 500th page vs its own SQL | ${R[topic-page-500.rate]}/s | pgbench ${R[topic-page-500.pg]} tps | $(ratio "${R[topic-page-500.rate]}" "${R[topic-page-500.pg]}") | | |
| full-text query, broad ($MATCHES matches), ranked per request | ${R[search.rate]}/s | pgbench ${R[search.pg]} tps | $rq | ≥ 0.6 | $(ok "$rq >= 0.6") |
| full-text query, selective ($MATCHES_NARROW matches), ranked per request | ${R[search-narrow.rate]}/s | pgbench ${R[search-narrow.pg]} tps | $(ratio "${R[search-narrow.rate]}" "${R[search-narrow.pg]}") | ≥ 0.6 | $(ok "$(ratio "${R[search-narrow.rate]}" "${R[search-narrow.pg]}") >= 0.6") |
| full-text query, broad, repeated (page kept) | ${R[search-kept.rate]}/s | pgbench ${R[search-kept.pg]} tps | $(ratio "${R[search-kept.rate]}" "${R[search-kept.pg]}") | | |
| topic feed, 200 | ${R[feed-200.rate]}/s | nginx ${R[nginx-200.rate]}/s | $rf200 | ≥ 0.6 | $(ok "$rf200 >= 0.6") |
| topic feed, 200 with gzip ($FEED_GZIP_BYTES bytes) | ${R[feed-200-gzip.rate]}/s | | | | |
| topic feed, 304 | ${R[feed-304.rate]}/s | nginx ${R[nginx-304.rate]}/s | $rf304 | ≥ 0.6 | $(ok "$rf304 >= 0.6") |
| p99 at $CONNECTIONS connections (worst endpoint as served) | $maxp99 ms | | | < 50 ms | $(ok "$maxp99 < 50") |
| resident memory after the run | $RSS_MB MB | | | < 300 MB | $(ok "$RSS_MB < 300") |
| start-up to first answered request, as the image ships it (class-data archive) | $STARTUP_CDS ms | without the archive: $STARTUP_PLAIN ms | | < 3000 ms | $(ok "$STARTUP_CDS < 3000") |

p99 per endpoint (ms): first page ${R[topic-first-page.p99]}, page 500 ${R[topic-page-500.p99]}, repeated search (kept) ${R[search-kept.p99]}, feed 200 ${R[feed-200.p99]}, feed 200 gzip ${R[feed-200-gzip.p99]}, feed 304 ${R[feed-304.p99]}; ranked per request: broad search ${R[search.p99]}, selective search ${R[search-narrow.p99]}.

The first and the 500th page, measured in turns (requests/s): first ${R[topic-first-page-1.rate]}, 500th ${R[topic-page-500-1.rate]}, first ${R[topic-first-page-2.rate]}, 500th ${R[topic-page-500-2.rate]}; the table gives the means.

Start-up, five alternating runs (ms): with the archive $(tr '\n' ' ' <"$OUT/startup-cds.txt")| without $(tr '\n' ' ' <"$OUT/startup-plain.txt")
EOF
cat "$OUT/results.md"
