package io.containerlimits.detect.cgroup;

import io.containerlimits.detect.MalformedInputException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One line of {@code /proc/self/mountinfo} (proc(5)), reduced to what detection needs.
 *
 * <pre>
 * 36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue
 * (1)(2)(3)   (4)   (5)      (6)      (7)   (8) (9)   (10)         (11)
 *
 * 219 214 0:29 /docker/ab /sys/fs/cgroup/cpu,cpuacct ro,nosuid - cgroup cgroup rw,cpu,cpuacct
 *   -> root /docker/ab, mount point /sys/fs/cgroup/cpu,cpuacct, type cgroup, super options [rw, cpu, cpuacct]
 * </pre>
 *
 * <p>The number of optional fields (7) varies, so the line is split at the {@code " - "} separator (8), never by
 * field position. The kernel escapes space, tab, newline and backslash in paths as {@code \040}, {@code \011},
 * {@code \012}, {@code \134}; root and mount point are decoded. Super options may contain spaces (WSL), so they are
 * everything after the source field. Immutable.
 */
public final class MountInfoEntry {

    /** Field separator between the per-mount fields and the per-superblock ones (field 8). */
    private static final String SEPARATOR = " - ";

    /** Fields before the separator: ID, parent ID, major:minor, root, mount point, mount options. */
    private static final int MIN_MOUNT_FIELDS = 6;

    /** Index of the root field (4) among the space-separated fields. */
    private static final int ROOT_FIELD = 3;

    /** Index of the mount point field (5). */
    private static final int MOUNT_POINT_FIELD = 4;

    private final String root;
    private final String mountPoint;
    private final String fsType;
    private final List<String> superOptions;

    private MountInfoEntry(String root, String mountPoint, String fsType, List<String> superOptions) {
        this.root = root;
        this.mountPoint = mountPoint;
        this.fsType = fsType;
        this.superOptions = superOptions;
    }

    /**
     * Parses one line (without its line terminator).
     *
     * @throws MalformedInputException if there is no {@code " - "} separator, fewer than six fields before it, no
     *                                 file-system type after it, or a root or mount point that is not absolute
     */
    public static MountInfoEntry parse(String line) {
        MalformedInputException.requireText(line, "mountinfo");
        int separator = line.indexOf(SEPARATOR);
        if (separator < 0) {
            throw new MalformedInputException("mountinfo: no \" - \" separator", line);
        }
        String[] mountFields = line.substring(0, separator).split(" ", -1);
        if (mountFields.length < MIN_MOUNT_FIELDS) {
            throw new MalformedInputException("mountinfo: fewer than six fields before \" - \"", line);
        }
        String root = decode(mountFields[ROOT_FIELD]);
        String mountPoint = decode(mountFields[MOUNT_POINT_FIELD]);
        if (!root.startsWith("/") || !mountPoint.startsWith("/")) {
            throw new MalformedInputException("mountinfo: root or mount point is not absolute", line);
        }
        // fs type, source, then super options (which may themselves contain spaces).
        String[] superFields = line.substring(separator + SEPARATOR.length()).split(" ", 3);
        if (superFields[0].isEmpty()) {
            throw new MalformedInputException("mountinfo: no file-system type", line);
        }
        List<String> options = superFields.length < 3
                ? Collections.<String>emptyList()
                : Collections.unmodifiableList(Arrays.asList(superFields[2].split(",", -1)));
        return new MountInfoEntry(root, mountPoint, decode(superFields[0]), options);
    }

    /** Decodes the kernel's {@code \ooo} octal escapes; anything else, a lone backslash included, stays as it is. */
    static String decode(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder decoded = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && isOctalEscape(field, i)) {
                decoded.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                decoded.append(c);
            }
        }
        return decoded.toString();
    }

    private static boolean isOctalEscape(String field, int backslash) {
        if (backslash + 3 >= field.length()) {
            return false;
        }
        for (int i = backslash + 1; i <= backslash + 3; i++) {
            char d = field.charAt(i);
            if (d < '0' || d > '7') {
                return false;
            }
        }
        // \400 and above are not bytes; the kernel never writes them.
        return field.charAt(backslash + 1) <= '3';
    }

    /** The directory of the mounted file system that appears at the mount point (field 4), decoded. */
    public String root() {
        return root;
    }

    /** Where it is mounted, as this process sees it (field 5), decoded. */
    public String mountPoint() {
        return mountPoint;
    }

    /** {@code cgroup}, {@code cgroup2}, {@code tmpfs}, ... (field 9). */
    public String fsType() {
        return fsType;
    }

    /** Per-superblock options (field 11): for a v1 cgroup mount, its controllers ({@code rw,cpu,cpuacct}). */
    List<String> superOptions() {
        return superOptions;
    }

    @Override
    public String toString() {
        return root + " " + mountPoint + " - " + fsType + " " + String.join(",", superOptions);
    }
}
