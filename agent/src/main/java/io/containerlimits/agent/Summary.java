package io.containerlimits.agent;

import io.containerlimits.Finding;
import io.containerlimits.Limits;
import io.containerlimits.Settings;

/**
 * The one {@code log=info} line: version, what was detected and why, what was applied.
 *
 * <pre>
 * container-limits 0.1.0: cpus=1 (quota 0.5 from /sys/fs/cgroup/cpu/x/cpu.cfs_quota_us, rounding ceil), memory=256 MiB;
 *     applied: common pool 1, rewrite on, properties io.netty.availableProcessors ...
 * </pre>
 * (one line in reality).
 */
final class Summary {

    private Summary() {
        throw new UnsupportedOperationException();
    }

    static String line(String version, Limits limits, String applied) {
        StringBuilder line = new StringBuilder("container-limits ").append(version).append(": cpus=")
                .append(limits.cpuCount()).append(" (").append(cpuReason(limits)).append("), memory=")
                .append(memory(limits.memoryLimit())).append("; applied: ").append(applied);
        return line.toString();
    }

    private static String cpuReason(Limits limits) {
        Settings settings = limits.settings();
        String rounding = ", rounding " + settings.rounding().key();
        String minimum = settings.minCpus() > 1 ? ", min-cpus " + settings.minCpus() : "";
        switch (limits.cpuSource()) {
            case OVERRIDE:
                return "cpus=" + MemoryCheck.decimal(settings.cpus()) + " setting" + rounding + minimum;
            case QUOTA:
                Finding<Double> quota = limits.cpuQuota();
                String reserve = settings.reserveCpus() > 0
                        ? ", reserve-cpus " + MemoryCheck.decimal(settings.reserveCpus()) : "";
                return "quota " + MemoryCheck.decimal(quota.value()) + " from " + quota.source() + rounding + reserve
                        + minimum + ", affinity " + limits.affinity();
            default:
                Finding<Double> none = limits.cpuQuota();
                if (none.isFound()) {
                    return "affinity " + limits.affinity() + "; quota " + MemoryCheck.decimal(none.value()) + " from "
                            + none.source() + " does not bind" + rounding;
                }
                return (none.status() == Finding.Status.UNKNOWN ? "quota unknown: " : "no quota: ") + none.reason()
                        + "; affinity " + limits.affinity()
                        + (limits.affinityFinding().isFound() ? "" : " from the JVM");
        }
    }

    /** {@code 256 MiB}, {@code no limit} or {@code unknown}. */
    static String memory(Finding<Long> limit) {
        switch (limit.status()) {
            case FOUND:
                return MemoryCheck.size(limit.value());
            case NONE:
                return "no limit";
            default:
                return "unknown";
        }
    }
}
