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

    /**
     * How {@link #count} was reached, in words: the one explanation that the report and the agent's {@code log=info}
     * line both print. {@code quota} is the detected one, also when it did not decide.
     *
     * <pre>
     * OVERRIDE        override cpus=3, rounded floor, min 1 (not bounded by affinity)
     * QUOTA           quota 1.5 - reserve 0.5, rounded ceil, min 1, capped by affinity 4
     *                 quota 1.5, rounded floor, min 1, capped by 4 physical cores (cores=physical)
     * PHYSICAL_CORES  cores=physical: the physical cores of the 8 allowed CPUs
     *                 cores=physical: the physical cores of the 8 allowed CPUs; the quota 6, rounded ceil, min 1,
     *                 does not go below them
     * AFFINITY        affinity: the quota 16, rounded ceil, min 1, does not go below it
     *                 affinity: no quota applies
     * </pre>
     *
     * With {@code cores=physical} and the affinity in charge, it adds why: {@code ; cores=physical: as many physical
     * cores} or {@code ; cores=physical: physical cores unknown, logical CPUs count}.
     *
     * @param physicalCores the physical cores among the allowed CPUs, or {@code null} when unknown or not read
     */
    static String derivation(Settings settings, CpuSource source, Double quota, int affinity,
            Integer physicalCores) {
        // if/else rather than a switch: a switch over an enum costs a synthetic class, and this runs in premain.
        String policy = ", rounded " + settings.rounding().key() + ", min " + settings.minCpus();
        if (source == CpuSource.OVERRIDE) {
            return "override cpus=" + Quantities.formatCpus(settings.cpus()) + policy + " (not bounded by affinity)";
        }
        int bound = bound(settings, affinity, physicalCores);
        String cores = settings.cores() != Cores.PHYSICAL || bound < affinity ? ""
                : physicalCores != null ? "; cores=physical: as many physical cores"
                : "; cores=physical: physical cores unknown, logical CPUs count";
        String fromQuota = "";
        if (quota != null) {
            double reserveCpus = settings.reserveCpus();
            String reserve = reserveCpus > 0 ? " - reserve " + Quantities.formatCpus(reserveCpus) : "";
            fromQuota = "quota " + Quantities.formatCpus(quota) + reserve + policy;
        }
        if (source == CpuSource.QUOTA) {
            return fromQuota + ", capped by " + (bound < affinity ? bound + " physical cores (cores=physical)"
                    : "affinity " + affinity + cores);
        }
        if (source == CpuSource.PHYSICAL_CORES) {
            return "cores=physical: the physical cores of the " + affinity + " allowed CPUs"
                    + (quota == null ? "" : "; the " + fromQuota + ", does not go below them");
        }
        return (quota == null ? "affinity: no quota applies" : "affinity: the " + fromQuota + ", does not go below it")
                + cores;
    }

    private static int clamp(long count) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, count));
    }
}
