package io.containerlimits.detect.cgroup.v1;

import io.containerlimits.detect.MalformedInputException;
import io.containerlimits.detect.Numbers;
import io.containerlimits.detect.cgroup.CpuQuota;
import java.util.Optional;

/**
 * The contents of a cgroup v1 {@code cpu.cfs_quota_us} and {@code cpu.cfs_period_us}
 * (Documentation/scheduler/sched-bwc.rst).
 *
 * <pre>
 * "150000\n", "100000\n"  -> 1.5 CPUs
 * "-1\n",     "100000\n"  -> no limit (the kernel's "unlimited")
 * "30000\n",  "10000\n"   -> 3 CPUs (docker --cpu-period=10000 --cpu-quota=30000)
 * </pre>
 */
public final class CfsQuota {

    private CfsQuota() {
        throw new UnsupportedOperationException();
    }

    /**
     * Parses the two files (surrounding white space ignored). The quota is looked at first: a quota ≤ 0 means no
     * limit whatever the period says, so the period is then not parsed.
     *
     * @param quotaContent  the content of {@code cpu.cfs_quota_us}
     * @param periodContent the content of {@code cpu.cfs_period_us}
     * @return the limit; empty when the quota is ≤ 0
     * @throws MalformedInputException when either is not an integer, or the quota is positive and the period ≤ 0
     */
    public static Optional<CpuQuota> parse(String quotaContent, String periodContent) {
        MalformedInputException.requireText(quotaContent, "cpu.cfs_quota_us");
        MalformedInputException.requireText(periodContent, "cpu.cfs_period_us");
        long quota = Numbers.parseLong(quotaContent.trim(), "cpu.cfs_quota_us");
        if (quota <= 0) {
            return Optional.empty();
        }
        long period = Numbers.parseLong(periodContent.trim(), "cpu.cfs_period_us");
        if (period <= 0) {
            throw new MalformedInputException("cpu.cfs_period_us: must be positive", periodContent);
        }
        return Optional.of(new CpuQuota(quota, period));
    }
}
