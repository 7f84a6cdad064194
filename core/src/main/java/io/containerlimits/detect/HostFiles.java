package io.containerlimits.detect;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The one place that knows where the kernel's files are: every read of detection goes through here, under one root
 * directory ({@code /} on a real machine, a fixture tree in tests; docs/design.md §3 step 9).
 *
 * <p>No other class of detection spells {@code /proc}, {@code /sys/devices} or {@code /sys/fs/cgroup}: cgroup mount
 * points come from mountinfo and are mapped under the root by {@link #underRoot}. Every read is bounded
 * ({@link #readBounded}, which the agent uses for its own files too), so that a strange file (a device, a huge file,
 * a FIFO that never ends) cannot stall or exhaust the JVM at start-up. Immutable.
 */
public final class HostFiles {

    /**
     * Where cgroup file systems are normally mounted: among several mounts of one controller the one under here is
     * preferred (HotSpot does the same), because extra mounts elsewhere are usually bind mounts for tools.
     */
    public static final String USUAL_CGROUP_MOUNT = "/sys/fs/cgroup";

    /** Where the kernel describes each CPU: {@code online}, {@code cpuN/topology/}. */
    public static final String SYS_CPU = "/sys/devices/system/cpu";

    /** Bound for ordinary files: {@code cpu.max}, {@code memory.stat}, {@code status} are well under 4 KiB. */
    static final int FILE_BOUND = 64 * 1024;

    /** Bound for mountinfo, which grows with every mount (a Kubernetes node shows hundreds of lines). */
    static final int MOUNTINFO_BOUND = 1024 * 1024;

    /**
     * Bound for {@code cgroup.procs}, one pid a line: 1 MiB holds more than 130,000 pids of 7 digits (pid_max is at
     * most 4,194,304), where the ordinary bound would turn a busy group into an unreadable one.
     */
    static final int PROCS_BOUND = 1024 * 1024;

    /** What a read starts with; it doubles up to the bound for longer files. */
    private static final int INITIAL_BUFFER = 8192;

    private final Path root;

    /** Every file read, with its content, for the watcher's change check; {@code null} when nobody asked. */
    private final Map<Path, String> reads;

    /** @param root the directory that plays {@code /} */
    public HostFiles(Path root) {
        this(root, null);
    }

    /**
     * @param root  the directory that plays {@code /}
     * @param reads receives every file read, with its content ({@code null}: not recorded)
     */
    public HostFiles(Path root, Map<Path, String> reads) {
        this.root = root;
        this.reads = reads;
    }

    /** {@code /proc/self/cgroup}: this process's cgroup per hierarchy. */
    public String procSelfCgroup() throws IOException {
        return recorded(underRoot("/proc/self/cgroup"), FILE_BOUND);
    }

    /** {@code /proc/self/mountinfo}: where the cgroup file systems are mounted. */
    public String procSelfMountInfo() throws IOException {
        return recorded(underRoot("/proc/self/mountinfo"), MOUNTINFO_BOUND);
    }

    /** {@code /proc/self/status}: {@code Cpus_allowed_list}, {@code Pid}. */
    public String procSelfStatus() throws IOException {
        return recorded(underRoot("/proc/self/status"), FILE_BOUND);
    }

    /** {@code /proc/meminfo}: {@code MemTotal}. */
    String procMemInfo() throws IOException {
        return recorded(underRoot("/proc/meminfo"), FILE_BOUND);
    }

    /** {@code /sys/devices/system/cpu/online}: the CPUs that are up, in list format. */
    public String sysCpuOnline() throws IOException {
        return read(underRoot(SYS_CPU + "/online"), FILE_BOUND);
    }

    /** {@code /sys/devices/system/cpu/cpu<cpu>/topology/<name>}: where the kernel places one CPU in its core. */
    public String sysCpuTopology(int cpu, String name) throws IOException {
        return read(underRoot(SYS_CPU + "/cpu" + cpu + "/topology/" + name), FILE_BOUND);
    }

    /** The file {@code name} in {@code directory}, read with the ordinary bound. */
    public String read(Path directory, String name) throws IOException {
        return recorded(directory.resolve(name), FILE_BOUND);
    }

    /**
     * The {@code cgroup.procs} of a cgroup directory: the processes in that group (not in its children). Not recorded
     * for the watcher: it changes with every process started, and no limit depends on it.
     */
    public String cgroupProcs(Path directory) throws IOException {
        return read(directory.resolve("cgroup.procs"), PROCS_BOUND);
    }

    /**
     * The names of the subdirectories of {@code directory}, sorted (so that a search visits them in the same order on
     * every run); none when it cannot be listed. One {@code stat} per entry: a cgroup directory holds some 50 interface
     * files, and a child group's name may look like one ({@code kubepods.slice}), so only the file type tells them
     * apart.
     */
    public String[] subdirectories(Path directory) {
        File[] entries = directory.toFile().listFiles();
        if (entries == null) {
            return new String[0];
        }
        List<String> names = new ArrayList<String>();
        for (File entry : entries) {
            if (entry.isDirectory()) {
                names.add(entry.getName());
            }
        }
        Collections.sort(names);
        return names.toArray(new String[0]);
    }

    private String recorded(Path file, int bound) throws IOException {
        String content = read(file, bound);
        if (reads != null) {
            reads.put(file, content);
        }
        return content;
    }

    /** Whether {@code path} is a directory (false when it cannot be checked). */
    public boolean isDirectory(Path path) {
        return Files.isDirectory(path);
    }

    /**
     * {@code absolutePath} as seen from this process, mapped under the root: {@code /sys/fs/cgroup/cpu} becomes
     * {@code <root>/sys/fs/cgroup/cpu}.
     */
    public Path underRoot(String absolutePath) {
        int start = 0;
        while (start < absolutePath.length() && absolutePath.charAt(start) == '/') {
            start++;
        }
        return start == absolutePath.length() ? root : root.resolve(absolutePath.substring(start));
    }

    /**
     * The whole file as UTF-8 (undecodable bytes become U+FFFD, for the parsers to reject).
     *
     * @throws IOException when it is missing ({@link java.nio.file.NoSuchFileException}), unreadable, a directory,
     *                     or longer than {@code bound} bytes
     */
    static String read(Path file, int bound) throws IOException {
        return new String(readBounded(file, bound, false), StandardCharsets.UTF_8);
    }

    /**
     * The bytes of {@code file}, never more than {@code bound}: the one bounded reader, for detection's files and for
     * the agent's {@code /proc/self/cmdline} and option files. {@code /proc} and cgroupfs report a size of 0, so it
     * reads to the end (or to the bound) instead of trusting the size.
     *
     * @param truncate what a longer file gives: its first {@code bound} bytes, or (false) an {@link IOException}
     * @throws IOException when it is missing ({@link java.nio.file.NoSuchFileException}), unreadable or a directory
     */
    public static byte[] readBounded(Path file, int bound, boolean truncate) throws IOException {
        byte[] buffer = new byte[Math.min(bound + 1, INITIAL_BUFFER)];
        int length = 0;
        try (InputStream in = open(file)) {
            int n;
            // One byte past the bound tells a file that is too long from one that fits exactly.
            while (length <= bound && (n = in.read(buffer, length, buffer.length - length)) > 0) {
                length += n;
                if (length == buffer.length && length <= bound) {
                    buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, bound + 1));
                }
            }
        }
        if (length > bound) {
            if (!truncate) {
                throw new IOException(file + ": larger than " + bound + " bytes");
            }
            length = bound;
        }
        return Arrays.copyOf(buffer, length);
    }

    /**
     * A plain {@link FileInputStream} when it opens: {@code Files.newInputStream} costs a fresh JVM about 40 more
     * classes ({@code java.nio.channels}, {@code sun.nio.ch}) on the agent's premain path. When it does not open (or
     * the path is not on the default file system), {@code Files} opens it again, so that a failure is still the
     * precise NIO exception ({@link java.nio.file.NoSuchFileException} for a missing file, which callers rely on).
     */
    private static InputStream open(Path file) throws IOException {
        try {
            return new FileInputStream(file.toFile());
        } catch (FileNotFoundException | UnsupportedOperationException e) {
            return Files.newInputStream(file);
        }
    }
}
