package io.containerlimits.it.cgroup;

import io.containerlimits.it.support.Prerequisites;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates uniquely named cgroups under the v1 hierarchies of this host and removes every one of them on
 * {@link #close()}: children first, after killing whatever still runs in them, also when the test failed.
 *
 * <p>Every group is named {@code container-limits-test-<label>-<pid>-<n>}, so that what a crashed run leaves behind
 * can be found and removed by hand: {@code rmdir /sys/fs/cgroup/*}{@code /**}{@code /container-limits-test-*} (children
 * first). Use with try-with-resources or through {@link CgroupSandboxExtension}.
 */
public final class CgroupSandbox implements AutoCloseable {

    /** Prefix of every group name, the handle for cleaning up after a crashed run. */
    public static final String NAME_PREFIX = "container-limits-test-";

    /** How long {@link #close()} waits for killed processes to leave a group before giving up on it. */
    private static final Duration EMPTY_TIMEOUT = Duration.ofSeconds(10);

    /** Makes names unique within this JVM; the pid makes them unique across JVMs. */
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** Says which test made a group, for whoever finds one left over. */
    private final String label;

    /** Every group created, in creation order (so parents before their children). */
    private final List<Cgroup> created = new ArrayList<>();

    private CgroupSandbox(String label) {
        this.label = label.replaceAll("[^A-Za-z0-9]+", "-");
    }

    /**
     * Checks the prerequisites (root, the v1 {@code cpu}, {@code cpuset} and {@code memory} hierarchies writable)
     * through {@link Prerequisites#require}: skips the test locally, fails it under {@code CI=true}.
     */
    public static void requirePrerequisites() {
        Prerequisites.require(isRoot(), "root (the cgroup tests create cgroups under /sys/fs/cgroup)");
        for (V1Controller controller : V1Controller.values()) {
            Prerequisites.require(controller.writable(), "a writable cgroup v1 '" + controller.controllerName()
                    + "' hierarchy at " + controller.hierarchy() + " (this test creates groups in it)");
        }
    }

    /** A new, empty sandbox; {@code label} goes into the group names. Checks {@link #requirePrerequisites()}. */
    public static CgroupSandbox open(String label) {
        requirePrerequisites();
        return new CgroupSandbox(label);
    }

    /** A new group of {@code controller} under this JVM's own group; a cpuset group gets its parent's CPUs. */
    public Cgroup create(V1Controller controller) {
        return create(controller, controller.ownGroup());
    }

    /** Creates a group under {@code parent} and records it for removal. */
    Cgroup create(V1Controller controller, Path parent) {
        String name = NAME_PREFIX + label + "-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet();
        Path directory = parent.resolve(name);
        try {
            Files.createDirectory(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create cgroup " + directory, e);
        }
        Cgroup group = new Cgroup(this, controller, directory);
        created.add(group);
        if (controller == V1Controller.CPUSET) {
            // A new cpuset is empty and takes no process until both are set; mems must come first.
            Cgroup parentGroup = new Cgroup(this, controller, parent);
            group.write("cpuset.mems", parentGroup.read("cpuset.mems").trim());
            group.write("cpuset.cpus", parentGroup.read("cpuset.cpus").trim());
        }
        return group;
    }

    /**
     * Kills the processes left in the groups and removes the groups, children first. Tries every group even when
     * one fails, then throws the first failure with the others suppressed.
     */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (int i = created.size() - 1; i >= 0; i--) {
            Cgroup group = created.get(i);
            try {
                remove(group);
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        created.clear();
        if (failure != null) {
            throw failure;
        }
    }

    private static void remove(Cgroup group) {
        if (!Files.isDirectory(group.directory())) {
            return;
        }
        long deadline = System.nanoTime() + EMPTY_TIMEOUT.toNanos();
        List<Long> left = group.processes();
        while (!left.isEmpty()) {
            for (long pid : left) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("processes " + left + " still in " + group + " after kill");
            }
            sleep();
            left = group.processes();
        }
        try {
            // rmdir: the kernel removes a cgroup with its control files in it.
            Files.delete(group.directory());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove cgroup " + group, e);
        }
    }

    private static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.substring("Uid:".length()).trim().split("\\s+")[0].equals("0");
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while emptying cgroups", e);
        }
    }
}
