package io.containerlimits.detect.cgroup;

import io.containerlimits.detect.HostFiles;
import java.util.List;

/**
 * Maps a {@code /proc/self/cgroup} path to the directory that holds its files (docs/design.md §3 step 4).
 *
 * <p>The path is relative to the hierarchy's root as the process's cgroup namespace sees it; the mount's root (field 4
 * of mountinfo) says which directory of the hierarchy appears at the mount point. In order:
 * <ol>
 * <li>a path with a {@code /..} component (the process sits outside its namespace root) ⇒ the mount point, noted;
 * <li>a mount root made only of {@code /..} components (the namespace root is below it: {@code unshare -C} without
 *     a fresh mount) ⇒ the group whose {@code cgroup.procs} lists this process, found by {@link NamespaceRootSearch};
 *     not found ⇒ the rules below;
 * <li>mount root {@code /} ⇒ mount point + path (a host, or a private cgroup namespace);
 * <li>path == mount root ⇒ the mount point (Docker on v1: {@code /docker/<id>} mounted at the controller's directory);
 * <li>path under the mount root ⇒ mount point + the rest;
 * <li>otherwise the first existing mount point + suffix, dropping leading components (a process moved to another
 *     cgroup, JDK-8343191), else the mount point, noted.
 * </ol>
 */
final class PathMapping {

    private PathMapping() {
        throw new UnsupportedOperationException();
    }

    /** The leaf directory, as the process sees it (mount point or below), with a search of its own. */
    static String leaf(MountInfoEntry mount, String path, HostFiles files, List<String> notes) {
        return leaf(mount, path, files, new NamespaceRootSearch(), notes);
    }

    /**
     * The leaf directory, as the process sees it (mount point or below).
     *
     * @param search the detection's search for a namespace root below the mount root, shared by its controllers
     */
    static String leaf(MountInfoEntry mount, String path, HostFiles files, NamespaceRootSearch search,
            List<String> notes) {
        String mountPoint = mount.mountPoint();
        String root = mount.root();
        if (path.equals("/..") || path.contains("/../") || path.endsWith("/..")) {
            notes.add("cgroup path " + path + " leaves the namespace root: using the mount point " + mountPoint
                    + "; limits above it are not visible");
            return mountPoint;
        }
        if (NamespaceRootSearch.levelsBelow(root) > 0) {
            String found = search.leaf(mount, path, files, notes);
            if (found != null) {
                return found;
            }
        }
        if (root.equals("/")) {
            return join(mountPoint, path);
        }
        if (path.equals(root)) {
            return mountPoint;
        }
        if (path.startsWith(root + "/")) {
            return join(mountPoint, path.substring(root.length()));
        }
        String suffix = path;
        while (suffix.length() > 1) {
            String candidate = join(mountPoint, suffix);
            if (files.isDirectory(files.underRoot(candidate))) {
                notes.add("cgroup path " + path + " is not under the mount root " + root + ": using the existing "
                        + candidate);
                return candidate;
            }
            int next = suffix.indexOf('/', 1);
            suffix = next < 0 ? "" : suffix.substring(next);
        }
        notes.add("cgroup path " + path + " is not under the mount root " + root + " and no suffix of it exists: "
                + "using the mount point " + mountPoint);
        return mountPoint;
    }

    /** {@code mountPoint + path} without doubled or trailing slashes. */
    static String join(String mountPoint, String path) {
        String rest = path;
        while (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        if (rest.isEmpty()) {
            return mountPoint;
        }
        return mountPoint.equals("/") ? rest : mountPoint + rest;
    }
}
