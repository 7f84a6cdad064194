#!/bin/bash
# Times the namespace-root search (docs/edge-cases.md, "A private cgroup namespace without a fresh mount"): the first
# ContainerLimits.detect call of a fresh JVM on a generated cgroup v2 tree of 3,165 groups on tmpfs (three levels,
# fan-outs 15, 14, 14; the process in the last group of the deepest level, so the search reads all 2,940
# candidates' cgroup.procs), with the search (mount root /../../.., 0::/) and without it (mount root /, the group's
# full path). Fresh JVMs alternate between the two; prints each run, then median and minimum per mode.
# Usage: bench/namespace-search.sh [runs] [fan-out...]   (default 9 runs of each; java from PATH or $JAVA)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-9}
shift || true
mvn -q -o -B -pl core test-compile
tree=$(mktemp -d /dev/shm/namespace-search.XXXXXX)
trap 'rm -rf "$tree"' EXIT
java=${JAVA:-java}
cp=core/target/classes:core/target/test-classes
"$java" -cp "$cp" io.containerlimits.bench.NamespaceSearchBenchmark "$tree" direct "$@" | sed 's/^/first run: /'
for i in $(seq 1 "$runs"); do
  for mode in search direct; do
    "$java" -cp "$cp" io.containerlimits.bench.NamespaceSearchBenchmark "$tree" "$mode" "$@"
  done
done | tee "$tree/runs"
for mode in search direct; do
  awk -v mode="$mode" '$1 == mode { print $2 }' "$tree/runs" | sort -n | awk -v mode="$mode" \
    '{ v[NR] = $1 } END { printf "%s: median %d us, min %d us over %d cold JVMs\n", mode, v[int((NR + 1) / 2)], v[1], NR }'
done
