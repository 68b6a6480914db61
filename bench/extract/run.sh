#!/bin/sh
# Extraction speed on one core. Usage: bench/extract/run.sh   (from the repository root, after ./mvnw package)
set -eu
cd "$(dirname "$0")/../.."
[ -d target/classes ] || ./mvnw -B -q compile
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=runtime >/dev/null
mkdir -p target/bench-extract
javac -d target/bench-extract -cp "target/classes:$(cat target/bench-cp.txt)" bench/extract/ExtractBench.java
# One core: taskset pins the JVM and its JIT and GC threads to CPU 0.
exec taskset -c 0 java -Xmx2g -XX:ActiveProcessorCount=1 \
  -cp "target/bench-extract:target/classes:$(cat target/bench-cp.txt)" ExtractBench seeds
