#!/bin/sh
# The image's training run (deploy/Dockerfile): one start of the service against a throwaway PostgreSQL,
# asked what deploy/training/requests.txt lists, leaves /app/app.jsa, a class-data archive of every class
# the run loaded (JDK 17 dynamic CDS). Every later start maps those classes instead of reading, parsing and
# verifying them again: on 2 cores, start-up to the first answered request fell by about half.
set -eu
apt-get update -q > /dev/null
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql curl > /dev/null
cluster=$(ls /etc/postgresql)
# Throwaway database inside the build: trust on loopback, gone with this stage.
sed -i 's/\(scram-sha-256\|md5\)$/trust/' /etc/postgresql/"$cluster"/main/pg_hba.conf
pg_ctlcluster --skip-systemctl-redirect "$cluster" main start

# shellcheck disable=SC2086
java -XX:ArchiveClassesAtExit=/app/app.jsa $JAVA_OPTS_APPEND -jar /app/newsfeed.jar > /tmp/training.log 2>&1 &
pid=$!
until curl -fs -o /dev/null http://127.0.0.1:8080/q/health/ready; do
  kill -0 "$pid" 2> /dev/null || { cat /tmp/training.log; exit 1; }
  sleep 0.5
done
grep -v '^#' /app/training/requests.txt | while read -r path; do
  curl -s -o /dev/null http://127.0.0.1:8080"$path"
  curl -s -o /dev/null -H 'Accept-Encoding: gzip' http://127.0.0.1:8080"$path"
done
kill "$pid"
wait "$pid" || true
test -s /app/app.jsa || { echo "no class-data archive written"; tail -20 /tmp/training.log; exit 1; }
pg_ctlcluster --skip-systemctl-redirect "$cluster" main stop
