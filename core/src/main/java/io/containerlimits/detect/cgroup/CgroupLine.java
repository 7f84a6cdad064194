package io.containerlimits.detect.cgroup;

import io.containerlimits.detect.MalformedInputException;
import io.containerlimits.detect.Numbers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One line of {@code /proc/self/cgroup}: {@code hierarchy-ID:controller-list:cgroup-path} (cgroups(7)).
 *
 * <pre>
 * 4:cpu,cpuacct:/docker/0123abcd            -> id 4, [cpu, cpuacct], /docker/0123abcd        (cgroup v1)
 * 0::/system.slice/app.service              -> id 0, [], /system.slice/app.service            (cgroup v2)
 * 11:memory:/kubepods-pod1.slice:cri-containerd:ab  -> id 11, [memory], /kubepods-pod1.slice:cri-containerd:ab
 * </pre>
 *
 * <p>Split on the first two colons only: the path may contain colons (containerd with the systemd driver,
 * JDK-8272124). Immutable.
 */
public final class CgroupLine {

    /** The hierarchy ID of the cgroup v2 line ({@code 0::/...}). */
    private static final String UNIFIED_HIERARCHY_ID = "0";

    /**
     * The kernel's {@code PATH_MAX}: no cgroup path it prints is longer. A longer one is garbage, and walking it would
     * cost time and notes quadratic in its length (found by the fuzz tests: 64 KiB of path took 51 s).
     */
    static final int PATH_MAX = 4096;

    private final String hierarchyId;
    private final List<String> controllers;
    private final String path;

    private CgroupLine(String hierarchyId, List<String> controllers, String path) {
        this.hierarchyId = hierarchyId;
        this.controllers = controllers;
        this.path = path;
    }

    /**
     * Parses one line (without its line terminator).
     *
     * @throws MalformedInputException if there are fewer than two colons, the ID is not a number, or the path does
     *                                 not start with {@code /} or is longer than {@code PATH_MAX}
     */
    public static CgroupLine parse(String line) {
        MalformedInputException.requireText(line, "cgroup line");
        int first = line.indexOf(':');
        int second = first < 0 ? -1 : line.indexOf(':', first + 1);
        if (second < 0) {
            throw new MalformedInputException("cgroup line: fewer than two colons", line);
        }
        String id = line.substring(0, first);
        if (id.isEmpty() || id.startsWith("-") || !Numbers.isInteger(id)) {
            throw new MalformedInputException("cgroup line: hierarchy ID is not a number", line);
        }
        String list = line.substring(first + 1, second);
        String path = line.substring(second + 1);
        if (!path.startsWith("/")) {
            throw new MalformedInputException("cgroup line: path does not start with /", line);
        }
        if (path.length() > PATH_MAX) {
            throw new MalformedInputException("cgroup line: path longer than PATH_MAX (" + PATH_MAX + ")", line);
        }
        List<String> controllers = list.isEmpty()
                ? Collections.<String>emptyList()
                : Collections.unmodifiableList(new ArrayList<String>(Arrays.asList(list.split(",", -1))));
        return new CgroupLine(id, controllers, path);
    }

    /**
     * The hierarchy ID as printed ({@code "0"} for cgroup v2), for tests: detection only asks {@link #isUnified}.
     */
    String hierarchyId() {
        return hierarchyId;
    }

    /** The v1 controllers of this hierarchy, in file order; empty for the v2 line. */
    public List<String> controllers() {
        return controllers;
    }

    /** The cgroup path, relative to the hierarchy's root as this process's cgroup namespace sees it. */
    public String path() {
        return path;
    }

    /** Whether this is the cgroup v2 line: ID 0 and an empty controller list. */
    boolean isUnified() {
        return UNIFIED_HIERARCHY_ID.equals(hierarchyId) && controllers.isEmpty();
    }

    @Override
    public String toString() {
        return hierarchyId + ":" + String.join(",", controllers) + ":" + path;
    }
}
