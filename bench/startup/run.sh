#!/usr/bin/env bash
# Start-up benchmark of the container-limits agent: bash bench/startup/run.sh [rounds] [bench.py options]
#
# Interleaves (JDK x app x variant) round-robin for N rounds (default 15) and writes bench/startup-results.md.
# Prepares everything it needs under bench/startup/work/ (gitignored): Guava fetched from Maven Central through
# Maven, Hello and Many compiled with javac --release 17 into one jar, the no-op agent jar, and the Spring Boot app
# of bench/startup/spring built with Maven (its dependencies copied next to it). Trains the CDS archives and AOT
# caches of the cache variants before the rounds. Builds the container-limits jar with Maven if it is missing (set
# CL_JAR to measure another jar, CL_REBUILD=1 to rebuild it). Refuses to time while the load average is above 3
# (pass --any-load to time anyway, e.g. to check the harness with one round).
#
# Environment: JDK17, JDK21, JDK25 (JDK homes; 21 defaults to where bin/test stages it), GUAVA_VERSION, BENCH_OUT
# (results file), BENCH_SEED (round order).
set -euo pipefail

rounds="${1:-15}"
shift || true
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$here/work"
jdk17="${JDK17:-/usr/lib/jvm/java-17-openjdk-amd64}"
jdk21="${JDK21:-${CONTAINER_LIMITS_JDKS:-/var/cache/container-limits/jdks}/jdk21/usr/lib/jvm/java-21-openjdk-amd64}"
jdk25="${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
guava_version="${GUAVA_VERSION:-33.4.8-jre}"
cl_jar="${CL_JAR:-$root/agent/target/container-limits.jar}"
out="${BENCH_OUT:-$root/bench/startup-results.md}"

for jdk in "$jdk17" "$jdk21" "$jdk25"; do
    [ -x "$jdk/bin/java" ] || { echo "no JDK at $jdk (set JDK17 / JDK21 / JDK25)" >&2; exit 2; }
done
command -v python3 >/dev/null || { echo "python3 is needed for the timing driver" >&2; exit 2; }
mkdir -p "$work/lib" "$work/classes" "$work/noop"

# Fetch through Maven from the project root (its pinned dependency plugin), offline first so that a warm ~/.m2 needs
# no network. failureaccess is Guava's one runtime
# dependency: without it the classes that extend AbstractFuture fail to load.
fetch() {
    local artifact="$1" file="$2"
    [ -f "$work/lib/$file" ] && return 0
    (cd "$root" && { mvn -o -q -B -N dependency:copy -Dartifact="$artifact" -DoutputDirectory="$work/lib" >/dev/null 2>&1 \
        || mvn -q -B -N dependency:copy -Dartifact="$artifact" -DoutputDirectory="$work/lib"; })
}
fetch "com.google.guava:guava:$guava_version" "guava-$guava_version.jar"
guava_jar="$work/lib/guava-$guava_version.jar"
failureaccess="$(unzip -p "$guava_jar" "META-INF/maven/com.google.guava/guava/pom.xml" \
    | tr -d ' \n' | grep -o '<artifactId>failureaccess</artifactId><version>[^<]*' | sed 's/.*<version>//')"
fetch "com.google.guava:failureaccess:$failureaccess" "failureaccess-$failureaccess.jar"

# Every class of Guava, by name (module-info and multi-release copies are not loadable by name).
unzip -Z1 "$guava_jar" | grep '\.class$' | grep -v -e '^META-INF/' -e 'module-info' \
    | sed 's/\.class$//; s#/#.#g' > "$work/guava-classes.txt"

"$jdk17/bin/javac" --release 17 -d "$work/classes" "$here/src/Hello.java" "$here/src/Many.java"
# A jar, not a directory: the AOT cache refuses a class path with a non-empty directory in it.
"$jdk17/bin/jar" --create --file "$work/apps.jar" -C "$work/classes" .
"$jdk17/bin/javac" --release 17 -d "$work/noop" "$here/src/NoopAgent.java"
printf 'Premain-Class: NoopAgent\n' > "$work/noop-manifest.txt"
"$jdk17/bin/jar" --create --file "$work/noop-agent.jar" --manifest "$work/noop-manifest.txt" -C "$work/noop" .

# The Spring Boot app, offline first like the fetches above. Run from a plain class path (CDS archives no nested jar).
spring="$here/spring"
if [ ! -f "$spring/target/web.jar" ] || [ "$spring/pom.xml" -nt "$spring/target/web.jar" ] \
        || [ -n "$(find "$spring/src" -newer "$spring/target/web.jar" -type f)" ]; then
    (cd "$spring" && { mvn -o -q -B package >/dev/null 2>&1 || mvn -q -B package; })
fi
web_cp="$spring/target/web.jar$(printf ':%s' "$spring"/target/lib/*.jar)"

if [ -z "${CL_JAR:-}" ] && { [ ! -f "$cl_jar" ] || [ -n "${CL_REBUILD:-}" ]; }; then
    (cd "$root" && { mvn -o -q -B -DskipTests package || mvn -q -B -DskipTests package; })
fi
[ -f "$cl_jar" ] || { echo "no agent jar at $cl_jar" >&2; exit 2; }

exec python3 "$here/bench.py" \
    --rounds "$rounds" --out "$out" --jar "$(cd "$(dirname "$cl_jar")" && pwd)/$(basename "$cl_jar")" \
    --noop "$work/noop-agent.jar" --work "$work" --apps-jar "$work/apps.jar" \
    --classpath "$guava_jar:$work/lib/failureaccess-$failureaccess.jar" --class-list "$work/guava-classes.txt" \
    --web "$web_cp" --jdk "17=$jdk17" --jdk "21=$jdk21" --jdk "25=$jdk25" "$@"
