package io.containerlimits.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A minimal cgroup v2 tree under a temporary root (docs/design.md §3 step 9), for the agent's own tests. */
final class FixtureRoot {

    private FixtureRoot() {
    }

    /**
     * A container with {@code cpu.max} = {@code cpuMax} ({@code "50000 100000"} is 0.5 CPUs) and {@code memory.max} =
     * {@code memoryMax}, on 2 allowed CPUs and 16 GiB of host memory.
     */
    static Path cgroupV2(Path dir, String cpuMax, String memoryMax) {
        write(dir, "proc/self/cgroup", "0::/\n");
        write(dir, "proc/self/mountinfo",
                "30 23 0:26 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:4 - cgroup2 cgroup2"
                        + " rw,nsdelegate\n");
        write(dir, "proc/self/status", "Name:\tjava\nCpus_allowed_list:\t0-1\n");
        write(dir, "proc/meminfo", "MemTotal:       16777216 kB\n");
        write(dir, "sys/fs/cgroup/cpu.max", cpuMax + "\n");
        write(dir, "sys/fs/cgroup/memory.max", memoryMax + "\n");
        return dir;
    }

    private static void write(Path root, String relative, String content) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.write(file, content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
