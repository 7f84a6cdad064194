package io.containerlimits.it.cgroup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One v1 cgroup a {@link CgroupSandbox} created: write its limits, make children, list its processes.
 *
 * <p>Only the sandbox creates these, so that it can remove every one of them again.
 */
public final class Cgroup {

    /** The CFS period every test uses, 100 ms: the kernel's and Docker's default. */
    public static final long PERIOD_US = 100_000;

    /**
     * Joins the cgroups given as arguments, then becomes the command after them:
     * {@code sh -c SCRIPT sh <n> <dir>... <command>...}. Exit status 125 means a group could not be joined (sh says
     * why on stderr).
     */
    private static final String JOIN_AND_EXEC = "n=$1; shift; "
            + "while [ \"$n\" -gt 0 ]; do echo $$ > \"$1/cgroup.procs\" || exit 125; shift; n=$((n - 1)); done; "
            + "exec \"$@\"";

    /** The sandbox that created this group and removes it. */
    private final CgroupSandbox sandbox;

    /** The controller whose hierarchy this group lives in. */
    private final V1Controller controller;

    /** The group's directory under {@code /sys/fs/cgroup/<controller>}. */
    private final Path directory;

    Cgroup(CgroupSandbox sandbox, V1Controller controller, Path directory) {
        this.sandbox = sandbox;
        this.controller = controller;
        this.directory = directory;
    }

    /**
     * The words that start a command inside {@code groups} (one per controller at most): {@code sh} writes its own
     * pid to each group's {@code cgroup.procs}, then executes the command, so a JVM is inside its limits from its
     * first instruction. For {@code ForkedJvm.through}.
     */
    public static List<String> joinThenExec(Cgroup... groups) {
        List<String> words = new ArrayList<>(List.of("sh", "-c", JOIN_AND_EXEC, "sh", String.valueOf(groups.length)));
        for (Cgroup group : groups) {
            words.add(group.directory().toString());
        }
        return words;
    }

    /** The controller whose hierarchy this group lives in. */
    public V1Controller controller() {
        return controller;
    }

    /** The group's directory. */
    public Path directory() {
        return directory;
    }

    /** A new group inside this one, removed by the sandbox before this one. */
    public Cgroup child() {
        return sandbox.create(controller, directory);
    }

    /**
     * Sets a CFS quota of {@code cpus} CPUs over a period of {@link #PERIOD_US}: {@code 0.5} writes 50000 / 100000.
     */
    public Cgroup cpuQuota(double cpus) {
        requireController(V1Controller.CPU);
        write("cpu.cfs_period_us", String.valueOf(PERIOD_US));
        write("cpu.cfs_quota_us", String.valueOf(Math.round(cpus * PERIOD_US)));
        return this;
    }

    /** Restricts the group to the CPUs of a cpuset list such as {@code 0} or {@code 0-1}. */
    public Cgroup cpus(String cpuList) {
        requireController(V1Controller.CPUSET);
        write("cpuset.cpus", cpuList);
        return this;
    }

    /** Sets {@code memory.limit_in_bytes}. */
    public Cgroup memoryLimit(long bytes) {
        requireController(V1Controller.MEMORY);
        write("memory.limit_in_bytes", String.valueOf(bytes));
        return this;
    }

    /** The process ids in the group now, from {@code cgroup.procs}. */
    public List<Long> processes() {
        return read("cgroup.procs").lines().map(String::trim).filter(s -> !s.isEmpty()).map(Long::valueOf)
                .collect(Collectors.toList());
    }

    /** Writes one control file, failing with the file and value in the message. */
    void write(String file, String value) {
        try {
            Files.writeString(directory.resolve(file), value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + value + " to " + directory.resolve(file), e);
        }
    }

    /** Reads one control file. */
    String read(String file) {
        try {
            return Files.readString(directory.resolve(file), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + directory.resolve(file), e);
        }
    }

    private void requireController(V1Controller expected) {
        if (controller != expected) {
            throw new IllegalStateException(directory + " is a " + controller.controllerName()
                    + " group, not " + expected.controllerName());
        }
    }

    @Override
    public String toString() {
        return directory.toString();
    }
}
