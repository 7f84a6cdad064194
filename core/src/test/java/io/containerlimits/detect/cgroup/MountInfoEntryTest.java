package io.containerlimits.detect.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.containerlimits.detect.MalformedInputException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MountInfoEntryTest {

    @Test
    void aV1CgroupMountKeepsRootMountPointTypeAndControllers() {
        MountInfoEntry entry = MountInfoEntry.parse("219 214 0:29 /docker/ab /sys/fs/cgroup/cpu,cpuacct "
                + "ro,nosuid,nodev,noexec,relatime - cgroup cgroup rw,cpu,cpuacct");
        assertEquals("/docker/ab", entry.root());
        assertEquals("/sys/fs/cgroup/cpu,cpuacct", entry.mountPoint());
        assertEquals("cgroup", entry.fsType());
        assertEquals(Arrays.asList("rw", "cpu", "cpuacct"), entry.superOptions());
    }

    @Test
    void optionalFieldsOfAnyNumberAreSkipped() {
        MountInfoEntry entry = MountInfoEntry.parse(
                "35 24 0:30 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:9 master:3 - cgroup2 cgroup2 "
                        + "rw,nsdelegate");
        assertEquals("cgroup2", entry.fsType());
        assertEquals("/sys/fs/cgroup", entry.mountPoint());
    }

    @Test
    void octalEscapesInPathsAreDecoded() {
        MountInfoEntry entry = MountInfoEntry.parse(
                "40 24 0:35 /a\\134b /sys/fs/cgroup/my\\040dir rw - cgroup cgroup rw,cpu");
        assertEquals("/sys/fs/cgroup/my dir", entry.mountPoint());
        assertEquals("/a\\b", entry.root());
    }

    @Test
    void anIncompleteEscapeStaysAsItIs() {
        assertEquals("/x\\04", MountInfoEntry.parse("1 2 0:1 / /x\\04 rw - cgroup c rw").mountPoint());
    }

    @Test
    void superOptionsWithSpacesStayTogether() {
        // WSL writes super options containing spaces (automaxprocs v1.5.3).
        List<String> options = MountInfoEntry.parse("1 2 0:1 / /mnt/c rw - 9p drvfs rw,uid=1000,symlinkroot=/mnt "
                + "x/").superOptions();
        assertEquals(Arrays.asList("rw", "uid=1000", "symlinkroot=/mnt x/"), options);
    }

    @Test
    void malformedLinesThrowTheDocumentedException() {
        for (String bad : new String[] {"", " - ", "1 2 3 / /x - ", "1 2 0:1 / rw - cgroup c rw",
            "1 2 0:1 rel /x rw - cgroup c rw", "no separator at all"}) {
            assertThrows(MalformedInputException.class, () -> MountInfoEntry.parse(bad), "should reject " + bad);
        }
    }
}
