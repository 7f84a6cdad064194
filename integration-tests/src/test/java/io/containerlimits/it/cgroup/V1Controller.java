package io.containerlimits.it.cgroup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;

/**
 * The cgroup v1 controllers the tests make groups in, each mounted at {@code /sys/fs/cgroup/<name>} on this host.
 *
 * <p>New groups go under the test JVM's own group of that controller, not under the hierarchy root: on these
 * machines the session already runs in a memory group ({@code /process_api/<id>}), and staying inside it keeps
 * whatever limits and accounting the machine set for us.
 */
public enum V1Controller {
    /** CFS quota: {@code cpu.cfs_quota_us} / {@code cpu.cfs_period_us}. */
    CPU("cpu", "cpu.cfs_quota_us"),
    /** CPU and memory-node affinity: {@code cpuset.cpus}, {@code cpuset.mems}. */
    CPUSET("cpuset", "cpuset.cpus"),
    /** Memory limit: {@code memory.limit_in_bytes}. */
    MEMORY("memory", "memory.limit_in_bytes");

    /** Where the v1 hierarchies are mounted on this host. */
    private static final Path CGROUP_ROOT = Paths.get("/sys/fs/cgroup");

    /** {@code /proc/self/cgroup} lines are {@code id:controllers:path}; the path may contain colons. */
    private static final int CGROUP_LINE_FIELDS = 3;

    /** The controller's name, as in {@code /proc/self/cgroup} and the mount directory. */
    private final String controllerName;

    /** A file only this controller's v1 hierarchy has: its presence says the hierarchy is v1 and mounted. */
    private final String markerFile;

    V1Controller(String controllerName, String markerFile) {
        this.controllerName = controllerName;
        this.markerFile = markerFile;
    }

    /** The controller's name, {@code cpu}, {@code cpuset} or {@code memory}. */
    public String controllerName() {
        return controllerName;
    }

    /** The mount point of the hierarchy, {@code /sys/fs/cgroup/<name>}. */
    public Path hierarchy() {
        return CGROUP_ROOT.resolve(controllerName);
    }

    /** The directory of the group this (test) JVM runs in, from {@code /proc/self/cgroup}. */
    public Path ownGroup() {
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/self/cgroup"))) {
                String[] fields = line.split(":", CGROUP_LINE_FIELDS);
                if (fields.length == CGROUP_LINE_FIELDS
                        && Arrays.asList(fields[1].split(",")).contains(controllerName)) {
                    return hierarchy().resolve(fields[2].substring(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no v1 " + controllerName + " line in /proc/self/cgroup");
    }

    /** True when the v1 hierarchy is mounted and this process may create groups under its own group. */
    public boolean writable() {
        try {
            Path own = ownGroup();
            return Files.isRegularFile(hierarchy().resolve(markerFile)) && Files.isWritable(own)
                    && Files.isWritable(own.resolve("cgroup.procs"));
        } catch (RuntimeException e) {
            return false;
        }
    }
}
