package io.containerlimits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.containerlimits.detect.Detection;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerLimitsTest {

    @Test
    void aMemoryOverrideReplacesTheDetectedLimitButKeepsIt(@TempDir Path root) {
        Limits limits = ContainerLimits.detect(Settings.defaults().with(Setting.ROOT, root.toString())
                .with(Setting.MEMORY, "1g"));
        assertEquals(1073741824L, limits.memoryLimit().value());
        assertEquals(Finding.Status.UNKNOWN, limits.detectedMemoryLimit().status());
    }

    @Test
    void anUnknownAffinityFallsBackToTheJvmCount() {
        Limits limits = ContainerLimits.apply(Settings.defaults(), Detection.unknown("test"));
        assertEquals(Runtime.getRuntime().availableProcessors(), limits.affinity());
        assertEquals(CpuSource.AFFINITY, limits.cpuSource());
    }

    @Test
    void anEmptyRootIsUnknownWithAReasonAndLeavesTheJvmsOwnCount(@TempDir Path root) {
        // Nothing to read is no error: every value is unknown, says why, and the JVM's own CPU count stands.
        Limits limits = ContainerLimits.detect(Settings.defaults().with(Setting.ROOT, root.toString()));
        assertEquals(Runtime.getRuntime().availableProcessors(), limits.cpuCount(), limits::toString);
        assertEquals(CpuSource.AFFINITY, limits.cpuSource(), limits::toString);
        for (Finding<?> finding : List.of(limits.cpuQuota(), limits.affinityFinding(), limits.memoryLimit())) {
            assertEquals(Finding.Status.UNKNOWN, finding.status(), limits::toString);
            assertFalse(finding.reason().isBlank(), limits::toString);
        }
    }
}
