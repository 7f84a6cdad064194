package io.containerlimits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CpuPolicyTest {

    private static final Settings DEFAULTS = Settings.defaults();

    @Test
    void aQuotaIsRoundedUpAndCappedByAffinity() {
        assertEquals(2, CpuPolicy.count(DEFAULTS, 1.5, 16, null));
        assertEquals(8, CpuPolicy.count(DEFAULTS, 16.0, 8, null));
        assertEquals(CpuSource.QUOTA, CpuPolicy.source(DEFAULTS, 1.5, 16, null));
    }

    @Test
    void withoutAQuotaTheAffinityCountStands() {
        assertEquals(16, CpuPolicy.count(DEFAULTS, null, 16, null));
        assertEquals(CpuSource.AFFINITY, CpuPolicy.source(DEFAULTS, null, 16, null));
    }

    @Test
    void theMinimumAppliesToAQuotaBelowOneAndToFloor() {
        assertEquals(1, CpuPolicy.count(DEFAULTS.with(Setting.ROUNDING, "floor"), 0.5, 16, null));
        assertEquals(2, CpuPolicy.count(DEFAULTS.with(Setting.MIN_CPUS, "2"), 0.5, 16, null));
    }

    @Test
    void theReserveIsTakenBeforeRounding() {
        assertEquals(1, CpuPolicy.count(DEFAULTS.with(Setting.RESERVE_CPUS, "0.5"), 1.5, 16, null));
    }

    @Test
    void anOverrideIsTakenAsGivenEvenAboveAffinity() {
        Settings settings = DEFAULTS.with(Setting.CPUS, "32");
        assertEquals(32, CpuPolicy.count(settings, 1.0, 2, null));
        assertEquals(CpuSource.OVERRIDE, CpuPolicy.source(settings, 1.0, 16, null));
    }

    @Test
    void aQuotaAboveTheAffinityLeavesTheAffinityInCharge() {
        // docs/edge-cases.md case 5: quota 16 on 8 allowed CPUs gives 8, which the JVM sees alone;
        // flags must not pin it.
        assertEquals(8, CpuPolicy.count(DEFAULTS, 16.0, 8, null));
        assertEquals(CpuSource.AFFINITY, CpuPolicy.source(DEFAULTS, 16.0, 8, null));
        assertEquals(CpuSource.AFFINITY, CpuPolicy.source(DEFAULTS, 2.0, 2, null),
                "a quota equal to the affinity changes nothing");
        assertEquals(CpuSource.QUOTA, CpuPolicy.source(DEFAULTS, 1.5, 4, null));
    }

    @Test
    void physicalCoresBoundTheCountOnlyWhenAskedFor() {
        Settings physical = DEFAULTS.with(Setting.CORES, "physical");
        assertEquals(8, CpuPolicy.count(DEFAULTS, null, 8, 4), "cores=logical (the default) ignores the cores");
        assertEquals(CpuSource.AFFINITY, CpuPolicy.source(DEFAULTS, null, 8, 4));
        assertEquals(4, CpuPolicy.count(physical, null, 8, 4));
        assertEquals(CpuSource.PHYSICAL_CORES, CpuPolicy.source(physical, null, 8, 4));
    }

    @Test
    void physicalCoresAsManyAsTheAllowedCpusLeaveTheAffinityInCharge() {
        // One thread on each of four cores: nothing for flags to pin, the JVM sees 4 by itself.
        Settings physical = DEFAULTS.with(Setting.CORES, "physical");
        assertEquals(4, CpuPolicy.count(physical, null, 4, 4));
        assertEquals(CpuSource.AFFINITY, CpuPolicy.source(physical, null, 4, 4));
    }

    @Test
    void unknownPhysicalCoresLeaveTheLogicalCount() {
        Settings physical = DEFAULTS.with(Setting.CORES, "physical");
        assertEquals(8, CpuPolicy.count(physical, null, 8, null));
        assertEquals(CpuSource.AFFINITY, CpuPolicy.source(physical, null, 8, null));
        assertEquals(2, CpuPolicy.count(physical, 1.5, 8, null));
    }

    @Test
    void withPhysicalCoresAQuotaIsRoundedThenBoundedByTheCores() {
        Settings physical = DEFAULTS.with(Setting.CORES, "physical");
        // min(cores, max(min-cpus, round(quota - reserve)))
        assertEquals(2, CpuPolicy.count(physical, 1.5, 8, 4));
        assertEquals(CpuSource.QUOTA, CpuPolicy.source(physical, 1.5, 8, 4));
        assertEquals(1, CpuPolicy.count(physical.with(Setting.ROUNDING, "floor"), 1.5, 8, 4));
        assertEquals(4, CpuPolicy.count(physical, 6.0, 8, 4), "a quota of 6 on 4 cores: the cores decide");
        assertEquals(CpuSource.PHYSICAL_CORES, CpuPolicy.source(physical, 6.0, 8, 4));
        assertEquals(2, CpuPolicy.count(physical.with(Setting.RESERVE_CPUS, "1"), 3.0, 8, 4));
        assertEquals(3, CpuPolicy.count(physical.with(Setting.MIN_CPUS, "3"), 1.0, 8, 4));
        assertEquals(2, CpuPolicy.count(physical.with(Setting.MIN_CPUS, "3"), 1.0, 8, 2),
                "the cores bound even the minimum, as the affinity does");
    }

    @Test
    void anOverrideStillWinsOverPhysicalCores() {
        Settings settings = DEFAULTS.with(Setting.CORES, "physical").with(Setting.CPUS, "6");
        assertEquals(6, CpuPolicy.count(settings, 1.5, 8, 2));
        assertEquals(CpuSource.OVERRIDE, CpuPolicy.source(settings, 1.5, 8, 2));
    }

    /** The derivation as the report and the agent's log=info line print it. */
    private static String derivation(Settings settings, Double quota, int affinity) {
        return derivation(settings, quota, affinity, null);
    }

    private static String derivation(Settings settings, Double quota, int affinity, Integer physicalCores) {
        return CpuPolicy.derivation(settings, CpuPolicy.source(settings, quota, affinity, physicalCores), quota,
                affinity, physicalCores);
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

    @Test
    void theDerivationSaysWhatThePhysicalCoresDid() {
        Settings physical = DEFAULTS.with(Setting.CORES, "physical");
        assertEquals("affinity: no quota applies", derivation(DEFAULTS, null, 8, 4), "cores=logical: not a word");
        assertEquals("cores=physical: the physical cores of the 8 allowed CPUs", derivation(physical, null, 8, 4));
        assertEquals("cores=physical: the physical cores of the 8 allowed CPUs; the quota 6, rounded ceil, min 1,"
                + " does not go below them", derivation(physical, 6.0, 8, 4));
        assertEquals("quota 1.5, rounded floor, min 1, capped by 4 physical cores (cores=physical)",
                derivation(physical.with(Setting.ROUNDING, "floor"), 1.5, 8, 4));
        assertEquals("quota 1.5, rounded ceil, min 1, capped by affinity 4; cores=physical: as many physical cores",
                derivation(physical, 1.5, 4, 4));
        assertEquals("affinity: no quota applies; cores=physical: as many physical cores",
                derivation(physical, null, 4, 4));
        assertEquals("affinity: no quota applies; cores=physical: physical cores unknown, logical CPUs count",
                derivation(physical, null, 8, null));
    }
}
