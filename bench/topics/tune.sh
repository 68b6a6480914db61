#!/bin/sh
# Compares topic-trainer options by cross-validation over deals of the corpus's pages to folds (TopicTune).
# Usage: bench/topics/tune.sh [deals] [option=value[,option=value]...]...   e.g. tune.sh 10 learnedL1=3
#        bench/topics/tune.sh errors    (the fixed deal's wrong posts, with sums)
#        bench/topics/tune.sh learned   (the learned words of the shipped options)
# The corpus is ../shared/corpus unless -Dtopics.corpus is set in JAVA_TOOL_OPTIONS.
set -eu
cd "$(dirname "$0")/../.."
./mvnw -B -q test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/topics-cp.txt -Dmdep.includeScope=test >/dev/null
exec java -cp "target/test-classes:target/classes:$(cat target/topics-cp.txt)" dev.newsfeed.topic.TopicTune "$@"
