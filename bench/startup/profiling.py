#!/usr/bin/env python3
"""Where the main thread's CPU goes in JDK 25 Many, by agent variant; run through bench/startup/profile.sh.

Every run is profiled by async-profiler (event=cpu, collapsed stacks, one line per distinct stack with its sample
count, the thread as the first frame). Each sample of the main thread is put in the first bucket of BUCKETS whose
rule matches its stack, and the mean milliseconds per run are printed as a markdown table, one column per variant.
Variants are bench.py's (one definition, see variants()); with a second jar (B) its two container-limits variants
are added, so two builds are compared within one run. The rounds are interleaved, in an order shuffled per round, as
in bench.py. A profile attributes CPU time to code: on a loaded machine it still says where the time goes, while the
wall time of a run says little.
"""
import argparse
import collections
import os
import random
import statistics
import sys
import tempfile
import zipfile

import bench

# Frame names as async-profiler writes them: Java frames `pkg/Class.method`, JVM frames `Class::method`.
HOOK_FRAMES = (
    "JvmtiExport::post_class_file_load_hook",  # the JVM posts the class-file hook for a class it loads ...
    "KlassFactory::check_shared_class_file_load_hook",  # ... and first re-reads the original bytes of a CDS class
    "sun/instrument/InstrumentationImpl.transform",  # JPLIS's upcall into Java with a copy of the bytes
)
PREMAIN_FRAME = "sun/instrument/InstrumentationImpl.loadClassAndCallPremain"  # any agent's premain, and its class
START_AGENT = "sun/instrument/InstrumentationImpl.loadClassAndStartAgent"  # loads the class, then invokes premain
ACCESSOR = "java/lang/reflect/Method.acquireMethodAccessor"  # the first reflective call's set-up
AGENT_PREFIX = "io/containerlimits/"
PRE_FILTER = "CallSiteRewriter.mentionsAvailableProcessors"  # the byte scan every class gets
ASM = "/bytebuddy/"  # Byte Buddy's ASM, shaded (io/containerlimits/shaded/bytebuddy/) or not (net/bytebuddy/)
REWRITE_PREFIX = "io/containerlimits/agent/rewrite/"
DETECT = "ContainerLimits.detect"  # detect, detectForPolicy
APP_MAIN = "Many.main"


def contains(stack, part):
    return any(part in frame for frame in stack)


def transformer_frames(stack):
    """The frames above JPLIS's transform upcall, if the stack is inside the upcall; else None."""
    for i, frame in enumerate(stack):
        if frame == HOOK_FRAMES[2]:
            return stack[i + 1:]
    return None


def premain_part(stack):
    """Which part of JPLIS's premain call a stack is in: loading the agent's class, the reflective call's set-up,
    container-limits' detection, or the rest of premain."""
    for i, frame in enumerate(stack[:-1]):
        if frame == START_AGENT:
            if stack[i + 1].endswith(".loadClass"):
                return "load"
            break
    if contains(stack, ACCESSOR):
        return "accessor"
    if contains(stack, DETECT):
        return "detect"
    return "rest"


def bucket(stack):
    """(bucket, sub-bucket) of one main-thread stack (root first), as named in ROWS. The rules, first match wins:

    1. the transformer's own work: a container-limits frame above `InstrumentationImpl.transform`; within it the
       pre-filter (a `mentionsAvailableProcessors` frame), else ASM (a `/bytebuddy/` frame), else the rewrite (a
       frame of the `io.containerlimits.agent.rewrite` package), else the rest (the transformer's own checks);
    2. the class-file hook + JPLIS upcall: any of HOOK_FRAMES (a no-op agent's null transformer lands here, so this
       is the floor that every transforming agent pays);
    3. premain: `InstrumentationImpl.loadClassAndCallPremain` (loading the agent's class and running premain); within
       it loading the class (a `loadClass` frame right above `loadClassAndStartAgent`: for an agent on the class path
       that is the application class loader's first use, which the app would pay later otherwise), else the set-up
       of the reflective call (`Method.acquireMethodAccessor`), else container-limits' detection (a
       `ContainerLimits.detect*` frame);
    4. everything else (JVM start, opening the agent jar, the app); within it the app's `Many.main`, else the rest.
    """
    above = transformer_frames(stack)
    if above is not None and contains(above, AGENT_PREFIX):
        if contains(above, PRE_FILTER):
            return "transformer", "pre-filter"
        if contains(above, ASM):
            return "transformer", "asm"
        if contains(above, REWRITE_PREFIX):
            return "transformer", "rewrite"
        return "transformer", "rest"
    if any(contains(stack, f) for f in HOOK_FRAMES):
        return "hook", None
    if contains(stack, PREMAIN_FRAME):
        return "premain", premain_part(stack)
    return "other", "app" if contains(stack, APP_MAIN) else "rest"


ROWS = (  # (bucket, sub-bucket or None for the bucket's total, label)
    ("hook", None,
     "class-file hook + JPLIS upcall (`JvmtiClassFileLoadHookPoster` → `InstrumentationImpl.transform`)"),
    ("premain", None, "premain (loading the agent class, running premain)"),
    ("premain", "load", "↳ of which loading the agent's class"),
    ("premain", "accessor", "↳ of which the reflective call's set-up (`Method.acquireMethodAccessor`)"),
    ("premain", "detect", "↳ of which `ContainerLimits.detect*`"),
    ("premain", "rest", "↳ of which the rest of premain"),
    ("transformer", None, "the transformer's own work (container-limits frames in the upcall)"),
    ("transformer", "pre-filter", "↳ of which the pre-filter scan (`mentionsAvailableProcessors`)"),
    ("transformer", "asm", "↳ of which ASM (Byte Buddy's, shaded: `/bytebuddy/` frames)"),
    ("transformer", "rewrite", "↳ of which the rewrite package without ASM (`io.containerlimits.agent.rewrite`)"),
    ("transformer", "rest", "↳ of which the rest of the transformer"),
    ("other", None, "everything else (JVM start, agent jar opening, the app)"),
    ("other", "app", "↳ of which the app's `Many.main` outside the hook"),
    ("other", "rest", "↳ of which the rest (JVM start and exit, opening the agent jar)"),
)
MAIN_THREAD_NAMES = ("main", "DestroyJavaVM")  # the launcher's main thread is renamed when main() returns


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--rounds", type=int, default=8)
    p.add_argument("--warmup", type=int, default=1)
    p.add_argument("--jar", required=True, help="container-limits jar A")
    p.add_argument("--jar-b", default=os.environ.get("CL_JAR_B") or None, help="container-limits jar B (optional)")
    p.add_argument("--noop", required=True)
    p.add_argument("--apps-jar", required=True)
    p.add_argument("--classpath", required=True, help="Many's libraries")
    p.add_argument("--class-list", required=True)
    p.add_argument("--jdk", required=True, help="the JDK home (25)")
    p.add_argument("--profiler", required=True, help="libasyncProfiler.so")
    p.add_argument("--interval-ms", type=int, default=1)
    p.add_argument("--out-dir", required=True, help="where the collapsed stacks of every run are kept")
    p.add_argument("--seed", type=int, default=int(os.environ.get("BENCH_SEED", "17")))
    return p.parse_args()


def profiled_variants(args):
    """(column label, bench.Variant): bench.py's variants for jar A, and B's container-limits ones if given."""
    def of(jar):
        ns = argparse.Namespace(jar=jar, noop=args.noop)
        return {v.key: v for v in bench.variants(ns)}
    a = of(args.jar)
    chosen = [("no-op agent", a["noop"]), ("null transformer (floor)", a["floor"])]
    jars = [("A", a)] + ([("B", of(args.jar_b))] if args.jar_b else [])
    for name, vs in jars:
        chosen += [("%s: nothing to rewrite" % name, vs["idle"]), ("%s: `cpus=1`" % name, vs["rewrite"])]
    return chosen


def read_collapsed(path):
    """{tid: (thread name, Counter of stack tuples -> samples)} of one collapsed file (thread frame first)."""
    threads = {}
    with open(path) as f:
        for line in f:
            stack, _, count = line.rstrip("\n").rpartition(" ")
            if not stack:
                continue
            frames = stack.split(";")
            head = frames[0].strip("[]")
            name, _, tid = head.rpartition("tid=")
            name = name.strip()
            entry = threads.setdefault(tid, [name, collections.Counter()])
            if name and not entry[0]:
                entry[0] = name
            entry[1][tuple(frames[1:])] += int(count)
    return threads


def main_thread(threads):
    tids = [tid for tid, (name, _) in threads.items() if name in MAIN_THREAD_NAMES]
    if len(tids) != 1:
        raise SystemExit("expected one main thread, found %s" % sorted((t, threads[t][0]) for t in tids))
    return tids[0]


def profile_run(args, jdk, app, label, variant, expected_cpus, path):
    """Runs Many once under the profiler; returns (wall ms, main-thread stacks, other threads' samples by name)."""
    agentpath = "-agentpath:%s=start,event=cpu,interval=%dms,threads,collapsed,file=%s" % (
        args.profiler, args.interval_ms, path)
    wall, _, status, out, err = bench.run_process(bench.command(args, jdk, app, variant.agent, [agentpath]), app)
    bench.check(bench.Cell("25", app, variant, expected_cpus), status, out, err)
    threads = read_collapsed(path)
    tid = main_thread(threads)
    others = collections.Counter()
    for t, (name, stacks) in threads.items():
        if t != tid:
            others[name or "(unnamed)"] += sum(stacks.values())
    return wall, threads[tid][1], others


def table(columns, runs, interval_ms):
    """Markdown rows: mean ms per run per bucket, one column per variant."""
    def mean_ms(label, samples):
        return samples * interval_ms / len(runs[label]["walls"])

    def main_row(text, pick, fmt=" %.0f |"):
        return "| %s |" % text + "".join(fmt % mean_ms(c, sum(n for b, s, n in runs[c]["buckets"] if pick(b, s)))
                                         for c in columns)

    def others_row(text, pick):
        return "| %s |" % text + "".join(" %.0f |" % mean_ms(c, sum(n for name, n in runs[c]["others"].items()
                                                                       if pick(name))) for c in columns)

    L = ["| main thread, mean ms per run |" + "".join(" %s |" % c for c in columns), "|---|" + "---|" * len(columns)]
    for bucket_key, sub, text in ROWS:
        def pick(b, s, bucket_key=bucket_key, sub=sub):
            return b == bucket_key and (sub is None or s == sub)
        if sub is not None and not any(n for c in columns for b, s, n in runs[c]["buckets"] if pick(b, s)):
            continue
        L.append(main_row(text, pick))
    L.append(main_row("**main thread, total**", lambda b, s: True, " **%.0f** |"))
    L.append(others_row("other threads (JIT, GC, agent threads), total", lambda name: True))
    L.append(others_row("↳ of which threads named `container-limits*`",
                        lambda name: name.startswith("container-limits")))
    L.append("| wall ms per run, median (profiled, loaded machine: not a timing) |"
             + "".join(" %.0f |" % statistics.median(runs[c]["walls"]) for c in columns))
    return L


def jar_line(name, jar):
    """One line on a jar: its size, whether it has ASM, and whether its Boot-Class-Path resolves. The manifest names
    the jar by its file name (container-limits.jar), relative to the jar's folder: a renamed copy misses it and
    premain takes its fallback for a renamed jar, which costs premain time of its own."""
    with zipfile.ZipFile(jar) as z:
        asm = sum(1 for n in z.namelist() if "bytebuddy/" in n and n.endswith(".class"))
        manifest = z.read("META-INF/MANIFEST.MF").decode(errors="replace").splitlines()
    boot = [l.split(":", 1)[1].split() for l in manifest if l.startswith("Boot-Class-Path:")]
    missing = [e for e in (boot[0] if boot else []) if not os.path.exists(os.path.join(os.path.dirname(jar), e))]
    line = "* %s: `%s`, %d bytes, %s" % (name, jar, os.path.getsize(jar),
                                         "%d Byte Buddy / ASM classes" % asm if asm else "no Byte Buddy / ASM classes")
    if missing:
        line += "; **its Boot-Class-Path `%s` is not next to it** (renamed copy: premain takes the fallback)" % (
            " ".join(missing))
        print("warning: " + line[2:], file=sys.stderr)
    return line


def main():
    args = parse_args()
    app = next(a for a in bench.apps(argparse.Namespace(
        apps_jar=args.apps_jar, classpath=args.classpath, class_list=args.class_list, web="", apps="many")))
    chosen = profiled_variants(args)
    own = bench.jvm_cpus(args, args.jdk)
    if own == "1":
        raise SystemExit("the JVM already counts 1 CPU here: cpus=1 would not make the agent rewrite anything")
    os.makedirs(args.out_dir, exist_ok=True)
    runs = {label: {"buckets": collections.Counter(), "walls": [], "others": collections.Counter(),
                    "stacks": collections.Counter()} for label, _ in chosen}
    rng = random.Random(args.seed)
    load_start = bench.load_average()
    for r in range(args.warmup + args.rounds):
        order = list(chosen)
        rng.shuffle(order)
        for label, variant in order:
            path = os.path.join(args.out_dir, "run-%d-%d.collapsed" % (r, chosen.index((label, variant))))
            wall, stacks, others = profile_run(args, args.jdk, app, label, variant, variant.expected_cpus or own, path)
            if r < args.warmup:
                continue
            cell = runs[label]
            cell["walls"].append(wall)
            cell["others"].update(others)
            cell["stacks"].update(stacks)
            for stack, n in stacks.items():
                b, s = bucket(stack)
                cell["buckets"][(b, s)] += n
        print("round %d/%d done (load %.2f)" % (r + 1 - args.warmup, args.rounds, bench.load_average()),
              file=sys.stderr)
    load_end = bench.load_average()
    for i, (label, _) in enumerate(chosen):  # one merged main-thread profile per variant, e.g. for a flame graph
        with open(os.path.join(args.out_dir, "variant-%d-main.collapsed" % i), "w") as f:
            for stack, n in runs[label]["stacks"].items():
                f.write("%s %d\n" % (";".join(stack), n))
    for cell in runs.values():
        cell["buckets"] = [(b, s, n) for (b, s), n in cell["buckets"].items()]

    columns = [label for label, _ in chosen]
    L = ["JDK 25 Many, async-profiler `event=cpu,interval=%dms,threads`, %d interleaved rounds (+%d warm-up, "
         "discarded), seed %d; load average (1 min) %.2f at the start, %.2f at the end; %s."
         % (args.interval_ms, args.rounds, args.warmup, args.seed, load_start, load_end, bench.jdk_version(args.jdk)),
         "", jar_line("A", args.jar)]
    if args.jar_b:
        L.append(jar_line("B", args.jar_b))
    L += ["", "Columns: " + "; ".join("%s = `%s`" % (label, v.agent) for label, v in chosen), ""]
    L += table(columns, runs, args.interval_ms)
    L += ["", "Collapsed stacks of every run and merged per variant (main thread): `%s`" % args.out_dir]
    print("\n".join(L))


if __name__ == "__main__":
    main()
