package io.containerlimits;

/**
 * Turns a detected quota and affinity into the effective CPU count (docs/design.md §3 step 7).
 *
 * <pre>
 * override given  ->  max(minCpus, round(override))            taken as given, like -XX:ActiveProcessorCount
 * quota found     ->  min(affinity, max(minCpus, round(quota - reserve)))
 * otherwise       ->  affinity
 * </pre>
 *
 * Shares and weights are never used: a request is a floor, not a ceiling (JDK-8281181).
 */
final class CpuPolicy {

    private CpuPolicy() {
        throw new UnsupportedOperationException();
    }

    static int count(Settings settings, Double quota, int affinity) {
        if (settings.cpus() != null) {
            return clamp(Math.max(settings.minCpus(), settings.rounding().apply(settings.cpus())));
        }
        if (quota != null) {
            long rounded = settings.rounding().apply(Math.max(0.0, quota - settings.reserveCpus()));
            return clamp(Math.min(affinity, Math.max(settings.minCpus(), rounded)));
        }
        return affinity;
    }

    /**
     * What decided {@link #count}: a quota only when it is tighter than the affinity; a quota above it (16 CPUs of
     * quota on 8 allowed CPUs) leaves the affinity in charge, which the JVM sees by itself.
     */
    static CpuSource source(Settings settings, Double quota, int affinity) {
        if (settings.cpus() != null) {
            return CpuSource.OVERRIDE;
        }
        return quota != null && count(settings, quota, affinity) < affinity ? CpuSource.QUOTA : CpuSource.AFFINITY;
    }

    private static int clamp(long count) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, count));
    }
}
