package io.containerlimits.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containerlimits.detect.cgroup.CpuQuota;
import io.containerlimits.detect.cgroup.MemoryValue;
import java.util.OptionalLong;

/** What a value returned by more than one parser must satisfy, whatever the input. */
final class Invariants {

    private Invariants() {
        throw new UnsupportedOperationException();
    }

    /** docs/design.md §3 step 5: the minimum over levels must be a real number, so a quota is positive and finite. */
    static void assertUsable(CpuQuota quota) {
        double cpus = quota.cpus();
        assertTrue(cpus > 0 && Double.isFinite(cpus), "quota must be positive and finite in CPUs, was " + quota);
    }

    /** A memory limit is a size in bytes, above 0 and below the no-limit threshold. */
    static void assertRealSize(OptionalLong limit) {
        limit.ifPresent(bytes -> assertTrue(bytes > 0 && bytes < MemoryValue.UNLIMITED_FROM,
                "a limit must be a real size in bytes, was " + bytes));
    }
}
