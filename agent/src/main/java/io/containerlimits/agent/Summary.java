package io.containerlimits.agent;

import io.containerlimits.Cores;
import io.containerlimits.Finding;
import io.containerlimits.Limits;
import io.containerlimits.Quantities;
import io.containerlimits.memory.Sizes;

/**
 * The one {@code log=info} line: version, what was detected and why, what was applied.
 *
 * <pre>
 * container-limits 0.1.0: cpus=1 (quota 0.5, rounded ceil, min 1, capped by affinity 2),
 *     quota=0.5 (/sys/fs/cgroup/cpu/x/cpu.cfs_quota_us (level 1 of 3 from the leaf) 50000/100000), memory=256 MiB;
 *     applied: common pool 1, rewrite on, properties io.netty.availableProcessors ...
 * </pre>
 * (one line in reality). The derivation is the report's ({@link Limits#cpuDerivation()}); the line adds where the
 * quota was read (and why the affinity is the JVM's, when it is; with {@code cores=physical}, the physical cores),
 * which the report shows on lines of their own.
 */
final class Summary {

    private Summary() {
        throw new UnsupportedOperationException();
    }

    static String line(String version, Limits limits, String applied) {
        StringBuilder line = new StringBuilder("container-limits ").append(version).append(": cpus=")
                .append(limits.cpuCount()).append(" (").append(limits.cpuDerivation()).append("), quota=")
                .append(quota(limits.cpuQuota())).append(affinity(limits)).append(physicalCores(limits))
                .append(", memory=")
                .append(memory(limits.memoryLimit())).append("; applied: ").append(applied);
        return line.toString();
    }

    /** {@code 0.5 (<file, level, raw values>)}, {@code none (<why>)} or {@code unknown (<why>)}. */
    private static String quota(Finding<Double> quota) {
        return quota.isFound() ? Quantities.formatCpus(quota.value()) + " (" + quota.source() + ")" : quota.toString();
    }

    /** Nothing when {@code Cpus_allowed_list} was read, else why the count is the JVM's own. */
    private static String affinity(Limits limits) {
        Finding<Integer> affinity = limits.affinityFinding();
        return affinity.isFound() ? ""
                : ", affinity=" + limits.affinity() + " (the JVM's count: " + affinity.reason() + ")";
    }

    /** With {@code cores=physical}: {@code , physicalCores=4 (<files>)}, or unknown and why; else nothing. */
    private static String physicalCores(Limits limits) {
        return limits.settings().cores() == Cores.PHYSICAL ? ", physicalCores=" + limits.physicalCores() : "";
    }

    /** {@code 256 MiB}, {@code no limit} or {@code unknown}. */
    static String memory(Finding<Long> limit) {
        // if/else rather than a switch over the enum, which would cost a synthetic class in premain
        if (limit.isFound()) {
            return Sizes.human(limit.value());
        }
        return limit.status() == Finding.Status.NONE ? "no limit" : "unknown";
    }
}
