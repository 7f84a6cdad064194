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

    /**
     * How {@link #count} was reached, in words: the one explanation that the report and the agent's {@code log=info}
     * line both print. {@code quota} is the detected one, also when it did not decide.
     *
     * <pre>
     * OVERRIDE  override cpus=3, rounded floor, min 1 (not bounded by affinity)
     * QUOTA     quota 1.5 - reserve 0.5, rounded ceil, min 1, capped by affinity 4
     * AFFINITY  affinity: the quota 16, rounded ceil, min 1, does not go below it
     *           affinity: no quota applies
     * </pre>
     */
    static String derivation(Settings settings, CpuSource source, Double quota, int affinity) {
        // if/else rather than a switch: a switch over an enum costs a synthetic class, and this runs in premain.
        String policy = ", rounded " + settings.rounding().key() + ", min " + settings.minCpus();
        if (source == CpuSource.OVERRIDE) {
            return "override cpus=" + Quantities.formatCpus(settings.cpus()) + policy + " (not bounded by affinity)";
        }
        if (quota == null) {
            return "affinity: no quota applies";
        }
        double reserveCpus = settings.reserveCpus();
        String reserve = reserveCpus > 0 ? " - reserve " + Quantities.formatCpus(reserveCpus) : "";
        String fromQuota = "quota " + Quantities.formatCpus(quota) + reserve + policy;
        return source == CpuSource.QUOTA ? fromQuota + ", capped by affinity " + affinity
                : "affinity: the " + fromQuota + ", does not go below it";
    }

    private static int clamp(long count) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, count));
    }
}
