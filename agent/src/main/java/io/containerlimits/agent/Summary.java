package io.containerlimits.agent;

import io.containerlimits.Finding;
import io.containerlimits.Limits;
import io.containerlimits.memory.Sizes;

/**
 * The one {@code log=info} line: version, what was detected and why, what was applied.
 *
 * <pre>
 * container-limits 0.1.0: cpus=1 (quota 0.5, rounded ceil, min 1, capped by affinity 2; quota from
 *     /sys/fs/cgroup/cpu/x/cpu.cfs_quota_us (level 1 of 3 from the leaf) 50000/100000), memory=256 MiB;
 *     applied: common pool 1, rewrite on, properties io.netty.availableProcessors ...
 * </pre>
 * (one line in reality). The derivation is the report's ({@link Limits#cpuDerivation()}); the line adds where the
 * quota was read, which the report shows on a line of its own.
 */
final class Summary {

    private Summary() {
        throw new UnsupportedOperationException();
    }

    static String line(String version, Limits limits, String applied) {
        StringBuilder line = new StringBuilder("container-limits ").append(version).append(": cpus=")
                .append(limits.cpuCount()).append(" (").append(limits.cpuDerivation()).append("; ")
                .append(origins(limits)).append("), memory=").append(memory(limits.memoryLimit()))
                .append("; applied: ").append(applied);
        return line.toString();
    }

    /** {@code quota from <file>} or {@code quota none (<why>)}; and the affinity's reason when the JVM gave it. */
    private static String origins(Limits limits) {
        Finding<Double> quota = limits.cpuQuota();
        Finding<Integer> affinity = limits.affinityFinding();
        return (quota.isFound() ? "quota from " + quota.source() : "quota " + quota)
                + (affinity.isFound() ? "" : "; affinity " + limits.affinity() + " from the JVM: " + affinity.reason());
    }

    private static String memory(Finding<Long> limit) {
        // if/else rather than a switch over the enum, which would cost a synthetic class in premain
        if (limit.isFound()) {
            return Sizes.human(limit.value());
        }
        return limit.status() == Finding.Status.NONE ? "no limit" : "unknown";
    }
}
