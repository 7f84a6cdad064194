package io.containerlimits.detect.cgroup;

import io.containerlimits.detect.HostFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where one controller's files are for this process: the leaf directory and every ancestor up to and including the
 * mount point, as the walk reads them (docs/design.md §3 step 5). Immutable.
 */
public final class CgroupHierarchy {

    private final CgroupVersion version;
    private final List<String> levels;
    private final HostFiles files;

    /**
     * @param leaf       the leaf directory as this process sees it; must be the mount point or below it
     * @param mountPoint the mount point as this process sees it
     */
    CgroupHierarchy(CgroupVersion version, String mountPoint, String leaf, HostFiles files) {
        this.version = version;
        this.files = files;
        List<String> up = new ArrayList<String>();
        String level = leaf;
        up.add(level);
        while (!level.equals(mountPoint) && level.length() > mountPoint.length()) {
            level = parent(level);
            up.add(level);
        }
        this.levels = Collections.unmodifiableList(up);
    }

    private static String parent(String directory) {
        int slash = directory.lastIndexOf('/');
        return slash <= 0 ? "/" : directory.substring(0, slash);
    }

    public CgroupVersion version() {
        return version;
    }

    /** The leaf directory, as this process sees it. */
    String leaf() {
        return levels.get(0);
    }

    /** The directories from the leaf (index 0) up to the mount point (last), as this process sees them. */
    List<String> levels() {
        return levels;
    }

    /** The directory of {@code level} under the detection root, for reading. */
    Path directory(int level) {
        return files.underRoot(levels.get(level));
    }

    /** The file reader shared by the whole detection. */
    HostFiles files() {
        return files;
    }

    /** Names a file at a level for notes and sources: {@code /sys/fs/cgroup/a/cpu.max (level 2 of 3 from the leaf)}. */
    String describe(int level, String file) {
        return levels.get(level) + "/" + file + " (level " + (level + 1) + " of " + levels.size() + " from the leaf)";
    }

    /** {@code "v2 /sys/fs/cgroup/system.slice/app.service"}. */
    @Override
    public String toString() {
        return version.key() + " " + leaf();
    }
}
