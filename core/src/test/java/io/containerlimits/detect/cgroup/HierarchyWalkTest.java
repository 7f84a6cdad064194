package io.containerlimits.detect.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containerlimits.Finding;
import io.containerlimits.detect.HostFiles;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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
        assertEquals(Arrays.asList("/sys/fs/cgroup/system.slice/app.service",
                "/sys/fs/cgroup/system.slice", "/sys/fs/cgroup"), hierarchy.levels());
        assertEquals("/sys/fs/cgroup/system.slice/cpu.max (level 2 of 3 from the leaf)",
                hierarchy.describe(1, "cpu.max"));
    }

    @Test
    void aDeepHierarchyOfUnreadableLevelsGetsBoundedNotesAndStillReachesTheMountPoint() {
        StringBuilder leaf = new StringBuilder("/sys/fs/cgroup");
        for (int i = 0; i < 100; i++) {
            leaf.append("/level").append(i);
        }
        CgroupHierarchy hierarchy = new CgroupHierarchy(CgroupVersion.V1, "/sys/fs/cgroup", leaf.toString(),
                new HostFiles(Paths.get("/")));
        List<String> read = new ArrayList<>();
        LevelReader<Long> missingEverywhere = new LevelReader<Long>() {
            @Override
            public String file() {
                return "memory.limit_in_bytes";
            }

            @Override
            public Optional<Long> read(Path directory) throws IOException {
                read.add(directory.toString());
                throw new NoSuchFileException(directory.toString());
            }

            @Override
            public double size(Long value) {
                return value;
            }
        };
        List<String> notes = new ArrayList<>();
        Finding<Long> result = HierarchyWalk.minimum(hierarchy, missingEverywhere, false, notes);
        assertEquals(Finding.Status.UNKNOWN, result.status(), "every level missing on v1 means unknown");
        assertEquals(101, read.size(), "the walk reads every level, up to and including the mount point");
        assertEquals(HierarchyWalk.SKIP_NOTES + 2, notes.size(),
                "one note per skipped level up to " + HierarchyWalk.SKIP_NOTES + ", one for the rest, one result: "
                        + notes);
        assertTrue(notes.get(HierarchyWalk.SKIP_NOTES).startsWith(
                "skipped " + (101 - HierarchyWalk.SKIP_NOTES) + " more levels"), notes.get(HierarchyWalk.SKIP_NOTES));
    }
}
