#!/usr/bin/env bash
# Start-up benchmark of the container-limits agent: bash bench/startup/run.sh [rounds] [bench.py options]
#
# Interleaves (JDK x app x variant) round-robin for N rounds (default 15) and writes bench/startup-results.md.
# Prepares everything it needs under bench/startup/work/ (gitignored; prepare.sh, shared with profile.sh): Guava
# fetched from Maven Central through Maven, Hello and Many compiled with javac --release 17 into one jar, the no-op
# agent jar, and the Spring Boot app of bench/startup/spring built with Maven (its dependencies copied next to it).
# Trains the CDS archives and AOT caches of the cache variants before the rounds. Builds the container-limits jar
# with Maven if it is missing (set CL_JAR to measure another jar, CL_REBUILD=1 to rebuild it). Refuses to time while
# the load average is above 3 (pass --any-load to time anyway, e.g. to check the harness with one round; or
# --wait-quiet MINUTES to let the untimed training and preflight overlap the end of another job and then wait).
#
# Environment: JDK17, JDK21, JDK25 (JDK homes; 21 defaults to where bin/test stages it), GUAVA_VERSION, BENCH_OUT
# (results file), BENCH_SEED (round order).
set -euo pipefail

rounds="${1:-15}"
shift || true
source "$(dirname "${BASH_SOURCE[0]}")/prepare.sh"
out="${BENCH_OUT:-$root/bench/startup-results.md}"

require_jdks "$jdk17" "$jdk21" "$jdk25"
command -v python3 >/dev/null || { echo "python3 is needed for the timing driver" >&2; exit 2; }
prepare_many

# The Spring Boot app, offline first like the fetches above. Run from a plain class path (CDS archives no nested jar).
spring="$here/spring"
if [ ! -f "$spring/target/web.jar" ] || [ "$spring/pom.xml" -nt "$spring/target/web.jar" ] \
        || [ -n "$(find "$spring/src" -newer "$spring/target/web.jar" -type f)" ]; then
    (cd "$spring" && { mvn -o -q -B package >/dev/null 2>&1 || mvn -q -B package; })
fi
web_cp="$spring/target/web.jar$(printf ':%s' "$spring"/target/lib/*.jar)"

prepare_agent_jar

exec python3 "$here/bench.py" \
    --rounds "$rounds" --out "$out" --jar "$(absolute "$cl_jar")" \
    --noop "$work/noop-agent.jar" --work "$work" --apps-jar "$work/apps.jar" \
    --classpath "$many_cp" --class-list "$work/guava-classes.txt" \
    --web "$web_cp" --jdk "17=$jdk17" --jdk "21=$jdk21" --jdk "25=$jdk25" "$@"
