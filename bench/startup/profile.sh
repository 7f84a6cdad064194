#!/usr/bin/env bash
# Where the JDK 25 Many start-up time goes, by agent variant: bash bench/startup/profile.sh [rounds] [B.jar]
#
# Profiles JDK 25 running Many (bench.py's app: all of Guava's classes loaded) with async-profiler, N interleaved
# rounds (default 8; +1 warm-up), for the no-op agent, the null transformer (the floor of any transforming agent),
# and container-limits idle (no options) and rewriting (`cpus=1`), and prints a markdown table: the main thread's CPU,
# mean ms per run, split into buckets by frame name (the rules are in profiling.py's bucket()). With a second jar
# (B.jar, or CL_JAR_B=...) its two container-limits variants are profiled in the same rounds, to compare two builds.
# Keep each jar's file name container-limits.jar (copy B into a folder of its own): the manifest's Boot-Class-Path
# names the jar by that name, and a renamed copy makes premain take its slower fallback (the table then says so).
# A profile attributes time to code, so it stays meaningful on a loaded machine where a timing would not: the
# load average at the start and the end is printed with the table.
#
# Prepares Many and the no-op agent as run.sh does (prepare.sh), and fetches async-profiler from Maven Central
# through Maven (tools.profiler:async-profiler, with the native library for this platform), offline first.
# Environment: CL_JAR (jar A; default agent/target/container-limits.jar, built if missing), CL_JAR_B, JDK25, JDK17
# (compiles the apps), ASYNC_PROFILER_VERSION, GUAVA_VERSION, BENCH_SEED.
set -euo pipefail

rounds="${1:-8}"
shift || true
source "$(dirname "${BASH_SOURCE[0]}")/prepare.sh"
jar_b="${1:-${CL_JAR_B:-}}"
profiler_version="${ASYNC_PROFILER_VERSION:-4.2}"

require_jdks "$jdk17" "$jdk25"
command -v python3 >/dev/null || { echo "python3 is needed for the profiling driver" >&2; exit 2; }
case "$(uname -m)" in
    x86_64) platform=linux-x64 ;;
    aarch64) platform=linux-arm64 ;;
    *) echo "async-profiler ships no library for $(uname -m)" >&2; exit 2 ;;
esac
prepare_many
prepare_agent_jar
[ -z "$jar_b" ] || [ -f "$jar_b" ] || { echo "no agent jar B at $jar_b" >&2; exit 2; }

fetch "tools.profiler:async-profiler:$profiler_version:jar:$platform" "async-profiler-$profiler_version-$platform.jar"
profiler_dir="$work/async-profiler-$profiler_version"
if [ ! -f "$profiler_dir/$platform/libasyncProfiler.so" ]; then
    mkdir -p "$profiler_dir"
    unzip -q -o "$work/lib/async-profiler-$profiler_version-$platform.jar" "$platform/*" -d "$profiler_dir"
fi

out_dir="$work/profile"
rm -rf "$out_dir"
exec python3 "$here/profiling.py" \
    --rounds "$rounds" --jar "$(absolute "$cl_jar")" ${jar_b:+--jar-b "$(absolute "$jar_b")"} \
    --noop "$work/noop-agent.jar" --apps-jar "$work/apps.jar" --classpath "$many_cp" \
    --class-list "$work/guava-classes.txt" --jdk "$jdk25" --profiler "$profiler_dir/$platform/libasyncProfiler.so" \
    --out-dir "$out_dir"
