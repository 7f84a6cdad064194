package io.containerlimits.watch;

import io.containerlimits.detect.HostFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * The limit files one detection read, with their contents: re-reading them tells, without parsing, whether a
 * detection could answer anything else about the limits that change on a resize. While every one reads the same, the
 * limits are the same; a file that reads otherwise (or no longer reads) calls for a full detection.
 *
 * <p>Checked once a second: the CPU quota files ({@code cpu.max}, {@code cpu.cfs_quota_us}, {@code cpu.cfs_period_us}),
 * the memory limits ({@code memory.max}, {@code memory.high}, {@code memory.swap.max}, {@code memory.limit_in_bytes},
 * {@code memory.memsw.limit_in_bytes}, the {@code hierarchical_*} lines of {@code memory.stat}) and the
 * {@code Cpus_allowed_list} line of {@code /proc/self/status}. Not checked, and left to {@link Watcher}'s full
 * detection of every minute: what does not change on a resize ({@code /proc/self/cgroup} and mountinfo, which change
 * only when the process moves or mounts do; {@code MemTotal}; {@code memory.use_hierarchy}) and what changes all the
 * time without deciding anything (memory usage). Each file read costs an idle JVM about 0.05–0.1 ms when interpreted
 * (measured): fewer files, less cost.
 */
final class ReadSnapshot {

    /** Far above any file detection reads; the files themselves were read under their own bounds. */
    private static final int BOUND = 1 << 20;

    private final Map<Path, String> contents;

    /** @param contents every file a detection read, with what it read */
    ReadSnapshot(Map<Path, String> contents) {
        this.contents = contents;
    }

    /** True when every checked file reads as it did, in the parts that count. */
    boolean unchanged() {
        for (Map.Entry<Path, String> file : contents.entrySet()) {
            String name = String.valueOf(file.getKey().getFileName());
            String before = checked(name, file.getValue());
            if (before == null) {
                continue;
            }
            String now;
            try {
                now = new String(HostFiles.readBounded(file.getKey(), BOUND, false), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return false;
            }
            if (!before.equals(checked(name, now))) {
                return false;
            }
        }
        return true;
    }

    /** The part of a file named {@code name} that decides a limit on a resize; {@code null} for a file not checked. */
    static String checked(String name, String content) {
        if (name.equals("cpu.max") || name.equals("cpu.cfs_quota_us") || name.equals("cpu.cfs_period_us")
                || name.equals("memory.max") || name.equals("memory.high") || name.equals("memory.swap.max")
                || name.equals("memory.limit_in_bytes") || name.equals("memory.memsw.limit_in_bytes")) {
            return content;
        }
        if (name.equals("memory.stat")) {
            return lines(content, "hierarchical_");
        }
        return name.equals("status") ? lines(content, "Cpus_allowed_list:") : null;
    }

    private static String lines(String content, String prefix) {
        StringBuilder kept = new StringBuilder();
        for (String line : content.split("\n")) {
            if (line.startsWith(prefix)) {
                kept.append(line).append('\n');
            }
        }
        return kept.toString();
    }
}
