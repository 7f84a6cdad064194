package io.containerlimits.detect.cgroup;

import io.containerlimits.detect.HostFiles;
import io.containerlimits.detect.MalformedInputException;
import io.containerlimits.detect.proc.ProcStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds this process's own group when its cgroup namespace root lies below the mount's root (docs/design.md §3
 * step 4; docs/edge-cases.md, "A private cgroup namespace without a fresh mount").
 *
 * <p>A process that entered a new cgroup namespace without mounting the hierarchy again ({@code unshare -C}, some
 * sandboxes) sees its paths relative to the namespace root ({@code 0::/}) while the old mount still shows the
 * hierarchy from above: mountinfo gives its root relative to the namespace root, {@code /..} for one level,
 * {@code /../..} for two. Nothing names the directories in between, so the mount point alone would be the host's
 * root. But the number of {@code ..} is the namespace root's depth below the mount point: only the directories at that
 * depth can be it, and the one whose group (namespace root + path) lists this process's pid in {@code cgroup.procs}
 * is it. v1 hierarchies have {@code cgroup.procs} too, so the same search serves both versions.
 *
 * <p>The search first lists the directories down to that depth, at most {@link #DIRECTORY_BOUND} of them, and only
 * then reads the candidates' {@code cgroup.procs}; so whether the bound is exceeded depends on the tree, not on where
 * in it the process sits. Not found, or too many directories: the caller's other rules apply, as before this search
 * existed, and a note says why. One search per mount and path and detection: the cpu and memory controllers of a v2
 * hierarchy share it.
 */
final class NamespaceRootSearch {

    /**
     * Directories listed or tried at most per search. A Kubernetes node at its default 110 pods has some 500 groups, a
     * busy systemd host a few hundred; 4,096 is eight times that. The search's cost grows with the directories: 3,165
     * groups (the process in the last of 2,940 candidates) cost a cold JVM's first detection about half a second more
     * on the shared 2-CPU build machine (bench/namespace-search.sh): the bound keeps the worst case under a second.
     */
    static final int DIRECTORY_BOUND = 4096;

    /** The component a mount root is made of when the namespace root is below it. */
    private static final String UP = "/..";

    private final int bound;

    /** The searches done, by mount point, root and path: the leaf found, or {@code null} for none. */
    private final Map<String, String> done = new HashMap<String, String>();

    NamespaceRootSearch() {
        this(DIRECTORY_BOUND);
    }

    /** @param bound directories listed or tried at most (tests use a small one) */
    NamespaceRootSearch(int bound) {
        this.bound = bound;
    }

    /**
     * How many levels the namespace root is below the mount's root: the {@code /..} components of a mount root made
     * only of them, else 0.
     */
    static int levelsBelow(String mountRoot) {
        if (mountRoot.isEmpty() || mountRoot.length() % UP.length() != 0) {
            return 0;
        }
        for (int at = 0; at < mountRoot.length(); at += UP.length()) {
            if (!mountRoot.startsWith(UP, at)) {
                return 0;
            }
        }
        return mountRoot.length() / UP.length();
    }

    /**
     * The directory of this process's group under {@code mount}, as this process sees it, or {@code null} (noted)
     * when the search cannot tell.
     *
     * @param path the {@code /proc/self/cgroup} path, relative to the namespace root (without {@code /..})
     */
    String leaf(MountInfoEntry mount, String path, HostFiles files, List<String> notes) {
        String key = mount.mountPoint() + "\n" + mount.root() + "\n" + path;
        if (done.containsKey(key)) {
            String leaf = done.get(key);
            notes.add("namespace root below the mount root " + mount.root() + ": "
                    + (leaf == null ? "not found" : leaf) + " (the search already done)");
            return leaf;
        }
        String leaf = search(mount, path, files, notes);
        done.put(key, leaf);
        return leaf;
    }

    private String search(MountInfoEntry mount, String path, HostFiles files, List<String> notes) {
        int depth = levelsBelow(mount.root());
        String what = "namespace root " + depth + " level" + (depth == 1 ? "" : "s") + " below the mount root "
                + mount.root() + " at " + mount.mountPoint();
        String pid;
        try {
            pid = String.valueOf(ProcStatus.pid(files.procSelfStatus()));
        } catch (IOException | MalformedInputException e) {
            notes.add(what + ": own pid unknown (/proc/self/status: " + e.getMessage() + "), not searched");
            return null;
        }
        List<String> level = new ArrayList<String>();
        level.add(mount.mountPoint());
        int visited = 0;
        for (int down = 0; down < depth; down++) {
            List<String> next = new ArrayList<String>();
            for (String directory : level) {
                for (String name : files.subdirectories(files.underRoot(directory))) {
                    if (++visited > bound) {
                        notes.add(what + ": more than " + bound + " directories down to that depth, not searched");
                        return null;
                    }
                    next.add(PathMapping.join(directory, "/" + name));
                }
            }
            level = next;
        }
        int unreadable = 0;
        for (String root : level) {
            String leaf = PathMapping.join(root, path);
            try {
                if (lists(files.cgroupProcs(files.underRoot(leaf)), pid)) {
                    notes.add(what + ": pid " + pid + " is in " + leaf + "/cgroup.procs (" + level.size()
                            + " candidates, " + visited + " directories)");
                    return leaf;
                }
            } catch (IOException e) {
                unreadable++;
            }
        }
        notes.add(what + ": pid " + pid + " in none of the " + level.size() + " candidates' cgroup.procs"
                + (unreadable > 0 ? " (" + unreadable + " missing or unreadable)" : ""));
        return null;
    }

    /** Whether {@code procs} (one pid a line) has a line that is exactly {@code pid}. */
    static boolean lists(String procs, String pid) {
        for (int at = procs.indexOf(pid); at >= 0; at = procs.indexOf(pid, at + 1)) {
            int end = at + pid.length();
            if ((at == 0 || procs.charAt(at - 1) == '\n') && (end == procs.length() || procs.charAt(end) == '\n')) {
                return true;
            }
        }
        return false;
    }
}
