package io.containerlimits.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containerlimits.ContainerLimits;
import io.containerlimits.Limits;
import io.containerlimits.LogLevel;
import io.containerlimits.Settings;
import io.containerlimits.agent.boot.AvailableProcessors;
import io.containerlimits.agent.boot.AvailableProcessorsTestAccess;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the agent does on a change, in this JVM (JDK 17: no {@code setParallelism}, no virtual threads; the forked
 * JVMs of the integration tests resize both pools on 21 and 25).
 */
class ResizeTest {

    private static final long GIB = 1L << 30;

    @TempDir
    Path temp;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Properties properties = new Properties();

    @AfterEach
    void resetHelper() {
        AvailableProcessorsTestAccess.reset();
    }

    @Test
    void aRaisedQuotaReachesRewrittenCallersAndThePublishedValuesAndIsOneInfoLine() {
        Limits half = limits("50000 100000", "268435456");
        properties.setProperty("container.limits.cpus", "1");
        properties.setProperty("container.limits.cpu.quota", "0.5");
        properties.setProperty("container.limits.memory", "268435456");
        resize(Follow.CALLERS, 17, LogLevel.INFO).limitsChanged(half, limits("200000 100000", "268435456"));
        assertEquals(2, AvailableProcessors.current());
        assertEquals("2", properties.get("container.limits.cpus"));
        assertEquals("2.0", properties.get("container.limits.cpu.quota"));
        assertEquals("268435456", properties.get("container.limits.memory"), "unchanged");
        assertEquals("container-limits: limits changed: cpus 1 -> 2 (quota 0.5 -> 2), memory 256 MiB; "
                + "resized: availableProcessors() callers 2, container.limits.* properties; "
                + "not resized: common pool (no setParallelism before JDK 19)", stderr().trim());
    }

    @Test
    void aValueTheUserSetIsNotMovedAndARemovedQuotaIsRemoved() {
        Limits half = limits("50000 100000", "268435456");
        properties.setProperty("container.limits.cpus", "16");
        properties.setProperty("container.limits.cpu.quota", "0.5");
        resize(Follow.CALLERS, 17, LogLevel.WARN).limitsChanged(half, limits("max 100000", "268435456"));
        assertEquals("16", properties.get("container.limits.cpus"), "the user's -D");
        assertFalse(properties.containsKey("container.limits.cpu.quota"), "no quota any more");
        assertEquals("", stderr(), "quiet at the default level");
    }

    @Test
    void withoutTheRewriteCallersAreNotResizedAndAValueSomeoneRemovedStaysRemoved() {
        resize(Follow.COMMON_POOL, 17, LogLevel.INFO)
                .limitsChanged(limits("50000 100000", "max"), limits("200000 100000", "max"));
        assertEquals(0, AvailableProcessors.current());
        assertTrue(stderr().endsWith("memory no limit; resized: nothing; not resized: common pool (no "
                + "setParallelism before JDK 19)\n"), stderr());
    }

    @Test
    void activeProcessorCountLeavesCpuSizingAlone() {
        resize(0, 25, LogLevel.INFO).limitsChanged(limits("50000 100000", "max"), limits("200000 100000", "max"));
        assertEquals(0, AvailableProcessors.current());
        assertTrue(stderr().contains("not resized: CPU sizing (fixed at start"), stderr());
    }

    @Test
    void aLoweredLimitTheHeapNoLongerFitsWarnsOnceWithTheFix() {
        Limits big = limits("max 100000", "8589934592");
        Limits small = limits("max 100000", "268435456");
        resize(Follow.CALLERS, 17, LogLevel.WARN).limitsChanged(big, small);
        long maxHeap = Runtime.getRuntime().maxMemory();
        if (MemoryCheck.heapExceeds(maxHeap, small.memoryLimit())) {
            assertEquals(1, stderr().lines().count(), stderr());
            assertTrue(stderr().startsWith("container-limits: the heap may grow to "), stderr());
            assertTrue(stderr().contains("memory limit is 256 MiB"), stderr());
        } else {
            assertEquals("", stderr(), "this test JVM's heap fits 256 MiB");
        }
        err.reset();
        resize(Follow.CALLERS, 17, LogLevel.WARN).limitsChanged(small, big);
        assertEquals("", stderr(), "a raised limit needs no warning");
    }

    private Resize resize(int resizable, int javaFeature, LogLevel level) {
        PrintStream stream = new PrintStream(err, true, StandardCharsets.UTF_8);
        Follow follow = new Follow("", Map.of(), null, null, javaFeature, resizable, stream, String.class);
        return new Resize(follow, new Log(level, stream), properties);
    }

    private Limits limits(String cpuMax, String memoryMax) {
        FixtureRoot.cgroupV2(temp, cpuMax, memoryMax);
        return ContainerLimits.detect(Settings.resolve("root=" + temp, Map.of(), new ArrayList<>()));
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
