#!/bin/sh
# Extraction speed on one core. Usage: bench/extract/run.sh   (from the repository root, after ./mvnw package)
# BENCH_CLASSES=<dir> times another build's extractor (e.g. the previous commit's classes, for runs in turns).
set -eu
cd "$(dirname "$0")/../.."
[ -d target/classes ] || ./mvnw -B -q compile
CLASSES="${BENCH_CLASSES:-target/classes}"
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=runtime >/dev/null
mkdir -p target/bench-extract
javac -d target/bench-extract -cp "$CLASSES:$(cat target/bench-cp.txt)" bench/extract/ExtractBench.java
# One core: taskset pins the JVM and its JIT and GC threads to CPU 0.
exec taskset -c 0 java -Xmx2g -XX:ActiveProcessorCount=1 \
  -cp "target/bench-extract:$CLASSES:$(cat target/bench-cp.txt)" ExtractBench seeds
