package io.containerlimits.it.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The sandbox itself: what it creates is where it says, and closing it leaves nothing behind, processes included. */
class CgroupSandboxTest {

    @Test
    void closingKillsWhatStillRunsAndRemovesEveryGroupChildrenFirst() throws Exception {
        Path parentDirectory;
        Path childDirectory;
        Process sleeper;
        try (CgroupSandbox sandbox = CgroupSandbox.open("sandbox-self-test")) {
            Cgroup parent = sandbox.create(V1Controller.CPU).cpuQuota(0.5);
            Cgroup child = parent.child();
            parentDirectory = parent.directory();
            childDirectory = child.directory();
            sleeper = new ProcessBuilder("sh", "-c", "echo $$ > \"$1/cgroup.procs\" && exec sleep 60", "sh",
                    childDirectory.toString()).start();
            waitUntilIn(child, sleeper.pid());

            assertTrue(parentDirectory.getFileName().toString().startsWith(CgroupSandbox.NAME_PREFIX));
            assertEquals(parentDirectory, childDirectory.getParent());
            assertEquals("50000", parent.read("cpu.cfs_quota_us").trim());
        }
        assertTrue(sleeper.waitFor(5, TimeUnit.SECONDS), "the process left in the child was killed");
        assertFalse(Files.exists(childDirectory), "child removed: " + childDirectory);
        assertFalse(Files.exists(parentDirectory), "parent removed: " + parentDirectory);
    }

    @Test
    void aNewCpusetGroupTakesItsParentsCpusAndMemoryNodes() {
        try (CgroupSandbox sandbox = CgroupSandbox.open("sandbox-self-test")) {
            Cgroup cpuset = sandbox.create(V1Controller.CPUSET);
            Cgroup own = new Cgroup(sandbox, V1Controller.CPUSET, V1Controller.CPUSET.ownGroup());

            assertEquals(own.read("cpuset.mems"), cpuset.read("cpuset.mems"));
            assertEquals(own.read("cpuset.cpus"), cpuset.read("cpuset.cpus"));
        }
    }

    private static void waitUntilIn(Cgroup group, long pid) throws InterruptedException {
        for (int i = 0; i < 250 && !group.processes().equals(List.of(pid)); i++) {
            Thread.sleep(20);
        }
        assertEquals(List.of(pid), group.processes(), "the process joined " + group);
    }
}
