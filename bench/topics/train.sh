#!/bin/sh
# Trains the topic model: writes src/main/resources/topics/model.json from src/main/resources/topics/builtin.json,
# the seed posts (seeds/ with src/test/resources/gold/seed-posts.jsonl) and the labelled corpus.
# Usage: bench/topics/train.sh [corpus-dir]   (from anywhere; corpus-dir defaults to ../shared/corpus)
# The same inputs always give the same file; TopicModelTest fails when the shipped file is not this output.
set -eu
cd "$(dirname "$0")/../.."
corpus="${1:-../shared/corpus}"
./mvnw -B -q test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/topics-cp.txt -Dmdep.includeScope=test >/dev/null
exec java -cp "target/test-classes:target/classes:$(cat target/topics-cp.txt)" dev.newsfeed.topic.TopicTrainer \
  "$corpus" seeds src/main/resources/topics/model.json src/test/resources/gold/seed-posts.jsonl
