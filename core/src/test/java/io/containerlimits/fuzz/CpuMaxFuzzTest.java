package io.containerlimits.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.containerlimits.detect.cgroup.CpuQuota;
import io.containerlimits.detect.cgroup.v1.CfsQuota;
import io.containerlimits.detect.cgroup.v2.CpuMax;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** cgroup v2 {@code cpu.max}: a quota it returns is positive and finite in CPUs, whatever the input. */
class CpuMaxFuzzTest extends ParserFuzzTest<String, Optional<CpuQuota>> {

    /** Kernel limits are 1000..1000000 µs; generated far wider. */
    private static final Gen<Long> POSITIVE = Gen.longs(1, Long.MAX_VALUE, 1000, 100_000, 1_000_000);

    private static final Gen<Gen.Both<Long, Long>> QUOTAS_AND_PERIODS = Gen.both(POSITIVE, POSITIVE);

    @Override
    String parser() {
        return "CpuMax.parse";
    }

    @Override
    Gen<String> inputs() {
        return Mutations.around(Seeds.lines("cpu-max.txt"));
    }

    @Override
    Optional<CpuQuota> parse(String content) {
        return CpuMax.parse(content);
    }

    @Override
    void checkValue(Optional<CpuQuota> quota) {
        quota.ifPresent(Invariants::assertUsable);
    }

    /**
     * docs/edge-cases.md cases 1-3 and 28: any positive quota and period give exactly quota/period CPUs, in both
     * versions.
     */
    @Test
    void bothVersionsGiveQuotaOverPeriod() {
        Fuzz.forAll("CpuMax.parse and CfsQuota.parse: quota/period", SHAPE_INPUTS, QUOTAS_AND_PERIODS, pair -> {
            long quota = pair.first();
            long period = pair.second();
            double expected = (double) quota / period;
            assertEquals(expected, parse(quota + " " + period + "\n").orElseThrow().cpus(),
                    "cpu.max " + quota + " " + period);
            assertEquals(expected, CfsQuota.parse(quota + "\n", period + "\n").orElseThrow().cpus(),
                    "cfs " + quota + "/" + period);
        });
    }
}
