package io.containerlimits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CpuPolicyTest {

    private static final Settings DEFAULTS = Settings.defaults();

    @Test
    void aQuotaIsRoundedUpAndCappedByAffinity() {
        assertEquals(2, CpuPolicy.count(DEFAULTS, 1.5, 16));
        assertEquals(8, CpuPolicy.count(DEFAULTS, 16.0, 8));
        assertEquals(CpuSource.QUOTA, CpuPolicy.source(DEFAULTS, 1.5, 16));
    }

    @Test
    void withoutAQuotaTheAffinityCountStands() {
        assertEquals(16, CpuPolicy.count(DEFAULTS, null, 16));
        assertEquals(CpuSource.AFFINITY, CpuPolicy.source(DEFAULTS, null, 16));
    }

    @Test
    void theMinimumAppliesToAQuotaBelowOneAndToFloor() {
        assertEquals(1, CpuPolicy.count(DEFAULTS.with(Setting.ROUNDING, "floor"), 0.5, 16));
        assertEquals(2, CpuPolicy.count(DEFAULTS.with(Setting.MIN_CPUS, "2"), 0.5, 16));
    }

    @Test
    void theReserveIsTakenBeforeRounding() {
        assertEquals(1, CpuPolicy.count(DEFAULTS.with(Setting.RESERVE_CPUS, "0.5"), 1.5, 16));
    }

    @Test
    void anOverrideIsTakenAsGivenEvenAboveAffinity() {
        Settings settings = DEFAULTS.with(Setting.CPUS, "32");
        assertEquals(32, CpuPolicy.count(settings, 1.0, 2));
        assertEquals(CpuSource.OVERRIDE, CpuPolicy.source(settings, 1.0, 16));
    }

    @Test
    void aQuotaAboveTheAffinityLeavesTheAffinityInCharge() {
        // docs/edge-cases.md case 5: quota 16 on 8 allowed CPUs gives 8, which the JVM sees alone;
        // flags must not pin it.
        assertEquals(8, CpuPolicy.count(DEFAULTS, 16.0, 8));
        assertEquals(CpuSource.AFFINITY, CpuPolicy.source(DEFAULTS, 16.0, 8));
        assertEquals(CpuSource.AFFINITY, CpuPolicy.source(DEFAULTS, 2.0, 2),
                "a quota equal to the affinity changes nothing");
        assertEquals(CpuSource.QUOTA, CpuPolicy.source(DEFAULTS, 1.5, 4));
    }

    /** The derivation as the report and the agent's log=info line print it. */
    private static String derivation(Settings settings, Double quota, int affinity) {
        return CpuPolicy.derivation(settings, CpuPolicy.source(settings, quota, affinity), quota, affinity);
    }

    @Test
    void theDerivationNamesWhatDecidedAndThePolicy() {
        assertEquals("quota 1.5, rounded ceil, min 1, capped by affinity 4", derivation(DEFAULTS, 1.5, 4));
        assertEquals("quota 1.5 - reserve 0.5, rounded floor, min 2, capped by affinity 4",
                derivation(DEFAULTS.with(Setting.RESERVE_CPUS, "500m").with(Setting.ROUNDING, "floor")
                        .with(Setting.MIN_CPUS, "2"), 1.5, 4));
        assertEquals("override cpus=3, rounded floor, min 1 (not bounded by affinity)",
                derivation(DEFAULTS.with(Setting.CPUS, "3").with(Setting.ROUNDING, "floor"), 1.5, 4));
        assertEquals("affinity: no quota applies", derivation(DEFAULTS, null, 4));
        assertEquals("affinity: the quota 16, rounded ceil, min 1, does not go below it",
                derivation(DEFAULTS, 16.0, 8));
    }
}
