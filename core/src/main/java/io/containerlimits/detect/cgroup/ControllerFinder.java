package io.containerlimits.detect.cgroup;

import io.containerlimits.detect.HostFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the hierarchy of one controller ({@code cpu}, {@code memory}) for this process (docs/design.md §3 step 3).
 *
 * <p>A v1 line listing the controller, with a {@code cgroup} mount carrying it in its super options, wins (hybrid
 * hosts: the v1 controllers are the ones enforced). Otherwise the {@code 0::} line with the {@code cgroup2} mount.
 * A v1 line without such a mount, like the lone {@code freezer} line of JDK-8287107, does not decide anything.
 * Several candidate mounts: prefer those under {@link HostFiles#USUAL_CGROUP_MOUNT}, then the first whose root maps
 * the path.
 */
public final class ControllerFinder {

    /** File-system type of a cgroup v1 hierarchy in mountinfo. */
    private static final String CGROUP_V1_TYPE = "cgroup";

    /** File-system type of the unified hierarchy. */
    private static final String CGROUP_V2_TYPE = "cgroup2";

    private ControllerFinder() {
        throw new UnsupportedOperationException();
    }

    /**
     * The hierarchy of {@code controller}, or empty when neither version has it mounted (noted).
     */
    public static Optional<CgroupHierarchy> find(String controller, CgroupTables tables, HostFiles files,
            List<String> notes) {
        for (CgroupLine line : tables.lines()) {
            if (line.controllers().contains(controller)) {
                List<MountInfoEntry> mounts = new ArrayList<MountInfoEntry>();
                for (MountInfoEntry mount : tables.mounts()) {
                    if (mount.fsType().equals(CGROUP_V1_TYPE) && mount.superOptions().contains(controller)) {
                        mounts.add(mount);
                    }
                }
                if (!mounts.isEmpty()) {
                    return Optional.of(hierarchy(CgroupVersion.V1, controller, line, mounts, tables, files, notes));
                }
                notes.add(controller + ": line " + line + " lists it but no cgroup mount carries it: trying v2");
            }
        }
        for (CgroupLine line : tables.lines()) {
            if (line.isUnified()) {
                List<MountInfoEntry> mounts = new ArrayList<MountInfoEntry>();
                for (MountInfoEntry mount : tables.mounts()) {
                    if (mount.fsType().equals(CGROUP_V2_TYPE)) {
                        mounts.add(mount);
                    }
                }
                if (!mounts.isEmpty()) {
                    return Optional.of(hierarchy(CgroupVersion.V2, controller, line, mounts, tables, files, notes));
                }
            }
        }
        notes.add(controller + ": no cgroup v1 mount with it and no cgroup2 mount with a 0:: line");
        return Optional.empty();
    }

    private static CgroupHierarchy hierarchy(CgroupVersion version, String controller, CgroupLine line,
            List<MountInfoEntry> candidates, CgroupTables tables, HostFiles files, List<String> notes) {
        MountInfoEntry mount = choose(candidates, line.path());
        String leaf = PathMapping.leaf(mount, line.path(), files, tables.namespaceSearch(), notes);
        CgroupHierarchy hierarchy = new CgroupHierarchy(version, mount.mountPoint(), leaf, files);
        notes.add(controller + ": " + version.key() + " line " + line + ", mount " + mount.mountPoint() + " (root "
                + mount.root() + (candidates.size() > 1 ? ", chosen from " + candidates.size() + " mounts" : "")
                + "), leaf " + leaf);
        return hierarchy;
    }

    /** Under {@link HostFiles#USUAL_CGROUP_MOUNT} first; among those (or all), the first whose root maps the path. */
    static MountInfoEntry choose(List<MountInfoEntry> candidates, String path) {
        List<MountInfoEntry> usual = new ArrayList<MountInfoEntry>();
        for (MountInfoEntry mount : candidates) {
            String point = mount.mountPoint();
            if (point.equals(HostFiles.USUAL_CGROUP_MOUNT) || point.startsWith(HostFiles.USUAL_CGROUP_MOUNT + "/")) {
                usual.add(mount);
            }
        }
        List<MountInfoEntry> pool = usual.isEmpty() ? candidates : usual;
        for (MountInfoEntry mount : pool) {
            String root = mount.root();
            if (root.equals("/") || root.equals(path) || path.startsWith(root + "/")) {
                return mount;
            }
        }
        return pool.get(0);
    }
}
