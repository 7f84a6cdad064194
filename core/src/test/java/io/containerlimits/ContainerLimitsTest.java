package io.containerlimits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containerlimits.detect.Detection;
import java.nio.file.Path;
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
    void detectionOfAnEmptyRootNeverThrows(@TempDir Path root) {
        Limits limits = ContainerLimits.detect(Settings.defaults().with(Setting.ROOT, root.toString()));
        assertTrue(limits.cpuCount() >= 1);
    }
}
