#!/usr/bin/env python3
"""Interleaved start-up benchmark of the container-limits agent; run through bench/startup/run.sh.

Every round runs each (JDK x app x variant) cell once, in an order shuffled per round, so that whatever else the
machine is doing falls on all cells alike: on a shared, noisy machine that is what makes the comparison fair.
Wall time is perf_counter_ns around process start to exit; CPU time is the child's user + sys from getrusage.
Every run's output is checked (exit status 0, the CPU count the variant must give), so a broken agent cannot
produce a fast, meaningless number.
"""
import argparse
import datetime
import os
import platform
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile

HELLO_TARGET_MS = 10.0
MANY_TARGET_PERCENT = 3.0
JAR_TARGET_BYTES = 300 * 1024


class Variant:
    def __init__(self, key, label, agent, expected_cpus=None):
        self.key = key
        self.label = label
        self.agent = agent  # the -javaagent option, or None
        self.expected_cpus = expected_cpus  # None: the JVM's own count, whatever it is on this machine


class Cell:
    def __init__(self, jdk, app, variant, expected_cpus):
        self.jdk = jdk
        self.app = app
        self.variant = variant
        self.expected_cpus = expected_cpus
        self.wall_ms = []
        self.cpu_ms = []
        self.stderr_runs = 0
        self.stderr_sample = ""


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--rounds", type=int, default=15)
    p.add_argument("--warmup", type=int, default=1)
    p.add_argument("--out", required=True)
    p.add_argument("--jar", required=True)
    p.add_argument("--noop", required=True)
    p.add_argument("--classes", required=True)
    p.add_argument("--classpath", required=True)
    p.add_argument("--class-list", required=True)
    p.add_argument("--jdk", action="append", required=True, help="NAME=HOME")
    p.add_argument("--seed", type=int, default=int(os.environ.get("BENCH_SEED", "17")))
    return p.parse_args()


def host_cpus():
    return len(os.sched_getaffinity(0))


def variants(args):
    jar = args.jar
    return [
        Variant("none", "no agent", None),
        Variant("noop", "no-op agent (empty premain)", "-javaagent:" + args.noop),
        # No options: on a host without a CPU limit the agent's count equals the JVM's, so it must change nothing.
        Variant("idle", "container-limits, nothing to rewrite (no options)", "-javaagent:" + jar),
        Variant("rewrite", "container-limits `cpus=1` (transformer + rewrite)", "-javaagent:" + jar + "=cpus=1", "1"),
        # Diagnostic: the count differs (properties set) but no transformer; separates detection from the rewrite.
        Variant("norewrite", "container-limits `cpus=1,rewrite=false` (diagnostic)",
                "-javaagent:" + jar + "=cpus=1,rewrite=false"),
    ]


def command(args, jdk_home, app, agent, extra=()):
    cmd = [os.path.join(jdk_home, "bin", "java")]
    cmd += list(extra)
    if agent:
        cmd.append(agent)
    if app == "hello":
        cmd += ["-cp", args.classes, "Hello"]
    else:
        cmd += ["-cp", args.classes + os.pathsep + args.classpath, "Many", args.class_list]
    return cmd


def jvm_cpus(args, jdk_home):
    """The JVM's own count, from Hello without an agent: what every variant but the rewriting one must print."""
    out = subprocess.run(command(args, jdk_home, "hello", None), stdout=subprocess.PIPE, check=True).stdout.decode()
    return re.search(r"cpus=(\d+)", out).group(1)


def check(cell, result):
    out = result.stdout.decode(errors="replace")
    if result.returncode != 0:
        raise SystemExit("%s %s %s: exit %d\n%s%s" % (cell.jdk, cell.app, cell.variant.key, result.returncode, out,
                                                      result.stderr.decode(errors="replace")))
    match = re.search(r"cpus=(\d+)", out)
    if not match or match.group(1) != cell.expected_cpus:
        raise SystemExit("%s %s %s: expected cpus=%s, got: %s" % (cell.jdk, cell.app, cell.variant.key,
                                                                 cell.expected_cpus, out.strip()))
    if cell.app == "many" and not re.search(r"loaded=\d+ failed=0 ", out):
        raise SystemExit("%s many %s: some classes failed to load: %s" % (cell.jdk, cell.variant.key, out.strip()))


def run_once(args, jdks, cell):
    cmd = command(args, jdks[cell.jdk], cell.app, cell.variant.agent)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter_ns()
    result = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    wall = (time.perf_counter_ns() - start) / 1e6
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = ((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)) * 1000.0
    check(cell, result)
    return wall, cpu, result.stderr.decode(errors="replace")


def load_average():
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


def stats(values):
    q = statistics.quantiles(values, n=4, method="inclusive") if len(values) > 1 else [values[0]] * 3
    return {"median": statistics.median(values), "min": min(values), "iqr": q[2] - q[0]}


def diagnostics(args, jdks, all_variants):
    """One extra run per JDK x app x agent variant: what the agent logs, and which classes it makes the JVM load."""
    rows = []
    logs = []
    for jdk in jdks:
        for app in ("hello", "many"):
            for v in all_variants:
                with tempfile.NamedTemporaryFile(suffix=".log", delete=False) as f:
                    log_path = f.name
                try:
                    cmd = command(args, jdks[jdk], app, v.agent, ["-Xlog:class+load=info:file=" + log_path])
                    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
                    with open(log_path) as f:
                        lines = [l for l in f if "[class,load]" in l]
                finally:
                    os.unlink(log_path)
                ours = [l for l in lines if " io.containerlimits." in l]
                shaded = [l for l in ours if ".shaded." in l]
                not_cds = [l for l in lines if "shared objects file" not in l]
                rows.append((jdk, app, v.key, len(lines), len(not_cds), len(ours), len(shaded),
                             agent_window_ms(lines, "Hello" if app == "hello" else "Many")))
        for v in all_variants:
            if v.agent is None or v.key == "noop":
                continue
            agent = v.agent + ("," if "=" in v.agent else "=") + "log=debug"
            result = subprocess.run(command(args, jdks[jdk], "hello", agent), stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE)
            logs.append((jdk, v.key, agent.split("=", 1)[1] if "=" in agent else "", result.returncode,
                         result.stdout.decode(errors="replace").strip(),
                         result.stderr.decode(errors="replace").rstrip()))
    return rows, logs


def agent_window_ms(lines, main_class):
    """Uptime from java.instrument's first class (the JVM starts on the agents) to the app's main class."""
    def uptime(line):
        return float(re.match(r"\[([0-9.]+)s\]", line).group(1)) * 1000.0
    first = next((l for l in lines if " java.lang.instrument.Instrumentation " in l), None)
    main = next((l for l in lines if " %s " % main_class in l), None)
    return uptime(main) - uptime(first) if first and main else None


def jdk_version(home):
    out = subprocess.run([os.path.join(home, "bin", "java"), "-version"], stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT).stdout.decode(errors="replace").splitlines()
    return out[1].strip() if len(out) > 1 else out[0].strip()


def machine():
    model = "unknown CPU"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    mem_kib = 0
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal:"):
                mem_kib = int(line.split()[1])
    pretty = platform.system()
    if os.path.exists("/etc/os-release"):
        with open("/etc/os-release") as f:
            for line in f:
                if line.startswith("PRETTY_NAME="):
                    pretty = line.split("=", 1)[1].strip().strip('"')
    return "%s, %d CPUs, %.0f GiB, %s, kernel %s" % (model, host_cpus(), mem_kib / 1048576.0, pretty,
                                                     platform.release())


def agent_identity(jar):
    version = "?"
    with zipfile.ZipFile(jar) as z:
        for line in z.read("META-INF/MANIFEST.MF").decode().splitlines():
            if line.startswith("Implementation-Version:"):
                version = line.split(":", 1)[1].strip()
    repo = os.path.dirname(os.path.abspath(__file__))
    commit = subprocess.run(["git", "-C", repo, "describe", "--always", "--dirty"], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL).stdout.decode().strip() or "?"
    return version, commit


def fmt(ms):
    return "%.0f" % ms


def signed(ms):
    return "%+.0f" % ms


def main():
    args = parse_args()
    jdks = dict(j.split("=", 1) for j in args.jdk)
    all_variants = variants(args)
    apps = ("hello", "many")
    own = {j: jvm_cpus(args, home) for j, home in jdks.items()}
    if "1" in own.values():
        raise SystemExit("the JVM already counts 1 CPU here: cpus=1 would not make the agent rewrite anything")
    cells = [Cell(j, a, v, v.expected_cpus or own[j]) for j in jdks for a in apps for v in all_variants]
    by_key = {(c.jdk, c.app, c.variant.key): c for c in cells}

    print("preflight: one checked run per cell", file=sys.stderr)
    for c in cells:
        run_once(args, jdks, c)
    print("diagnostics: class-load counts and agent logs", file=sys.stderr)
    class_rows, logs = diagnostics(args, jdks, all_variants)

    rng = random.Random(args.seed)
    loads = []
    started = datetime.datetime.now(datetime.timezone.utc)
    for r in range(args.warmup + args.rounds):
        loads.append(load_average())
        order = list(cells)
        rng.shuffle(order)
        for c in order:
            wall, cpu, err = run_once(args, jdks, c)
            if r >= args.warmup:
                c.wall_ms.append(wall)
                c.cpu_ms.append(cpu)
                if err.strip():
                    c.stderr_runs += 1
                    c.stderr_sample = err.strip().splitlines()[0]
        print("round %d/%d done (load %.2f)" % (r + 1 - args.warmup, args.rounds, loads[-1]), file=sys.stderr)
    loads.append(load_average())
    finished = datetime.datetime.now(datetime.timezone.utc)

    write_report(args, jdks, apps, all_variants, by_key, class_rows, logs, loads, started, finished)
    write_raw(args, cells)
    print("wrote " + args.out, file=sys.stderr)


def cpu_delta(a, b):
    """CPU time moves less than wall time when other processes compete for the cores: a second view of a delta."""
    return statistics.median(a.cpu_ms) - statistics.median(b.cpu_ms)


def paired_median_delta(a, b):
    return statistics.median([x - y for x, y in zip(a.wall_ms, b.wall_ms)])


def write_raw(args, cells):
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "work", "raw.csv")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write("jdk,app,variant,round,wall_ms,cpu_ms\n")
        for c in cells:
            for i, (w, u) in enumerate(zip(c.wall_ms, c.cpu_ms)):
                f.write("%s,%s,%s,%d,%.2f,%.1f\n" % (c.jdk, c.app, c.variant.key, i + 1, w, u))


def write_report(args, jdks, apps, all_variants, by_key, class_rows, logs, loads, started, finished):
    version, commit = agent_identity(args.jar)
    jar_bytes = os.path.getsize(args.jar)
    app_names = {"hello": "Hello", "many": "Many (Guava)"}
    L = []
    L.append("# Start-up benchmark results")
    L.append("")
    L.append("Generated by `bash bench/startup/run.sh %d`; rerun to refresh. Everything above the Findings section "
             "is generated; that section is written by hand and carried over by the script from the previous file, "
             "so check its date against this run's." % args.rounds)
    L.append("")
    L.append("* Date: %s to %s (UTC)" % (started.strftime("%Y-%m-%d %H:%M"), finished.strftime("%H:%M")))
    L.append("* Machine: %s" % machine())
    for j, home in jdks.items():
        L.append("* JDK %s: `%s` (%s)" % (j, jdk_version(home), home))
    L.append("* Agent: `%s`, version %s, repository at `%s` when measured; jar %d bytes (%.1f KiB)"
             % (os.path.relpath(args.jar, os.getcwd()), version, commit, jar_bytes, jar_bytes / 1024.0))
    L.append("* Rounds: %d measured (+%d warm-up, discarded), order shuffled every round (seed %d)"
             % (args.rounds, args.warmup, args.seed))
    L.append("* Load average (1 min) at each round start: min %.2f, median %.2f, max %.2f"
             % (min(loads), statistics.median(loads), max(loads)))
    L.append("")
    L.append("The machine is shared with other builds and noisy, so absolute times drift from run to run. Every round "
             "runs each JDK x app x variant cell once, in a shuffled order, so a busy moment falls on all cells alike: "
             "compare cells within one column of one run, not across runs. Wall time is measured from process start "
             "to exit (Python `perf_counter_ns`); CPU is the child's user + sys time. Every run is checked: exit "
             "status 0, and the CPU count the app prints is the one the variant must give (so the rewrite really "
             "happened in the `cpus=1` cells).")
    L.append("")
    L.append("Apps: **Hello** prints one line and `availableProcessors()` (so the rewrite has one call site to "
             "patch). **Many** loads every class of Guava (%d names) without initialising them, then runs one "
             "`parallelStream` with a `LongAdder` (common pool and `Striped64` initialised after premain)."
             % sum(1 for _ in open(args.class_list)))
    L.append("")
    L.append("## Wall time, ms: median / min (IQR), CPU median")
    L.append("")
    header = "| variant |" + "".join(" JDK %s %s |" % (j, app_names[a]) for j in jdks for a in apps)
    L.append(header)
    L.append("|---|" + "---|" * (len(jdks) * len(apps)))
    for v in all_variants:
        row = "| %s |" % v.label
        for j in jdks:
            for a in apps:
                c = by_key[(j, a, v.key)]
                s = stats(c.wall_ms)
                row += " %s / %s (%s), cpu %s |" % (fmt(s["median"]), fmt(s["min"]), fmt(s["iqr"]),
                                                    fmt(statistics.median(c.cpu_ms)))
        L.append(row)
    L.append("")

    L.append("## Targets")
    L.append("")
    L.append("Δ = difference of the two cells' medians (the targets are judged on it); paired = median over rounds "
             "of the per-round difference (the two runs of a round ran seconds apart); CPU Δ = difference of the "
             "median user + sys times. Noise = the no-op agent's own wall-time IQR and median − min. When the noise "
             "is larger than a target, a verdict on that target says little: rerun on a quieter machine.")
    L.append("")
    L.append("| JDK | app | comparison | Δ median | paired | CPU Δ median | noise (IQR; med−min) | target | verdict |")
    L.append("|---|---|---|---|---|---|---|---|---|")
    misses = []
    for j in jdks:
        for a in apps:
            noop = by_key[(j, a, "noop")]
            ns = stats(noop.wall_ms)
            noise = "%s; %s" % (fmt(ns["iqr"]), fmt(ns["median"] - ns["min"]))
            rew = by_key[(j, a, "rewrite")]
            d = stats(rew.wall_ms)["median"] - ns["median"]
            pd = paired_median_delta(rew, noop)
            if a == "hello":
                ok = d <= HELLO_TARGET_MS
                target = "≤ %.0f ms" % HELLO_TARGET_MS
                shown = "%s ms" % signed(d)
                if not ok:
                    misses.append("JDK %s Hello: rewrite − no-op = %+.0f ms, %.0f ms over the %.0f ms target"
                                  % (j, d, d - HELLO_TARGET_MS, HELLO_TARGET_MS))
            else:
                pct = 100.0 * d / ns["median"]
                ok = pct <= MANY_TARGET_PERCENT
                target = "≤ %.0f %%" % MANY_TARGET_PERCENT
                shown = "%s ms (%+.1f %%)" % (signed(d), pct)
                if not ok:
                    misses.append("JDK %s Many: rewrite − no-op = %+.1f %% (%+.0f ms), %.1f points over the %.0f %% "
                                  "target" % (j, pct, d, pct - MANY_TARGET_PERCENT, MANY_TARGET_PERCENT))
            L.append("| %s | %s | rewriting − no-op | %s | %s ms | %s ms | %s | %s | %s |"
                     % (j, app_names[a], shown, signed(pd), signed(cpu_delta(rew, noop)), noise, target,
                        "met" if ok else "**missed**"))
            idle = by_key[(j, a, "idle")]
            di = stats(idle.wall_ms)["median"] - ns["median"]
            pdi = paired_median_delta(idle, noop)
            within = abs(di) <= ns["iqr"]
            if not within:
                misses.append("JDK %s %s: nothing-to-rewrite − no-op = %+.0f ms, outside the no-op IQR of %.0f ms"
                              % (j, app_names[a], di, ns["iqr"]))
            L.append("| %s | %s | nothing to rewrite − no-op | %s ms | %s ms | %s ms | %s | within noise (≤ IQR) | %s |"
                     % (j, app_names[a], signed(di), signed(pdi), signed(cpu_delta(idle, noop)), noise,
                        "met" if within else "**missed**"))
    jar_ok = jar_bytes <= JAR_TARGET_BYTES
    if not jar_ok:
        misses.append("jar is %d bytes, %d over the 300 KiB target" % (jar_bytes, jar_bytes - JAR_TARGET_BYTES))
    L.append("| | | jar size | %.1f KiB | | | | ≤ 300 KiB | %s |" % (jar_bytes / 1024.0, "met" if jar_ok else "**missed**"))
    L.append("")
    L.append("Other deltas (medians): ")
    L.append("")
    for j in jdks:
        for a in apps:
            med = {v.key: stats(by_key[(j, a, v.key)].wall_ms)["median"] for v in all_variants}
            L.append("* JDK %s %s: no-op − none %s ms; `rewrite=false` − no-op %s ms; rewriting − `rewrite=false` %s ms"
                     % (j, app_names[a], signed(med["noop"] - med["none"]), signed(med["norewrite"] - med["noop"]),
                        signed(med["rewrite"] - med["norewrite"])))
    L.append("")
    if misses:
        L.append("**Missed:** " + "; ".join(misses) + ".")
    else:
        L.append("All targets met in this run.")
    L.append("")
    noisy = [c for c in by_key.values() if c.stderr_runs]
    if noisy:
        L.append("Runs that printed on stderr (the agent must be quiet by default):")
        L.append("")
        for c in noisy:
            L.append("* JDK %s %s %s: %d runs, e.g. `%s`" % (c.jdk, c.app, c.variant.key, c.stderr_runs,
                                                           c.stderr_sample))
        L.append("")

    L.append("## Where the time goes: classes loaded (`-Xlog:class+load`, one run each)")
    L.append("")
    L.append("Agent window = JVM uptime from the load of `java.lang.instrument.Instrumentation` (the JVM starts on "
             "the agent) to the app's main class: opening the agent jar, premain and what it set off. From the same "
             "single run, so indicative only on a busy machine.")
    L.append("")
    L.append("| JDK | app | variant | classes loaded | not from CDS | `io.containerlimits.*` | of which shaded ASM "
             "| agent window, ms |")
    L.append("|---|---|---|---|---|---|---|---|")
    for row in class_rows:
        L.append("| %s | %s | %s | %d | %d | %d | %d | %s |" % (row[0], app_names[row[1]], row[2], row[3], row[4],
                                                                row[5], row[6], "" if row[7] is None else fmt(row[7])))
    L.append("")
    L.append("## What the agent says about itself (Hello, `log=debug`)")
    L.append("")
    L.append("Checks that the nothing-to-rewrite variant installs no transformer and the `cpus=1` one does.")
    L.append("")
    for jdk, key, options, rc, out, err in logs:
        L.append("JDK %s, %s (`%s`), exit %d, stdout `%s`:" % (jdk, key, options, rc, out))
        L.append("")
        L.append("```")
        L.extend(err.splitlines()[:25] or ["(nothing on stderr)"])
        L.append("```")
        L.append("")
    findings = previous_findings(args.out)
    with open(args.out, "w") as f:
        f.write("\n".join(L).rstrip() + "\n")
        if findings:
            f.write("\n" + findings)


def previous_findings(path):
    """The hand-written "## Findings" section of the previous results file, to the end of that file."""
    if not os.path.exists(path):
        return ""
    with open(path) as f:
        text = f.read()
    at = text.find("\n## Findings")
    return text[at + 1:] if at >= 0 else ""


if __name__ == "__main__":
    main()
