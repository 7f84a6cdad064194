#!/usr/bin/env bash
# Start-up of two agent jars side by side: bash bench/startup/compare-jars.sh OLD.jar NEW.jar [rounds]
#
# For a change that must not move start-up (a restructuring, a refactoring): Hello with the agent rewriting
# (`cpus=1`) and idle (no options), on JDK 17 and 25, each round running every (JDK x variant x jar) cell once in a
# shuffled order, so that the machine's noise falls on both jars alike. Prints median, min and IQR of the wall time
# per cell, and the difference of the medians. Environment: JDK17, JDK25 (JDK homes).
set -euo pipefail

[ $# -ge 2 ] || { echo "usage: $0 OLD.jar NEW.jar [rounds]" >&2; exit 2; }
old="$(realpath "$1")"
new="$(realpath "$2")"
rounds="${3:-15}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$here/work/compare"
jdk17="${JDK17:-/usr/lib/jvm/java-17-openjdk-amd64}"
jdk25="${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
mkdir -p "$work"
"$jdk17/bin/javac" --release 17 -d "$work" "$here/src/Hello.java"

exec python3 - "$old" "$new" "$rounds" "$work" "$jdk17" "$jdk25" <<'PY'
import random, statistics, subprocess, sys, time
old, new, rounds, classes, jdk17, jdk25 = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5], sys.argv[6]
cells = [(jdk, variant, jar) for jdk in (("17", jdk17), ("25", jdk25))
         for variant in ("=cpus=1", "") for jar in (("old", old), ("new", new))]
times = {cell: [] for cell in cells}
random.seed(17)
for round_ in range(rounds + 1):  # the first round warms the page cache and is not counted
    random.shuffle(cells)
    for cell in cells:
        (name, home), variant, (label, jar) = cell
        start = time.perf_counter_ns()
        out = subprocess.run([home + "/bin/java", "-javaagent:" + jar + variant, "-cp", classes, "Hello"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=True).stdout.decode()
        wall = (time.perf_counter_ns() - start) / 1e6
        if variant and "cpus=1" not in out:
            sys.exit("%s %s: the agent did not apply: %s" % (name, label, out))
        if round_:
            times[cell].append(wall)
with open("/proc/loadavg") as f:
    print("rounds %d, load average at the end %s" % (rounds, f.read().split()[0]))
print("| JDK | agent | old median (min, IQR) ms | new median (min, IQR) ms | new - old |")
print("|---|---|---|---|---|")
def stats(values):
    q = statistics.quantiles(values, n=4, method="inclusive")
    return statistics.median(values), min(values), q[2] - q[0]
for name, home in (("17", jdk17), ("25", jdk25)):
    for variant in ("=cpus=1", ""):
        o = stats(times[((name, home), variant, ("old", old))])
        n = stats(times[((name, home), variant, ("new", new))])
        print("| %s | %s | %.0f (%.0f, %.0f) | %.0f (%.0f, %.0f) | %+.0f |" % (
            name, "rewriting `cpus=1`" if variant else "idle", o[0], o[1], o[2], n[0], n[1], n[2], n[0] - o[0]))
PY
