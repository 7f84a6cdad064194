package io.containerlimits.detect.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.containerlimits.Finding;
import io.containerlimits.detect.HostFiles;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

class HierarchyWalkTest {

    @Test
    void aFoundValueBeatsNoneWhichBeatsUnknown() {
        Finding<Long> found = Finding.found(5L, "a");
        Finding<Long> none = Finding.none("n");
        Finding<Long> unknown = Finding.unknown("u");
        assertEquals(found, HierarchyWalk.tighter(unknown, found));
        assertEquals(none, HierarchyWalk.tighter(unknown, none));
        assertEquals(found, HierarchyWalk.tighter(Finding.found(9L, "b"), found));
    }

    @Test
    void theLevelsRunFromTheLeafUpToAndIncludingTheMountPoint() {
        CgroupHierarchy hierarchy = new CgroupHierarchy(CgroupVersion.V2, "/sys/fs/cgroup",
                "/sys/fs/cgroup/system.slice/app.service", new HostFiles(Paths.get("/")));
        assertEquals(java.util.Arrays.asList("/sys/fs/cgroup/system.slice/app.service",
                "/sys/fs/cgroup/system.slice", "/sys/fs/cgroup"), hierarchy.levels());
        assertEquals("/sys/fs/cgroup/system.slice/cpu.max (level 2 of 3 from the leaf)",
                hierarchy.describe(1, "cpu.max"));
    }
}
