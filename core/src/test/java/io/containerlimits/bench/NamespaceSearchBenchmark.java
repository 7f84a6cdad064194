package io.containerlimits.bench;

import io.containerlimits.ContainerLimits;
import io.containerlimits.Limits;
import io.containerlimits.Setting;
import io.containerlimits.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;

/**
 * The cost of the namespace-root search (docs/edge-cases.md, "A private cgroup namespace without a fresh mount") in a
 * cold JVM: one {@link ContainerLimits#detect(Settings)} call, the first of the process, on a generated cgroup v2 tree
 * whose process sits in the last group (in the search's order) of the deepest level.
 *
 * <p>Usage: {@code NamespaceSearchBenchmark DIR search|direct [FANOUT...]}. The first run makes the tree under
 * {@code DIR} (default fan-outs 15 14 14: 15 + 210 + 2,940 = 3,165 groups, three levels, each group with the 49
 * interface files of a v2 group with cpu, cpuset, io, memory and pids enabled) and two roots that share it:
 * {@code search} shows mount root {@code /../../..} and {@code 0::/} (the search must find the group), {@code direct}
 * mount root {@code /} and the group's full path (the old mapping, no search). Both must find the same limits. Prints
 * one line: the mode, microseconds of that call, what it found. {@code bench/namespace-search.sh} runs it in fresh
 * JVMs and reports median and minimum.
 */
public final class NamespaceSearchBenchmark {

    /** The process id the tree's {@code /proc/self/status} gives, listed in the last group's {@code cgroup.procs}. */
    private static final String PID = "4242";

    /** The interface files of a v2 group with cpu, cpuset, io, memory and pids (kernel 6.1), as in a real tree. */
    private static final String[] INTERFACE_FILES = {"cgroup.controllers", "cgroup.events", "cgroup.freeze",
        "cgroup.kill", "cgroup.max.depth", "cgroup.max.descendants", "cgroup.pressure", "cgroup.stat",
        "cgroup.subtree_control", "cgroup.threads", "cgroup.type", "cpu.idle", "cpu.max.burst", "cpu.pressure",
        "cpu.stat", "cpu.weight", "cpu.weight.nice", "cpuset.cpus", "cpuset.cpus.effective", "cpuset.cpus.partition",
        "cpuset.mems", "cpuset.mems.effective", "io.max", "io.pressure", "io.stat", "io.weight", "memory.current",
        "memory.events", "memory.events.local", "memory.high", "memory.low", "memory.min", "memory.numa_stat",
        "memory.oom.group", "memory.peak", "memory.pressure", "memory.reclaim", "memory.stat", "memory.swap.current",
        "memory.swap.events", "memory.swap.high", "memory.swap.max", "pids.current", "pids.events", "pids.max",
        "pids.peak"};

    private NamespaceSearchBenchmark() {
        throw new UnsupportedOperationException();
    }

    /** See the class comment for the arguments. */
    public static void main(String[] args) throws IOException {
        Path dir = Paths.get(args[0]);
        String mode = args[1];
        int[] fanOut = {15, 14, 14};
        if (args.length > 2) {
            fanOut = new int[args.length - 2];
            for (int i = 2; i < args.length; i++) {
                fanOut[i - 2] = Integer.parseInt(args[i]);
            }
        }
        if (!Files.isDirectory(dir.resolve("cgroup"))) {
            make(dir, fanOut);
        }
        long start = System.nanoTime();
        Limits limits = ContainerLimits.detect(Settings.defaults().with(Setting.ROOT, dir.resolve(mode).toString()));
        long micros = (System.nanoTime() - start) / 1000;
        System.out.println(mode + " " + micros + " us " + limits.detection().cpuCgroup() + " quota "
                + limits.detection().cpuQuota() + " memory " + limits.detection().memoryLimit());
    }

    /** The shared tree under {@code dir/cgroup} and the two roots {@code search} and {@code direct}. */
    private static void make(Path dir, int[] fanOut) throws IOException {
        Path cgroup = dir.resolve("cgroup");
        int groups = group(cgroup, fanOut, 0, "");
        String last = "";
        for (int level = 0; level < fanOut.length; level++) {
            last += "/" + name(level, fanOut[level] - 1);
        }
        Files.write(cgroup.resolve(last.substring(1)).resolve("cgroup.procs"), (PID + "\n").getBytes(
                StandardCharsets.UTF_8));
        write(cgroup.resolve(last.substring(1)).resolve("cpu.max"), "50000 100000");
        write(cgroup.resolve(last.substring(1)).resolve("memory.max"), "268435456");
        String up = "";
        for (int level = 0; level < fanOut.length; level++) {
            up += "/..";
        }
        root(dir.resolve("search"), cgroup, up, "/");
        root(dir.resolve("direct"), cgroup, "/", last);
        System.out.println("made " + groups + " groups (fan-outs " + Arrays.toString(fanOut) + ") in "
                + cgroup + "; the process in " + last);
    }

    private static int group(Path directory, int[] fanOut, int level, String pids) throws IOException {
        Files.createDirectories(directory);
        for (String file : INTERFACE_FILES) {
            write(directory.resolve(file), "");
        }
        write(directory.resolve("cgroup.procs"), pids);
        write(directory.resolve("cpu.max"), "max 100000");
        write(directory.resolve("memory.max"), "max");
        if (level == fanOut.length) {
            return 0;
        }
        int made = 0;
        for (int i = 0; i < fanOut[level]; i++) {
            // a few other processes in every leaf, none of them the benchmark's
            made += 1 + group(directory.resolve(name(level, i)), fanOut, level + 1,
                    level + 1 == fanOut.length ? (10000 + made) + "\n" + (20000 + made) + "\n" : "");
        }
        return made;
    }

    private static String name(int level, int index) {
        return String.format("level%d-%03d.slice", level + 1, index);
    }

    /** A root directory: proc files, and the shared tree linked in at {@code /sys/fs/cgroup}. */
    private static void root(Path root, Path cgroup, String mountRoot, String path) throws IOException {
        Files.createDirectories(root.resolve("proc/self"));
        Files.createDirectories(root.resolve("sys/fs"));
        write(root.resolve("proc/self/status"), "Name:\tjava\nPid:\t" + PID + "\nCpus_allowed_list:\t0-15\n");
        write(root.resolve("proc/meminfo"), "MemTotal:       67108864 kB\n");
        write(root.resolve("proc/self/cgroup"), "0::" + path + "\n");
        write(root.resolve("proc/self/mountinfo"), "35 24 0:30 " + mountRoot
                + " /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime - cgroup2 cgroup2 rw,nsdelegate\n");
        Files.createSymbolicLink(root.resolve("sys/fs/cgroup"), cgroup);
    }

    private static void write(Path file, String content) throws IOException {
        Files.write(file, content.getBytes(StandardCharsets.UTF_8));
    }
}
