#!/bin/sh
# Topic classification speed on one core (TopicSpeed): the seeds' extracted posts and the corpus's labelled posts,
# classified in rounds after a warm-up. Usage: bench/topics/speed.sh [seconds-per-round]
#   bench/topics/speed.sh dump FILE   writes every post's scores and topics, to compare before and after a change
# Run from anywhere; the corpus is ../shared/corpus unless -Dtopics.corpus is given in JAVA_OPTS.
set -eu
cd "$(dirname "$0")/../.."
./mvnw -B -q test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/topics-cp.txt -Dmdep.includeScope=test >/dev/null
# One core: taskset pins the JVM and its JIT and GC threads to CPU 0.
exec taskset -c 0 java -Xmx1g -XX:ActiveProcessorCount=1 ${JAVA_OPTS:-} \
  -cp "target/test-classes:target/classes:$(cat target/topics-cp.txt)" dev.newsfeed.topic.TopicSpeed "$@"
