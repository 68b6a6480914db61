#!/usr/bin/env bash
# The access log's cost: feed 304s (the cheapest request, where a log line weighs most) with the service's own
# access log, with Quarkus' access log through asynchronous console logging, and with none, alternating.
# Usage, from the repository root: bench/access-log/run.sh     (needs wrk; prints a table)
set -euo pipefail
cd "$(dirname "$0")/../.."
DB=${BENCH_DB:-newsfeed_bench_log}
PORT=${BENCH_PORT:-18095}
ROUNDS=${BENCH_ROUNDS:-2}
DURATION=${BENCH_DURATION:-15s}
BASE="http://127.0.0.1:$PORT"
FEED="$BASE/feeds/all.atom"
pg_isready -q -h 127.0.0.1 || pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
command -v wrk >/dev/null || apt-get install -y wrk >/dev/null
[ -f target/newsfeed-runner.jar ] || ./mvnw -B -q package -DskipTests
psql -X -q -h 127.0.0.1 -U postgres -c "drop database if exists $DB with (force)" -c "create database $DB"

PID=
run() { # name, env assignments...
  local name=$1; shift
  # shellcheck disable=SC2068
  env NEWSFEED_DB_NAME=$DB PORT=$PORT NEWSFEED_PUBLIC_BASE_URL=$BASE $@ \
    java -Xmx160m -XX:+UseSerialGC -jar target/newsfeed-runner.jar > >(cat > /dev/null) &   # a pipe, as in a container
  PID=$!
  for _ in $(seq 1 60); do curl -fs -o /dev/null "$BASE/q/health/ready" && break; sleep 1; done
  local etag
  etag=$(curl -fsS -D - -o /dev/null "$FEED" | awk 'tolower($1)=="etag:" {print $2}' | tr -d '\r')
  wrk -t2 -c32 -d20s -H "If-None-Match: $etag" "$FEED" > /dev/null   # JIT warm-up
  local rate
  rate=$(wrk -t2 -c32 -d"$DURATION" -H "If-None-Match: $etag" "$FEED" | awk '/Requests\/sec/ {print $2}')
  echo "| $name | $rate |"
  kill "$PID"; wait "$PID" 2>/dev/null || true
  sleep 1
}
trap 'kill "$PID" 2>/dev/null || true' EXIT
echo "| access log | feed 304s a second |"
echo "|---|---|"
for _ in $(seq 1 "$ROUNDS"); do
  run "own (web/AccessLog)" NEWSFEED_ACCESS_LOG_ENABLED=true
  run "Quarkus, async console" NEWSFEED_ACCESS_LOG_ENABLED=false QUARKUS_HTTP_ACCESS_LOG_ENABLED=true \
    QUARKUS_LOG_CONSOLE_ASYNC_ENABLED=true QUARKUS_LOG_CONSOLE_ASYNC_OVERFLOW=discard
  run "none" NEWSFEED_ACCESS_LOG_ENABLED=false
done
