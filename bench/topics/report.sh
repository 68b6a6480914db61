#!/bin/sh
# The topic classifier's figures (bench/README.md, "Topics"): seeds, k-fold cross-validation by page on the corpus,
# and the same over shuffled deals of pages to folds. Usage: bench/topics/report.sh [corpus-dir] [deals]
# Takes about two minutes on two cores with 10 deals.
set -eu
cd "$(dirname "$0")/../.."
./mvnw -B -q test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/topics-cp.txt -Dmdep.includeScope=test >/dev/null
exec java -cp "target/test-classes:target/classes:$(cat target/topics-cp.txt)" dev.newsfeed.topic.TopicReport \
  "${1:-../shared/corpus}" "${2:-10}"
