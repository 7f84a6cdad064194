#!/bin/bash
# The guest half of CgroupV2GuestTest: runs inside the cgroup v2 guest (boot.sh), as root, in the root of a
# cgroup2-only hierarchy, and starts one JVM per (JDK, layout, variant) in a fresh group tree of its own. Every figure
# is checked on the host by the test; this script only sets the limits up, runs the JVMs and keeps what they print.
#
# Input, $V2VM_OUT/params.sh (written by the test):
#   AGENT_JAR        the container-limits.jar the build made (a host path, seen through the read-only share)
#   PROBE_CLASSES    the module's programs (GuestProbe, HeapHog, LiveLimitProgram), Java 8 bytecode
#   JDK_HOMES        "8=/path 11=/path ..."
#   PLAN             "JDK:LAYOUT ..." what to run, in order
#   JOBS             how many JVMs run at once (the guest has 4 CPUs; a 0.5-CPU group leaves most of them idle)
# Output, in $V2VM_OUT:
#   kernel.txt                 uname -r, then /proc/cgroups as this kernel shows it
#   topology.txt               each CPU's topology lists (core_cpus_list, thread_siblings_list), FILE:VALUE a line
#   runs/LAYOUT.JDK.VARIANT.{cmd,out,err,status}   a JVM's command, stdout, stderr, exit status (124: RUN_LIMIT)
#   runs/live.JDK.VARIANT.written              how many lines the live JVM had printed before cpu.max was rewritten
#   runs/hog.flags             what `java -jar container-limits.jar flags` printed in the hog's group
#   timing.txt                 seconds per layout and in all, and the guest's CPU seconds
#
# Layouts (the groups are made under /sys/fs/cgroup/container-limits-test-LAYOUT-JDK-VARIANT):
#   quota-0.5   cpu.max 0.5 and memory.max 256 MiB on the JVM's group (the kernels' blind-JVM check)
#   quota-1.5   cpu.max 1.5 (ceil and floor rounding)
#   parent      cpu.max 0.5 and memory.max 384 MiB on a parent; the JVM in a child with no quota and 1 GiB
#   high-swap   memory.max 512 MiB, memory.high 256 MiB, memory.swap.max 64 MiB
#   cpuset      cpuset.cpus 1-2 of the guest's 0-3
#   nsmount     cpu.max 0.5, memory.max 256 MiB; the JVM in a private cgroup namespace with cgroup2 mounted again
#               inside (as container runtimes do): /proc/self/cgroup says 0::/
#   unshare     cpu.max 0.5, memory.max 256 MiB; the JVM in a private cgroup namespace entered with unshare -C and no
#               fresh mount: /proc/self/cgroup says 0::/, the mount's root reads /..
#   topology    no limit, for a guest booted with 2 cores of 2 threads: the agent with cores=physical
#   kubepods    the kubelet's systemd layout, pod cpu.max 0.5 / memory.max 256 MiB above a container with 1.5 / 512 MiB
#   live        cpu.max 3 at start, rewritten to 0.5 once the JVM prints its first line
#   hog         memory.max 256 MiB and cpu.max 0.5: a heap hog alone, and with the options `flags` printed there
# Variants: alone (the JVM as users start it, no agent), agent (the agent, with -XX:-UseContainerSupport so that the
# JVM itself sees no limit: what the agent reports is its own doing), control (-XX:-UseContainerSupport, no agent; it
# also runs the jar's `json`), floor (quota-1.5: the agent with rounding=floor), physical (topology: the agent with
# cores=physical), hog-alone and hog-flags (hog).
set -u
OUT=${V2VM_OUT:?}
# shellcheck source=/dev/null
. "$OUT/params.sh"
RUNS=$OUT/runs
ROOT=/sys/fs/cgroup
RUN_LIMIT=300
mkdir -p "$RUNS"
{ uname -r; cat /proc/cgroups; } >"$OUT/kernel.txt"
grep -H . /sys/devices/system/cpu/cpu[0-9]*/topology/{core_cpus_list,thread_siblings_list} >"$OUT/topology.txt" 2>&1

home_of() {
  local spec
  for spec in $JDK_HOMES; do [ "${spec%%=*}" = "$1" ] && echo "${spec#*=}"; done
}

# Options that only make start-up bearable under software emulation; none of them touches container detection.
# Every run: C1 only (the C2 compiler threads would eat a 0.5-CPU quota), and for JDK 25 its CDS archive mapped at
# the preferred address (relocating it, ArchiveRelocationMode=1 by default, takes about 20 s per start here).
# Runs other than "alone" also use the serial collector, one compiler thread and no perf data file (half the CPU
# time of a start, measured); "alone" keeps its own choice of collector, whose heap size the table reports.
speed_options() {
  echo -XX:TieredStopAtLevel=1
  [ "$1" -ge 25 ] && echo -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0
  [ "$2" = alone ] || echo -XX:+UseSerialGC -XX:CICompilerCount=1 -XX:-UsePerfData
  # Probe reads Striped64 and the virtual-thread scheduler reflectively (JDK 8 knows no --add-opens)
  [ "$1" -ge 9 ] && echo --add-opens java.base/java.util.concurrent.atomic=ALL-UNNAMED \
    --add-opens java.base/java.lang=ALL-UNNAMED
  return 0
}

# mkgroup DIR [FILE VALUE]...: makes DIR (and its parents, each delegating the controllers to its children) and
# writes the limits.
mkgroup() {
  local dir=$1 parent
  shift
  parent=$(dirname "$dir")
  if [ ! -d "$parent" ]; then mkgroup "$parent"; fi
  [ "$parent" = "$ROOT" ] || echo "+cpu +cpuset +memory +pids" >"$parent/cgroup.subtree_control"
  mkdir -p "$dir"
  while [ $# -gt 1 ]; do
    echo "$2" >"$dir/$1" || echo "cannot write $2 to $dir/$1" >&2
    shift 2
  done
}

# The group tree for LAYOUT under BASE; prints the group the JVM joins.
make_layout() {
  local layout=$1 base=$2 pod container
  case $layout in
    quota-0.5 | nsmount | unshare | hog)
      mkgroup "$base" cpu.max "50000 100000" memory.max 268435456
      echo "$base" ;;
    quota-1.5)
      mkgroup "$base" cpu.max "150000 100000"
      echo "$base" ;;
    parent)
      mkgroup "$base" cpu.max "50000 100000" memory.max 402653184
      mkgroup "$base/app" memory.max 1073741824
      echo "$base/app" ;;
    high-swap)
      mkgroup "$base" memory.max 536870912 memory.high 268435456 memory.swap.max 67108864
      echo "$base" ;;
    cpuset)
      mkgroup "$base" cpuset.cpus 1-2
      echo "$base" ;;
    kubepods)
      pod=$base/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod0f1e2d3c_4b5a_4978_8a9b_0c1d2e3f4a5b.slice
      container=$pod/cri-containerd-5e2b9f0c7d1a4e3b8c6f2a9d0e1b7c4f3a8d6e2b1c9f0a7e5d4c3b2a1f0e9d8c.scope
      mkgroup "$pod" cpu.max "50000 100000" memory.max 268435456
      mkgroup "$container" cpu.max "150000 100000" memory.max 536870912
      echo "$container" ;;
    live)
      mkgroup "$base" cpu.max "300000 100000"
      echo "$base" ;;
    topology)
      mkgroup "$base"
      echo "$base" ;;
    *) echo "unknown layout $layout" >&2; return 1 ;;
  esac
}

# "alone" only where what the JVM itself makes of the layout is worth a column in the table.
variants_of() {
  case $1 in
    quota-0.5 | parent | nsmount | unshare | kubepods) echo alone agent control ;;
    topology) echo physical control ;;
    quota-1.5) echo agent floor control ;;
    hog) echo hog-alone hog-flags ;;
    *) echo agent control ;;
  esac
}

# One JVM: joins its group, then execs java, so that the JVM is inside its limits from its first instruction.
run_jvm() {
  local jdk=$1 layout=$2 variant=$3 home group name options=() main=(v2vm.GuestProbe) env=()
  home=$(home_of "$jdk")
  name=$RUNS/$layout.$jdk.$variant
  group=$(make_layout "$layout" "$ROOT/container-limits-test-$layout-$jdk-$variant") || return
  read -ra options < <(speed_options "$jdk" "$variant" | tr '\n' ' ')
  case $variant in
    alone) [ "$layout" = quota-0.5 ] && options+=(-XshowSettings:system) ;;
    agent) options+=(-XX:-UseContainerSupport "-javaagent:$AGENT_JAR") ;;
    floor) options+=(-XX:-UseContainerSupport "-javaagent:$AGENT_JAR=rounding=floor") ;;
    physical) options+=(-XX:-UseContainerSupport "-javaagent:$AGENT_JAR=cores=physical") ;;
    control) options+=(-XX:-UseContainerSupport); main+=("$AGENT_JAR") ;;
    hog-alone) main=(docker.HeapHog) ;;
    hog-flags) main=(docker.HeapHog); env=("JAVA_TOOL_OPTIONS=$(cat "$RUNS/hog.flags")") ;;
  esac
  [ "$layout" = live ] && main=(cgroup.LiveLimitProgram)
  local launch=(env "${env[@]}" timeout -k 5 "$RUN_LIMIT" "$home/bin/java" "${options[@]}" -cp "$PROBE_CLASSES"
    "io.containerlimits.it.${main[0]}" "${main[@]:1}")
  echo "${launch[*]}" >"$name.cmd"
  if [ "$layout" = unshare ]; then
    # A new cgroup namespace rooted at the group, and nothing mounted again: the old cgroup2 mount now shows its root
    # as /.., and /proc/self/cgroup says 0::/.
    sh -c 'echo $$ >"$1/cgroup.procs" && shift && exec unshare -C "$@"' sh "$group" "${launch[@]}" \
      >"$name.out" 2>"$name.err"
  elif [ "$layout" = nsmount ]; then
    # A new cgroup namespace rooted at the group and a new mount namespace, in which the guest's cgroup2 mount is
    # replaced by a fresh one: the namespace's own view, as a container runtime mounts it.
    sh -c 'echo $$ >"$1/cgroup.procs" && shift && exec unshare -C -m sh -c "umount -l /sys/fs/cgroup && mount -t cgroup2 cgroup2 /sys/fs/cgroup && exec \"\$@\"" sh "$@"' \
      sh "$group" "${launch[@]}" >"$name.out" 2>"$name.err"
  else
    sh -c 'echo $$ >"$1/cgroup.procs" && shift && exec "$@"' sh "$group" "${launch[@]}" >"$name.out" 2>"$name.err"
  fi
  echo $? >"$name.status"
}

# The live layout: LiveLimitProgram prints availableProcessors() and the common pool's parallelism every 100 ms while
# its stdin is open (3 CPUs at start: with the guest's 4 the agent rewrites, and the pool has 2). Once it has
# printed a line the quota is lowered under it; 40 lines later its stdin is closed and it ends.
run_live() {
  local jdk=$1 variant=$2 i
  local group=$ROOT/container-limits-test-live-$jdk-$variant name=$RUNS/live.$jdk.$variant written
  { until [ -e "$name.stop" ]; do sleep 0.2; done; } | run_jvm "$jdk" live "$variant" &
  local pid=$!
  for i in $(seq 1 1200); do
    [ -s "$name.out" ] && break
    kill -0 $pid 2>/dev/null || break
    sleep 0.1
  done
  # Counted before the write, so that no line counted as "before" can show the new quota.
  written=$(wc -l <"$name.out")
  echo "50000 100000" >"$group/cpu.max"
  echo "$written" >"$name.written"
  for i in $(seq 1 300); do
    [ "$(wc -l <"$name.out")" -ge $((written + 40)) ] && break
    sleep 0.1
  done
  touch "$name.stop"
  wait $pid
}

# The options `flags` prints in the hog's group, for the hog-flags runs (JDK 17 runs the command line).
hog_flags() {
  local group
  group=$(make_layout hog "$ROOT/container-limits-test-hog-flags")
  sh -c 'echo $$ >"$1/cgroup.procs" && shift && exec "$@"' sh "$group" "$(home_of 17)/bin/java" \
    $(speed_options 17 flags) -jar "$AGENT_JAR" flags >"$RUNS/hog.flags" 2>"$RUNS/hog.flags.err"
}

started=$(date +%s)
layouts=$(for step in $PLAN; do echo "${step#*:}"; done | awk '!seen[$0]++')
for layout in $layouts; do
  t0=$(date +%s)
  [ "$layout" = hog ] && hog_flags
  for step in $PLAN; do
    [ "${step#*:}" = "$layout" ] || continue
    for variant in $(variants_of "$layout"); do
      while [ "$(jobs -rp | wc -l)" -ge "$JOBS" ]; do wait -n; done
      if [ "$layout" = live ]; then
        run_live "${step%%:*}" "$variant" &
      else
        run_jvm "${step%%:*}" "$layout" "$variant" &
      fi
    done
  done
  wait
  echo "$layout $(($(date +%s) - t0))" >>"$OUT/timing.txt"
done
echo "all $(($(date +%s) - started))" >>"$OUT/timing.txt"
# CPU time of everything since boot, in the guest's own accounting (under emulation about the host's, too)
echo "cpu-seconds $(($(awk '/^usage_usec/ { print $2 }' "$ROOT/cpu.stat") / 1000000))" >>"$OUT/timing.txt"
