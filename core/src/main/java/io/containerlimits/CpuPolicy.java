package io.containerlimits;

/**
 * Turns a detected quota and affinity into the effective CPU count (docs/design.md §3 step 7).
 *
 * <pre>
 * override given  ->  max(minCpus, round(override))            taken as given, like -XX:ActiveProcessorCount
 * quota found     ->  min(bound, max(minCpus, round(quota - reserve)))
 * otherwise       ->  bound
 * </pre>
 *
 * The bound is the affinity count, or with {@code cores=physical} the physical cores among the allowed CPUs (when they
 * are known; otherwise the affinity count stands). Shares and weights are never used: a request is a floor, not a
 * ceiling (JDK-8281181).
 */
final class CpuPolicy {

    private CpuPolicy() {
        throw new UnsupportedOperationException();
    }

    /**
     * @param physicalCores the physical cores among the allowed CPUs, or {@code null} when unknown or not read
     */
    static int count(Settings settings, Double quota, int affinity, Integer physicalCores) {
        if (settings.cpus() != null) {
            return clamp(Math.max(settings.minCpus(), settings.rounding().apply(settings.cpus())));
        }
        int bound = bound(settings, affinity, physicalCores);
        if (quota != null) {
            long rounded = settings.rounding().apply(Math.max(0.0, quota - settings.reserveCpus()));
            return clamp(Math.min(bound, Math.max(settings.minCpus(), rounded)));
        }
        return bound;
    }

    /**
     * What decided {@link #count}: a quota only when it is tighter than the bound; a quota above it (16 CPUs of quota
     * on 8 allowed CPUs) leaves the bound in charge: the affinity, which the JVM sees by itself, or the physical cores
     * when {@code cores=physical} makes them fewer.
     */
    static CpuSource source(Settings settings, Double quota, int affinity, Integer physicalCores) {
        if (settings.cpus() != null) {
            return CpuSource.OVERRIDE;
        }
        int bound = bound(settings, affinity, physicalCores);
        if (quota != null && count(settings, quota, affinity, physicalCores) < bound) {
            return CpuSource.QUOTA;
        }
        return bound < affinity ? CpuSource.PHYSICAL_CORES : CpuSource.AFFINITY;
    }

    /** The affinity count, or the physical cores when {@code cores=physical} asks for them and they are known. */
    static int bound(Settings settings, int affinity, Integer physicalCores) {
        return settings.cores() == Cores.PHYSICAL && physicalCores != null
                ? Math.max(1, Math.min(affinity, physicalCores)) : affinity;
    }

    private static int clamp(long count) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, count));
    }
}
