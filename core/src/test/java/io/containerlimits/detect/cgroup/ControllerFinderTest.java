package io.containerlimits.detect.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ControllerFinderTest {

    private static MountInfoEntry mount(String root, String point) {
        return MountInfoEntry.parse("1 2 0:1 " + root + " " + point + " rw - cgroup cgroup rw,cpu");
    }

    @Test
    void aMountUnderSysFsCgroupIsPreferredToAnEarlierOne() {
        MountInfoEntry elsewhere = mount("/", "/cgroups-in/cpu");
        MountInfoEntry usual = mount("/", "/sys/fs/cgroup/cpu");
        assertEquals(usual, ControllerFinder.choose(Arrays.asList(elsewhere, usual), "/a"));
    }

    @Test
    void amongUsualMountsTheFirstWhoseRootMapsThePathWins() {
        MountInfoEntry other = mount("/other", "/sys/fs/cgroup/cpu");
        MountInfoEntry mapping = mount("/docker/ab", "/sys/fs/cgroup/cpu2");
        assertEquals(mapping, ControllerFinder.choose(Arrays.asList(other, mapping), "/docker/ab/x"));
    }

    @Test
    void withNoMountMappingThePathTheFirstCandidateIsUsed() {
        MountInfoEntry first = mount("/x", "/sys/fs/cgroup/cpu");
        assertEquals(first, ControllerFinder.choose(Arrays.asList(first, mount("/y", "/sys/fs/cgroup/c")), "/z"));
    }

    @Test
    void aLineWithoutAMountFindsNothing() {
        CgroupTables tables = new CgroupTables(Arrays.asList(CgroupLine.parse("1:cpu:/")), Arrays.asList());
        assertFalse(ControllerFinder.find("cpu", tables, null, new ArrayList<String>()).isPresent());
    }
}
