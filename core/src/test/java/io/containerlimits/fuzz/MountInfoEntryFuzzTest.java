package io.containerlimits.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.containerlimits.detect.cgroup.MountInfoEntry;
import org.junit.jupiter.api.Test;

/** {@code /proc/self/mountinfo} lines, captured, from the edge cases and this host's own, then damaged. */
class MountInfoEntryFuzzTest extends ParserFuzzTest<String, MountInfoEntry> {

    /** Absolute paths with the four characters mountinfo escapes, plus unicode. */
    private static final Gen<String> ODD_PATHS = Shapes.paths("ab: \t\n\\0\u00e9", 0, 12, 3);
    private static final Gen<String> ROOTS = Shapes.cgroupPaths();
    private static final Gen<String> SUPER_OPTIONS = Shapes.controllerLists();

    /** A valid cgroup mount, before escaping. */
    record Mount(String root, String mountPoint, String superOptions) {
        String line() {
            return "41 30 0:38 " + escape(root) + " " + escape(mountPoint)
                    + " rw,relatime shared:9 master:1 - cgroup cgroup rw," + superOptions;
        }
    }

    private static final Gen<Mount> MOUNTS = random -> new Mount(ROOTS.next(random), ODD_PATHS.next(random),
            SUPER_OPTIONS.next(random));

    @Override
    String parser() {
        return "MountInfoEntry.parse";
    }

    @Override
    Gen<String> inputs() {
        return Mutations.around(Seeds.lines("mountinfo-lines.txt", "/proc/self/mountinfo"));
    }

    @Override
    MountInfoEntry parse(String line) {
        return MountInfoEntry.parse(line);
    }

    /** docs/edge-cases.md case 21: spaces, tabs, newlines and backslashes in a mount point come back decoded. */
    @Test
    void decodesEscapedPaths() {
        Fuzz.forAll("MountInfoEntry.parse: escaped paths", SHAPE_INPUTS, MOUNTS, mount -> {
            MountInfoEntry parsed = parse(mount.line());
            assertEquals(mount.root(), parsed.root(), "root decoded");
            assertEquals(mount.mountPoint(), parsed.mountPoint(), "mount point decoded");
            assertEquals("cgroup", parsed.fsType(), "fs type after the separator");
        });
    }

    /** What the kernel's {@code mangle_path} does to space, tab, newline and backslash. */
    private static String escape(String path) {
        return path.replace("\\", "\\134").replace(" ", "\\040").replace("\t", "\\011").replace("\n", "\\012");
    }
}
