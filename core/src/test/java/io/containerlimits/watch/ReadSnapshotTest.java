package io.containerlimits.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadSnapshotTest {

    @TempDir
    Path dir;

    @Test
    void onlyThePartsThatDecideALimitOnAResizeAreChecked() {
        assertNull(ReadSnapshot.checked("memory.current", "52428800\n"), "usage decides nothing");
        assertNull(ReadSnapshot.checked("memory.usage_in_bytes", "52428800\n"));
        assertNull(ReadSnapshot.checked("mountinfo", "30 23 0:26 / /sys/fs/cgroup rw - cgroup2 cgroup2 rw\n"),
                "left to the full detection of every minute");
        assertNull(ReadSnapshot.checked("meminfo", "MemTotal:       16777216 kB\n"));
        assertEquals("hierarchical_memory_limit 536870912\n",
                ReadSnapshot.checked("memory.stat", "cache 4096\nrss 8192\nhierarchical_memory_limit 536870912\n"));
        assertEquals("Cpus_allowed_list:\t0-1\n",
                ReadSnapshot.checked("status", "Name:\tjava\nThreads:\t19\nCpus_allowed_list:\t0-1\nVmRSS:\t1 kB\n"));
        assertEquals("50000 100000\n", ReadSnapshot.checked("cpu.max", "50000 100000\n"));
        assertEquals("max\n", ReadSnapshot.checked("memory.max", "max\n"));
    }

    @Test
    void aChangedLimitIsAChangeAndMovingUsageIsNot() throws IOException {
        Path cpuMax = write("cpu.max", "50000 100000\n");
        Path current = write("memory.current", "1000\n");
        try (ReadSnapshot snapshot = snapshot(cpuMax, "50000 100000\n", current, "1000\n")) {
            assertTrue(snapshot.unchanged());
            write("memory.current", "2000\n");
            assertTrue(snapshot.unchanged(), "usage moves all the time");
            Files.delete(current);
            assertTrue(snapshot.unchanged(), "not checked");
            write("cpu.max", "200000 100000\n");
            assertFalse(snapshot.unchanged(), "read again through the file kept open");
            write("cpu.max", "50000 100000\n");
            assertTrue(snapshot.unchanged());
        }
    }

    @Test
    void aLimitFileThatDoesNotReadIsAChange() throws IOException {
        Path cpuMax = write("cpu.max", "50000 100000\n");
        Path memoryMax = dir.resolve("memory.max");
        try (ReadSnapshot snapshot = snapshot(cpuMax, "50000 100000\n", memoryMax, "max\n")) {
            assertFalse(snapshot.unchanged(), "memory.max is gone (a removed cgroup's files no longer read)");
        }
    }

    private static ReadSnapshot snapshot(Path first, String firstContent, Path second, String secondContent) {
        Map<Path, String> read = new LinkedHashMap<>();
        read.put(first, firstContent);
        read.put(second, secondContent);
        return new ReadSnapshot(read);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
