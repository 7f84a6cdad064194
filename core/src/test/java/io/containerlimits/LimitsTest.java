package io.containerlimits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containerlimits.detect.Detection;
import java.util.List;
import org.junit.jupiter.api.Test;

class LimitsTest {

    @Test
    void itExposesTheDetectionsValuesAndSaysWhatDecided() {
        Finding<Double> quota = Finding.found(1.5, "cpu.max");
        Finding<Integer> affinity = Finding.found(4, "status");
        Finding<Long> memory = Finding.found(1024L, "memory.max");
        Finding<Long> none = Finding.none("no limit");
        Finding<Integer> cores = Finding.found(2, "core_cpus_list");
        Detection detection = new Detection(quota, affinity, cores, memory, none, none, none, "v2 /a", "v2 /b",
                List.of());
        Limits limits = ContainerLimits.apply(Settings.defaults(), detection);
        assertEquals(2, limits.cpuCount());
        assertEquals(4, limits.affinity());
        assertEquals(quota, limits.cpuQuota());
        assertEquals(cores, limits.physicalCores());
        assertEquals(memory, limits.memoryLimit());
        assertEquals("v2 /a", limits.cpuCgroup());
        assertTrue(limits.toString().contains("cpus=2 (QUOTA)"), limits.toString());
        assertEquals("quota 1.5, rounded ceil, min 1, capped by affinity 4", limits.cpuDerivation());
    }

    @Test
    void physicalCoresDecideOnlyWithCoresPhysical() {
        Finding<Long> none = Finding.none("no limit");
        Detection detection = new Detection(Finding.none("cpu.max reads max"), Finding.found(4, "status"),
                Finding.found(2, "core_cpus_list"), none, none, none, none, "v2 /a", "v2 /b", List.of());
        Limits logical = ContainerLimits.apply(Settings.defaults(), detection);
        assertEquals(4, logical.cpuCount());
        assertEquals(CpuSource.AFFINITY, logical.cpuSource());
        Limits physical = ContainerLimits.apply(Settings.defaults().with(Setting.CORES, "physical"), detection);
        assertEquals(2, physical.cpuCount());
        assertEquals(CpuSource.PHYSICAL_CORES, physical.cpuSource());
    }
}
