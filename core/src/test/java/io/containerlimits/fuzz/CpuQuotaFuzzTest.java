package io.containerlimits.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containerlimits.detect.cgroup.CpuQuota;
import io.containerlimits.detect.cgroup.v1.CfsQuota;
import io.containerlimits.detect.cgroup.v2.CpuMax;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Generated bad input for the CPU quota files: v2 {@code cpu.max} and v1 {@code cpu.cfs_quota_us} with
 * {@code cpu.cfs_period_us}. Each parser returns or throws {@code MalformedInputException}; a quota it returns is
 * positive and finite in CPUs, whatever the input
 * (docs/design.md §3 step 5: the minimum over levels must be a real number).
 *
 * <p>{@link ParserProperty} says how jqwik is set so that every try is a freshly generated input.
 */
class CpuQuotaFuzzTest {

    private static final String CPU_MAX = "CpuMax.parse";
    private static final String CFS_QUOTA = "CfsQuota.parse";

    @ParserProperty
    void cpuMaxReturnsOrThrowsMalformed(@ForAll("cpuMaxContents") String content) {
        ParserRuns.call(CPU_MAX, () -> CpuMax.parse(content)).flatMap(quota -> quota)
                .ifPresent(CpuQuotaFuzzTest::assertUsable);
    }

    @ParserProperty
    void cfsQuotaReturnsOrThrowsMalformed(@ForAll("quotaContents") String quota,
            @ForAll("periodContents") String period) {
        ParserRuns.call(CFS_QUOTA, () -> CfsQuota.parse(quota, period)).flatMap(parsed -> parsed)
                .ifPresent(CpuQuotaFuzzTest::assertUsable);
    }

    /**
     * docs/edge-cases.md cases 1-3 and 28: any positive quota and period give exactly quota/period CPUs, in both
     * versions.
     */
    @ShapeProperty
    void bothVersionsGiveQuotaOverPeriod(@ForAll("quotaAndPeriod") long[] quotaAndPeriod) {
        long quota = quotaAndPeriod[0];
        long period = quotaAndPeriod[1];
        double expected = (double) quota / period;
        Optional<CpuQuota> v2 = CpuMax.parse(quota + " " + period + "\n");
        Optional<CpuQuota> v1 = CfsQuota.parse(quota + "\n", period + "\n");
        assertEquals(expected, v2.orElseThrow().cpus(), "cpu.max " + quota + " " + period);
        assertEquals(expected, v1.orElseThrow().cpus(), "cfs " + quota + "/" + period);
    }

    @AfterContainer
    static void eachParserRanOneHundredThousandInputs() {
        ParserRuns.assertEachRan(ParserRuns.REQUIRED_PER_PARSER, CPU_MAX, CFS_QUOTA);
    }

    @Provide
    Arbitrary<String> cpuMaxContents() {
        return Mutations.around(Seeds.lines("cpu-max.txt"));
    }

    @Provide
    Arbitrary<String> quotaContents() {
        return Mutations.around(Seeds.lines("cfs-quota.txt"));
    }

    @Provide
    Arbitrary<String> periodContents() {
        return Mutations.around(Seeds.lines("cfs-period.txt"));
    }

    @Provide
    Arbitrary<long[]> quotaAndPeriod() {
        return Shapes.quotaAndPeriod();
    }

    private static void assertUsable(CpuQuota quota) {
        double cpus = quota.cpus();
        assertTrue(cpus > 0 && Double.isFinite(cpus), "quota must be positive and finite in CPUs, was " + quota);
    }
}
