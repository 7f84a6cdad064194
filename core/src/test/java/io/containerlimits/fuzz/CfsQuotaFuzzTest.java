package io.containerlimits.fuzz;

import io.containerlimits.detect.cgroup.CpuQuota;
import io.containerlimits.detect.cgroup.v1.CfsQuota;
import java.util.Optional;

/**
 * cgroup v1 {@code cpu.cfs_quota_us} with {@code cpu.cfs_period_us}, each damaged on its own: a quota it returns is
 * positive and finite in CPUs, whatever the input. The semantic check of both versions is in {@link CpuMaxFuzzTest}.
 */
class CfsQuotaFuzzTest extends ParserFuzzTest<Gen.Both<String, String>, Optional<CpuQuota>> {

    @Override
    String parser() {
        return "CfsQuota.parse";
    }

    /** The quota file first, the period file second. */
    @Override
    Gen<Gen.Both<String, String>> inputs() {
        return Gen.both(Mutations.around(Seeds.lines("cfs-quota.txt")),
                Mutations.around(Seeds.lines("cfs-period.txt")));
    }

    @Override
    Optional<CpuQuota> parse(Gen.Both<String, String> files) {
        return CfsQuota.parse(files.first(), files.second());
    }

    @Override
    void checkValue(Optional<CpuQuota> quota) {
        quota.ifPresent(Invariants::assertUsable);
    }
}
