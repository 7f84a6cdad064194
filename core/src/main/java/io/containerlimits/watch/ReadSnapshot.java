package io.containerlimits.watch;

import java.io.Closeable;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * time without deciding anything (memory usage).
 *
 * <p>The checked files stay open and are read again from offset 0 (cgroupfs and procfs produce a fresh content on each
 * read from the start): opening a file costs a cold, interpreted JVM about ten times a read of an open one (12 files:
 * 1.8–5.6 ms against 0.1–0.4 ms, measured under {@code -Xint}), and the watcher's code stays cold at one call a
 * second. {@link #close()} closes them; a file that no longer reads (its cgroup removed) is a change.
 */
final class ReadSnapshot implements Closeable {

    /** Far above any limit file; the detection read each under its own bound. */
    private static final int BOUND = 1 << 20;

    private final List<Checked> files = new ArrayList<Checked>();
    private byte[] buffer = new byte[4096];

    /** @param contents every file a detection read, with what it read */
    ReadSnapshot(Map<Path, String> contents) {
        for (Map.Entry<Path, String> file : contents.entrySet()) {
            String name = String.valueOf(file.getKey().getFileName());
            String part = checked(name, file.getValue());
            if (part != null) {
                files.add(new Checked(file.getKey(), name, part));
            }
        }
    }

    /** True when every checked file reads as it did, in the parts that count. */
    boolean unchanged() {
        for (Checked file : files) {
            try {
                if (file.open == null) {
                    file.open = new RandomAccessFile(file.path.toFile(), "r");
                }
                String now = new String(buffer, 0, readFromStart(file.open), StandardCharsets.UTF_8);
                if (!file.part.equals(checked(file.name, now))) {
                    return false;
                }
            } catch (IOException | UnsupportedOperationException e) {
                return false;
            }
        }
        return true;
    }

    private int readFromStart(RandomAccessFile file) throws IOException {
        file.seek(0);
        int length = 0;
        int n;
        while ((n = file.read(buffer, length, buffer.length - length)) > 0) {
            length += n;
            if (length == buffer.length) {
                if (length >= BOUND) {
                    throw new IOException("larger than " + BOUND + " bytes");
                }
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
        }
        return length;
    }

    /** Closes the files kept open. */
    @Override
    public void close() {
        for (Checked file : files) {
            if (file.open != null) {
                try {
                    file.open.close();
                } catch (IOException e) {
                    // nothing is left to do with it
                }
                file.open = null;
            }
        }
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

    /** The lines of {@code content} that start with {@code prefix}, found without splitting the rest. */
    private static String lines(String content, String prefix) {
        StringBuilder kept = new StringBuilder();
        for (int at = content.indexOf(prefix); at >= 0; at = content.indexOf(prefix, at + 1)) {
            if (at == 0 || content.charAt(at - 1) == '\n') {
                int end = content.indexOf('\n', at);
                kept.append(content, at, end < 0 ? content.length() : end).append('\n');
            }
        }
        return kept.toString();
    }

    /** One checked file: where, its name, the part that counts as the detection read it, and its open handle. */
    private static final class Checked {
        final Path path;
        final String name;
        final String part;
        RandomAccessFile open;

        Checked(Path path, String name, String part) {
            this.path = path;
            this.name = name;
            this.part = part;
        }
    }
}
