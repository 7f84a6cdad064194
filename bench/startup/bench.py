#!/usr/bin/env python3
"""Interleaved start-up benchmark of the container-limits agent; run through bench/startup/run.sh.

Every round runs each (JDK x app x variant) cell once, in an order shuffled per round, so that whatever else the
machine is doing falls on all cells alike: on a shared, noisy machine that is what makes the comparison fair.
Hello and Many are timed from process start to exit; the Spring Boot app (Web) from process start to the first
answer of GET /cpus, after which it is killed. CPU time is the child's user + sys from getrusage (for Web: up to the
kill). Every run's output is checked (exit status 0, the CPU count the variant must give, for Web the JSON answer),
so a broken agent cannot produce a fast, meaningless number. The cache variants run from a CDS archive (JDK 17, 21)
or an AOT cache (JDK 24+) that the script trains first, as the README's "CDS and AOT cache" recipes do.
"""
import argparse
import datetime
import glob
import os
import platform
import random
import re
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile

HELLO_TARGET_MS = 10.0
PERCENT_TARGET = 3.0
FLOOR_PERCENT_TARGET = 1.0
JAR_TARGET_BYTES = 300 * 1024
MAX_LOAD = 3.0
SERVER_TIMEOUT_S = 300.0


class App:
    def __init__(self, key, label, main, classpath, args=(), server=False):
        self.key = key
        self.label = label
        self.main = main
        self.classpath = classpath
        self.args = list(args)
        self.server = server  # timed to the first answer of GET /cpus instead of to its exit


class Variant:
    def __init__(self, key, label, agent, expected_cpus=None, cache=None):
        self.key = key
        self.label = label
        self.agent = agent  # the -javaagent option, or None
        self.expected_cpus = expected_cpus  # None: the JVM's own count, whatever it is on this machine
        self.cache = cache  # None, "plain" (trained without the agent) or "agent" (trained by the README recipe)


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
    p.add_argument("--apps-jar", required=True, help="Hello and Many")
    p.add_argument("--classpath", required=True, help="Many's libraries")
    p.add_argument("--class-list", required=True)
    p.add_argument("--web", required=True, help="the Spring Boot app's class path")
    p.add_argument("--jdk", action="append", required=True, help="NAME=HOME")
    p.add_argument("--apps", default="hello,many,web")
    p.add_argument("--work", required=True, help="where the caches are trained")
    p.add_argument("--seed", type=int, default=int(os.environ.get("BENCH_SEED", "17")))
    p.add_argument("--any-load", action="store_true", help="time even when the load average is above %.0f" % MAX_LOAD)
    p.add_argument("--wait-quiet", type=float, default=0, metavar="MINUTES",
                   help="before timing, wait up to this long for the load average to fall to %.0f" % MAX_LOAD)
    p.add_argument("--no-diagnostics", action="store_true")
    return p.parse_args()


def host_cpus():
    return len(os.sched_getaffinity(0))


def apps(args):
    return [a for a in (
        App("hello", "Hello", "Hello", [args.apps_jar]),
        App("many", "Many (Guava)", "Many", [args.apps_jar] + args.classpath.split(os.pathsep), [args.class_list]),
        App("web", "Web (Spring Boot)", "bench.web.WebApp", args.web.split(os.pathsep), server=True),
    ) if a.key in args.apps.split(",")]


def variants(args):
    jar = args.jar
    return [
        Variant("none", "no agent", None),
        Variant("noop", "no-op agent (empty premain)", "-javaagent:" + args.noop),
        # The floor of any agent that transforms: the JVM posts the class-file hook for every class loaded after
        # premain, and for every CDS class it re-reads the original bytes.
        Variant("floor", "no-op agent + transformer returning null (floor)", "-javaagent:" + args.noop + "=transformer"),
        # No options: on a host without a CPU limit the agent's count equals the JVM's, so it must change nothing.
        Variant("idle", "container-limits, nothing to rewrite (no options)", "-javaagent:" + jar),
        Variant("rewrite", "container-limits `cpus=1` (transformer + rewrite)", "-javaagent:" + jar + "=cpus=1", "1"),
        # Diagnostic: the count differs (properties set) but no transformer; separates detection from the rewrite.
        Variant("norewrite", "container-limits `cpus=1,rewrite=false` (diagnostic)",
                "-javaagent:" + jar + "=cpus=1,rewrite=false"),
        Variant("cache", "no agent, cache trained without it", None, cache="plain"),
        Variant("cacherewrite", "container-limits `cpus=1`, cache trained with the recipe",
                "-javaagent:" + jar + "=cpus=1", "1", cache="agent"),
    ]


def feature(jdk_key):
    return int(jdk_key)


def cache_file(args, jdk, app, kind):
    return os.path.join(args.work, "cache", "%s-%s-%s.%s" % (jdk, app.key, kind, "aot" if feature(jdk) >= 24 else "jsa"))


def cache_options(args, jdk, app, kind):
    path = cache_file(args, jdk, app, kind)
    return ["-XX:AOTCache=" + path] if feature(jdk) >= 24 else ["-XX:SharedArchiveFile=" + path]


def training(args, jdk, app, kind):
    """(options, extra environment) of the run that trains the cache: the README's "CDS and AOT cache" recipes."""
    path = cache_file(args, jdk, app, kind)
    if feature(jdk) >= 24:
        if kind == "plain":
            return ["-XX:AOTCacheOutput=" + path], {}
        # Trained without the agent; without AOT class linking, so that the cache's classes load when first used and
        # are offered to the agent's transformer; with the module and the boot class path the agent brings.
        return ["-XX:AOTCacheOutput=" + path, "-XX:-AOTClassLinking", "--add-modules", "java.instrument",
                "-Xbootclasspath/a:" + args.jar], {}
    if kind == "plain":
        return ["-XX:ArchiveClassesAtExit=" + path], {}
    # JDK 17/21 refuse to archive with an agent attached (unless with a diagnostic flag for testing), and need the
    # same boot class path at run time as at dump time: the agent's Boot-Class-Path, given here by hand.
    return ["-Xbootclasspath/a:" + args.jar, "-XX:ArchiveClassesAtExit=" + path], {}


def command(args, jdk_home, app, agent, extra=(), port=None):
    cmd = [os.path.join(jdk_home, "bin", "java")]
    cmd += list(extra)
    if agent:
        cmd.append(agent)
    cmd += ["-cp", os.pathsep.join(app.classpath), app.main] + app.args
    if app.server:
        cmd.append("--server.port=%d" % port)
    return cmd


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http_get(port, path):
    """The body of GET path, or None while nothing listens on the port."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
            s.sendall(("GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n" % path).encode())
            data = b""
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                data += chunk
    except (ConnectionRefusedError, ConnectionResetError):
        return None
    head, _, body = data.partition(b"\r\n\r\n")
    return body.decode(errors="replace") if head.startswith(b"HTTP/1.1 200") or head.startswith(b"HTTP/1.0 200") \
        else "HTTP error: " + head.decode(errors="replace")


def run_process(cmd, app, env=None, stop="kill"):  # noqa: C901 (one process, two ways to time it)
    """(wall ms, cpu ms, exit status, stdout, stderr); for a server, wall time is to the first answer of /cpus,
    stdout is that answer, and the process is then killed (stop="kill") or asked to exit (stop="exit")."""
    port = free_port() if app.server else None
    if app.server:
        cmd = cmd[:-1] + ["--server.port=%d" % port] if cmd[-1].startswith("--server.port=") else cmd
    full_env = dict(os.environ, **(env or {}))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter_ns()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=full_env)
        answer = None
        if app.server:
            deadline = time.monotonic() + SERVER_TIMEOUT_S
            while answer is None and proc.poll() is None and time.monotonic() < deadline:
                answer = http_get(port, "/cpus")
                if answer is None:
                    time.sleep(0.005)
            wall = (time.perf_counter_ns() - start) / 1e6
            if answer is not None and stop == "exit":
                http_get(port, "/exit")
                proc.wait(timeout=SERVER_TIMEOUT_S)
            elif proc.poll() is None:
                proc.kill()
            status = proc.wait()
            if answer is not None and stop == "kill":
                status = 0
        else:
            status = proc.wait()
            wall = (time.perf_counter_ns() - start) / 1e6
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode(errors="replace")
        stderr = err.read().decode(errors="replace")
    cpu = ((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)) * 1000.0
    if app.server:
        stdout = answer or ("(no answer) " + stdout[-2000:])
    return wall, cpu, status, stdout, stderr


def cell_command(args, jdks, cell):
    extra = cache_options(args, cell.jdk, cell.app, cell.variant.cache) if cell.variant.cache else []
    return command(args, jdks[cell.jdk], cell.app, cell.variant.agent, extra, port=0)


def jvm_cpus(args, jdk_home):
    """The JVM's own count, from Hello without an agent: what every variant but the rewriting one must print."""
    hello = App("hello", "Hello", "Hello", [args.apps_jar])
    out = subprocess.run(command(args, jdk_home, hello, None), stdout=subprocess.PIPE, check=True).stdout.decode()
    return re.search(r"cpus=(\d+)", out).group(1)


CACHE_REJECTED = re.compile(r"\[(error|warning)\s*\]\[(cds|aot)|Unable to use shared archive|Sharing is only supported")


def check(cell, status, out, err):
    where = "%s %s %s" % (cell.jdk, cell.app.key, cell.variant.key)
    if status != 0:
        raise SystemExit("%s: exit %d\n%s%s" % (where, status, out, err))
    pattern = r'"cpus":(\d+)' if cell.app.server else r"cpus=(\d+)"
    match = re.search(pattern, out)
    if not match or match.group(1) != cell.expected_cpus:
        raise SystemExit("%s: expected cpus=%s, got: %s\n%s" % (where, cell.expected_cpus, out.strip(), err[-3000:]))
    if cell.app.key == "many" and not re.search(r"loaded=\d+ failed=0 ", out):
        raise SystemExit("%s: some classes failed to load: %s" % (where, out.strip()))
    if cell.variant.cache and CACHE_REJECTED.search(err):
        raise SystemExit("%s: the JVM did not use the cache:\n%s" % (where, err[-3000:]))


def run_once(args, jdks, cell):
    wall, cpu, status, out, err = run_process(cell_command(args, jdks, cell), cell.app)
    check(cell, status, out, err)
    # A server logs to stdout, not stderr; what is left on stderr is the JVM's or the agent's.
    return wall, cpu, err


def train_caches(args, jdks, all_apps, all_variants):
    kinds = sorted({v.cache for v in all_variants if v.cache})
    os.makedirs(os.path.join(args.work, "cache"), exist_ok=True)
    for jdk, home in jdks.items():
        for app in all_apps:
            for kind in kinds:
                path = cache_file(args, jdk, app, kind)
                if os.path.exists(path):
                    os.unlink(path)
                options, env = training(args, jdk, app, kind)
                cmd = command(args, home, app, None, options, port=0)
                started = time.monotonic()
                _, _, status, out, err = run_process(cmd, app, env, stop="exit")
                # The one-step AOT workflow's create step runs in a child JVM whose failure leaves an empty file.
                if status != 0 or not os.path.exists(path) or os.path.getsize(path) == 0:
                    raise SystemExit("training %s %s %s failed (exit %d):\n%s\n%s" % (jdk, app.key, kind, status,
                                                                                       out[-2000:], err[-3000:]))
                print("trained %s (%.0f s, %d KiB)" % (os.path.basename(path), time.monotonic() - started,
                                                        os.path.getsize(path) // 1024), file=sys.stderr)


def load_average():
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


def stats(values):
    q = statistics.quantiles(values, n=4, method="inclusive") if len(values) > 1 else [values[0]] * 3
    return {"median": statistics.median(values), "min": min(values), "iqr": q[2] - q[0]}


def diagnostics(args, jdks, all_apps, all_variants):
    """One extra run per JDK x app x variant: which classes loaded from where; and what the agent logs (Hello)."""
    rows = []
    logs = []
    for jdk in jdks:
        for app in all_apps:
            for v in all_variants:
                with tempfile.NamedTemporaryFile(suffix=".log", delete=False) as f:
                    log_path = f.name
                try:
                    extra = ["-Xlog:class+load=info:file=" + log_path]
                    if v.cache:
                        extra += cache_options(args, jdk, app, v.cache)
                    _, _, status, _, err = run_process(command(args, jdks[jdk], app, v.agent, extra, port=0), app)
                    if status != 0:
                        raise SystemExit("diagnostic run %s %s %s: exit %d\n%s" % (jdk, app.key, v.key, status, err))
                    with open(log_path) as f:
                        lines = [l for l in f if "[class,load]" in l]
                finally:
                    os.unlink(log_path)
                ours = [l for l in lines if " io.containerlimits." in l]
                not_cds = [l for l in lines if "shared objects file" not in l]
                rows.append((jdk, app, v.key, len(lines), len(not_cds), len(ours), agent_window_ms(lines, app.main)))
        hello = next((a for a in all_apps if a.key == "hello"), None)
        for v in all_variants:
            if hello is None or v.agent is None or v.key in ("noop", "floor") or v.cache:
                continue
            agent = v.agent + ("," if "=" in v.agent else "=") + "log=debug"
            _, _, status, out, err = run_process(command(args, jdks[jdk], hello, agent), hello)
            logs.append((jdk, v.key, agent.split("=", 1)[1] if "=" in agent else "", status, out.strip(), err.rstrip()))
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
    all_apps = apps(args)
    all_variants = variants(args)
    own = {j: jvm_cpus(args, home) for j, home in jdks.items()}
    if "1" in own.values():
        raise SystemExit("the JVM already counts 1 CPU here: cpus=1 would not make the agent rewrite anything")
    cells = [Cell(j, a, v, v.expected_cpus or own[j]) for j in jdks for a in all_apps for v in all_variants]
    by_key = {(c.jdk, c.app.key, c.variant.key): c for c in cells}

    print("training the caches", file=sys.stderr)
    train_caches(args, jdks, all_apps, all_variants)
    print("preflight: one checked run per cell", file=sys.stderr)
    for c in cells:
        run_once(args, jdks, c)
    class_rows, logs = [], []
    if not args.no_diagnostics:
        print("diagnostics: class-load counts and agent logs", file=sys.stderr)
        class_rows, logs = diagnostics(args, jdks, all_apps, all_variants)

    # Training, preflight and diagnostics are not timed, so they may overlap the end of another job; the rounds wait.
    deadline = time.monotonic() + args.wait_quiet * 60
    if load_average() > MAX_LOAD and time.monotonic() < deadline:
        print("waiting up to %.0f min for the load average (%.1f) to fall to %.0f" % (args.wait_quiet, load_average(),
                                                                                     MAX_LOAD), file=sys.stderr)
        while load_average() > MAX_LOAD and time.monotonic() < deadline:
            time.sleep(15)
    if load_average() > MAX_LOAD and not args.any_load:
        raise SystemExit("load average %.1f > %.0f: timings would be noise; rerun in a quiet window (or pass "
                         "--any-load to time anyway)" % (load_average(), MAX_LOAD))
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

    write_report(args, jdks, all_apps, all_variants, by_key, class_rows, logs, loads, started, finished)
    write_raw(args, cells)
    print("wrote " + args.out, file=sys.stderr)


def cpu_delta(a, b):
    """CPU time moves less than wall time when other processes compete for the cores: a second view of a delta."""
    return statistics.median(a.cpu_ms) - statistics.median(b.cpu_ms)


def paired_median_delta(a, b):
    return statistics.median([x - y for x, y in zip(a.wall_ms, b.wall_ms)])


def write_raw(args, cells):
    path = os.path.join(args.work, "raw.csv")
    with open(path, "w") as f:
        f.write("jdk,app,variant,round,wall_ms,cpu_ms\n")
        for c in cells:
            for i, (w, u) in enumerate(zip(c.wall_ms, c.cpu_ms)):
                f.write("%s,%s,%s,%d,%.2f,%.1f\n" % (c.jdk, c.app.key, c.variant.key, i + 1, w, u))


def verdict(delta, limit, noise):
    """met / missed only when the noise (an IQR) cannot turn the answer around; otherwise say so."""
    if delta + noise <= limit:
        return "met"
    if delta - noise > limit:
        return "**missed**"
    return "within noise of the target"


def targets(jdks, all_apps, by_key, misses):
    L = []
    L.append("| JDK | app | comparison | Δ median | paired | CPU Δ median | noise (IQR; med−min) | target | verdict |")
    L.append("|---|---|---|---|---|---|---|---|---|")
    for j in jdks:
        for a in all_apps:
            noop = by_key[(j, a.key, "noop")]
            ns = stats(noop.wall_ms)
            noise = "%s; %s" % (fmt(ns["iqr"]), fmt(ns["median"] - ns["min"]))
            rew = by_key[(j, a.key, "rewrite")]
            rs = stats(rew.wall_ms)
            both = max(ns["iqr"], rs["iqr"])
            d = rs["median"] - ns["median"]
            pd = paired_median_delta(rew, noop)
            if a.key == "hello":
                target = "≤ %.0f ms" % HELLO_TARGET_MS
                shown = "%s ms" % signed(d)
                v = verdict(d, HELLO_TARGET_MS, both)
            else:
                pct = 100.0 * d / ns["median"]
                target = "≤ %.0f %%" % PERCENT_TARGET
                shown = "%s ms (%+.1f %%)" % (signed(d), pct)
                v = verdict(pct, PERCENT_TARGET, 100.0 * both / ns["median"])
            if v != "met":
                misses.append("JDK %s %s rewriting − no-op %s: %s" % (j, a.label, shown, v.strip("*")))
            L.append("| %s | %s | rewriting − no-op | %s | %s ms | %s ms | %s | %s | %s |"
                     % (j, a.label, shown, signed(pd), signed(cpu_delta(rew, noop)), noise, target, v))
            if a.key != "hello":
                floor = by_key[(j, a.key, "floor")]
                fs = stats(floor.wall_ms)
                df = rs["median"] - fs["median"]
                pct = 100.0 * df / fs["median"]
                v = verdict(pct, FLOOR_PERCENT_TARGET, 100.0 * max(fs["iqr"], rs["iqr"]) / fs["median"])
                L.append("| %s | %s | rewriting − floor (null transformer) | %s ms (%+.1f %%) | %s ms | %s ms | %s | "
                         "≤ %.0f %% where the floor is above the no-op agent by more than %.0f %% | %s |"
                         % (j, a.label, signed(df), pct, signed(paired_median_delta(rew, floor)),
                            signed(cpu_delta(rew, floor)), "%s; %s" % (fmt(fs["iqr"]), fmt(fs["median"] - fs["min"])),
                            FLOOR_PERCENT_TARGET, PERCENT_TARGET, v))
            idle = by_key[(j, a.key, "idle")]
            di = stats(idle.wall_ms)["median"] - ns["median"]
            within = abs(di) <= ns["iqr"]
            if not within:
                misses.append("JDK %s %s: nothing-to-rewrite − no-op = %+.0f ms, outside the no-op IQR of %.0f ms"
                              % (j, a.label, di, ns["iqr"]))
            L.append("| %s | %s | nothing to rewrite − no-op | %s ms | %s ms | %s ms | %s | within noise (≤ IQR) | %s |"
                     % (j, a.label, signed(di), signed(paired_median_delta(idle, noop)), signed(cpu_delta(idle, noop)),
                        noise, "met" if within else "**missed**"))
            none = by_key[(j, a.key, "none")]
            cached = by_key[(j, a.key, "cacherewrite")]
            dn = stats(cached.wall_ms)["median"] - stats(none.wall_ms)["median"]
            nn = max(stats(none.wall_ms)["iqr"], stats(cached.wall_ms)["iqr"])
            v = verdict(dn, 0.0, nn)
            if v != "met":
                misses.append("JDK %s %s: agent with its cache − no agent, no cache = %+.0f ms (%s)"
                              % (j, a.label, dn, v.strip("*")))
            L.append("| %s | %s | agent + cache (recipe) − no agent, no cache | %s ms | %s ms | %s ms | %s | < 0 | %s |"
                     % (j, a.label, signed(dn), signed(paired_median_delta(cached, none)), signed(cpu_delta(cached, none)),
                        "%s" % fmt(nn), v))
    return L


def write_report(args, jdks, all_apps, all_variants, by_key, class_rows, logs, loads, started, finished):
    version, commit = agent_identity(args.jar)
    jar_bytes = os.path.getsize(args.jar)
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
    L.append("The machine may be shared, so absolute times drift from run to run. Every round runs each JDK x app x "
             "variant cell once, in a shuffled order, so a busy moment falls on all cells alike: compare cells within "
             "one column of one run, not across runs. Hello and Many are timed from process start to exit; Web from "
             "process start to the first answer of `GET /cpus` (polled every 5 ms), then killed. CPU is the child's "
             "user + sys time (Web: up to the kill). Every run is checked: exit status 0 (Web: an answer), the CPU "
             "count the app reports is the one the variant must give (so the rewrite really happened in the `cpus=1` "
             "cells), and no cache variant ran without its cache (no `[cds]`/`[aot]` warning or error on stderr).")
    L.append("")
    L.append("Apps: **Hello** prints one line and `availableProcessors()` (so the rewrite has one call site to "
             "patch). **Many** loads every class of Guava (%d names) without initialising them, then runs one "
             "`parallelStream` with a `LongAdder` (common pool and `Striped64` initialised after premain). **Web** is "
             "a Spring Boot 3.5 app (embedded Tomcat, Spring MVC, Jackson, Actuator; `bench/startup/spring`) with one "
             "JSON endpoint that reports `availableProcessors()`."
             % sum(1 for _ in open(args.class_list)))
    L.append("")
    L.append("Cache variants: JDK 17 and 21 run from a dynamic CDS archive (`-XX:ArchiveClassesAtExit`, then "
             "`-XX:SharedArchiveFile`), JDK 24+ from an AOT cache (`-XX:AOTCacheOutput`, then `-XX:AOTCache`), each "
             "trained by one run of the same app just before the rounds. *No agent, cache trained without it* is the "
             "plain recipe; *cache trained with the recipe* is the README's \"CDS and AOT cache\" recipe for the "
             "agent: trained without the agent but with `-Xbootclasspath/a:container-limits.jar`, and on 25 also "
             "`-XX:-AOTClassLinking --add-modules java.instrument`.")
    L.append("")
    L.append("## Wall time, ms: median / min (IQR), CPU median")
    L.append("")
    for a in all_apps:
        L.append("### " + a.label)
        L.append("")
        L.append("| variant |" + "".join(" JDK %s |" % j for j in jdks))
        L.append("|---|" + "---|" * len(jdks))
        for v in all_variants:
            row = "| %s |" % v.label
            for j in jdks:
                c = by_key[(j, a.key, v.key)]
                s = stats(c.wall_ms)
                row += " %s / %s (%s), cpu %s |" % (fmt(s["median"]), fmt(s["min"]), fmt(s["iqr"]),
                                                    fmt(statistics.median(c.cpu_ms)))
            L.append(row)
        L.append("")

    L.append("## Targets")
    L.append("")
    L.append("Δ = difference of the two cells' medians (the targets are judged on it); paired = median over rounds "
             "of the per-round difference (the two runs of a round ran seconds apart); CPU Δ = difference of the "
             "median user + sys times. Noise = the no-op agent's own wall-time IQR and median − min. A verdict is "
             "*met* or *missed* only when the larger IQR of the two cells cannot turn it around; otherwise it reads "
             "*within noise of the target*: rerun on a quieter machine. Rewriting may cost ≤ 3 % over the no-op agent "
             "on Many and Web, or, where the null-transformer floor is itself above that, ≤ 1 % over the floor.")
    L.append("")
    misses = []
    L.extend(targets(jdks, all_apps, by_key, misses))
    jar_ok = jar_bytes <= JAR_TARGET_BYTES
    if not jar_ok:
        misses.append("jar is %d bytes, %d over the 300 KiB target" % (jar_bytes, jar_bytes - JAR_TARGET_BYTES))
    L.append("| | | jar size | %.1f KiB | | | | ≤ 300 KiB | %s |" % (jar_bytes / 1024.0, "met" if jar_ok else "**missed**"))
    L.append("")
    L.append("Other deltas (medians): ")
    L.append("")
    for j in jdks:
        for a in all_apps:
            med = {v.key: stats(by_key[(j, a.key, v.key)].wall_ms)["median"] for v in all_variants}
            L.append("* JDK %s %s: no-op − none %s ms; floor − no-op %s ms; `rewrite=false` − no-op %s ms; rewriting − "
                     "`rewrite=false` %s ms; cache, no agent − none %s ms"
                     % (j, a.label, signed(med["noop"] - med["none"]), signed(med["floor"] - med["noop"]),
                        signed(med["norewrite"] - med["noop"]), signed(med["rewrite"] - med["norewrite"]),
                        signed(med["cache"] - med["none"])))
    L.append("")
    if misses:
        L.append("**Not met or not decided:** " + "; ".join(misses) + ".")
    else:
        L.append("All targets met in this run.")
    L.append("")
    noisy = [c for c in by_key.values() if c.stderr_runs]
    if noisy:
        L.append("Runs that printed on stderr (the agent must be quiet by default):")
        L.append("")
        for c in noisy:
            L.append("* JDK %s %s %s: %d runs, e.g. `%s`" % (c.jdk, c.app.key, c.variant.key, c.stderr_runs,
                                                           c.stderr_sample))
        L.append("")

    if class_rows:
        L.append("## Where the time goes: classes loaded (`-Xlog:class+load`, one run each)")
        L.append("")
        L.append("Agent window = JVM uptime from the load of `java.lang.instrument.Instrumentation` (the JVM starts on "
                 "the agent) to the app's main class: opening the agent jar, premain and what it set off. From the "
                 "same single run, so indicative only on a busy machine. *Not from CDS* counts the classes not loaded "
                 "from the default CDS archive or the cache.")
        L.append("")
        L.append("| JDK | app | variant | classes loaded | not from CDS | `io.containerlimits.*` | agent window, ms |")
        L.append("|---|---|---|---|---|---|---|")
        for row in class_rows:
            L.append("| %s | %s | %s | %d | %d | %d | %s |" % (row[0], row[1].label, row[2], row[3], row[4], row[5],
                                                               "" if row[6] is None else fmt(row[6])))
        L.append("")
    if logs:
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
