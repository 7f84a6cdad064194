#!/bin/sh
# Times ContainerLimits.detect on this machine's root and on a fixture tree (target: median <= 1 ms).
# Usage: bench/detection.sh [iterations] [warm-up]
set -eu
cd "$(dirname "$0")/.."
mvn -q -o -B -pl core test-compile
fixture=core/src/test/resources/fixtures/v2-parent-slice-limit/root
exec java -cp core/target/classes:core/target/test-classes io.containerlimits.bench.DetectionBenchmark \
    "$fixture" "${1:-2000}" "${2:-2000}"
