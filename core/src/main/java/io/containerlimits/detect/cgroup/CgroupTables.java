package io.containerlimits.detect.cgroup;

import io.containerlimits.detect.HostFiles;
import io.containerlimits.detect.MalformedInputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code /proc/self/cgroup} and the cgroup lines of {@code /proc/self/mountinfo}, parsed once per detection.
 *
 * <p>A malformed line is noted and left out; the others still count. The tables are immutable; they carry the
 * detection's {@link NamespaceRootSearch}, which remembers its searches so that the controllers of one hierarchy
 * share one.
 */
public final class CgroupTables {

    private final List<CgroupLine> lines;
    private final List<MountInfoEntry> mounts;
    private final NamespaceRootSearch namespaceSearch = new NamespaceRootSearch();

    CgroupTables(List<CgroupLine> lines, List<MountInfoEntry> mounts) {
        this.lines = Collections.unmodifiableList(lines);
        this.mounts = Collections.unmodifiableList(mounts);
    }

    /**
     * Reads both files.
     *
     * @throws IOException when either cannot be read: then no cgroup value can be known
     */
    public static CgroupTables read(HostFiles files, List<String> notes) throws IOException {
        List<CgroupLine> lines = new ArrayList<CgroupLine>();
        for (String text : files.procSelfCgroup().split("\n")) {
            if (!text.isEmpty()) {
                try {
                    lines.add(CgroupLine.parse(text));
                } catch (MalformedInputException e) {
                    notes.add("ignored a /proc/self/cgroup line: " + e.getMessage());
                }
            }
        }
        List<MountInfoEntry> mounts = new ArrayList<MountInfoEntry>();
        for (String text : files.procSelfMountInfo().split("\n")) {
            // Only cgroup mounts matter; a quick look saves parsing the other few hundred lines.
            if (text.contains(" - cgroup")) {
                try {
                    mounts.add(MountInfoEntry.parse(text));
                } catch (MalformedInputException e) {
                    notes.add("ignored a mountinfo line: " + e.getMessage());
                }
            }
        }
        return new CgroupTables(lines, mounts);
    }

    /** The parsed {@code /proc/self/cgroup} lines, in file order. */
    List<CgroupLine> lines() {
        return lines;
    }

    /** The search for a namespace root below a mount's root, one per detection. */
    NamespaceRootSearch namespaceSearch() {
        return namespaceSearch;
    }

    /** The parsed {@code cgroup} and {@code cgroup2} mounts, in file order. */
    List<MountInfoEntry> mounts() {
        return mounts;
    }
}
