package io.containerlimits;

import io.containerlimits.detect.Detection;

/**
 * An immutable snapshot of this process's CPU and memory limits, after the policy.
 *
 * <p>Obtained from {@link ContainerLimits#detect()}. Every detected value is a {@link Finding}: found with its source,
 * none, or unknown with its reason.
 */
public final class Limits {

    private final int cpuCount;
    private final CpuSource cpuSource;
    private final int affinity;
    private final Finding<Long> memoryLimit;
    private final Settings settings;
    private final Detection detection;

    Limits(int cpuCount, CpuSource cpuSource, int affinity, Finding<Long> memoryLimit, Settings settings,
            Detection detection) {
        this.cpuCount = cpuCount;
        this.cpuSource = cpuSource;
        this.affinity = affinity;
        this.memoryLimit = memoryLimit;
        this.settings = settings;
        this.detection = detection;
    }

    /** The effective CPU count after the policy: what {@code availableProcessors()} should say. Always at least 1. */
    public int cpuCount() {
        return cpuCount;
    }

    /** What decided {@link #cpuCount()}. */
    public CpuSource cpuSource() {
        return cpuSource;
    }

    /**
     * How {@link #cpuCount()} was reached, in words: {@code quota 1.5, rounded ceil, min 1, capped by affinity 4}, or
     * {@code override cpus=3, ...}, or {@code affinity: ...}. Where the quota and the affinity were read is in their
     * findings.
     */
    public String cpuDerivation() {
        Finding<Double> quota = cpuQuota();
        return CpuPolicy.derivation(settings, cpuSource, quota.isFound() ? quota.value() : null, affinity,
                physicalCores().orElse(null));
    }

    /**
     * The governing CPU quota in CPUs ({@code 1.5}, not {@code 150000}): the minimum over every cgroup level, before
     * rounding and not capped by affinity.
     */
    public Finding<Double> cpuQuota() {
        return detection.cpuQuota();
    }

    /** The number of CPUs this process may run on: {@code Cpus_allowed_list}, else the JVM's own count. */
    public int affinity() {
        return affinity;
    }

    /**
     * The most CPUs the policy counts before a quota: the physical cores with {@code cores=physical} when they are
     * known, else {@link #affinity()}.
     */
    public int cpuBound() {
        return CpuPolicy.bound(settings, affinity, physicalCores().orElse(null));
    }

    /** Where {@link #affinity()} came from. */
    public Finding<Integer> affinityFinding() {
        return detection.affinity();
    }

    /**
     * The number of distinct physical cores among the allowed CPUs (threads of one core count once), from
     * {@code /sys/devices/system/cpu/cpuN/topology}; unknown when unreadable, or not read (see
     * {@link ContainerLimits#detectForPolicy}).
     */
    public Finding<Integer> physicalCores() {
        return detection.physicalCores();
    }

    /** The hard memory limit in bytes: the {@code memory=} override if given, else the minimum over levels. */
    public Finding<Long> memoryLimit() {
        return memoryLimit;
    }

    /** The detected hard memory limit, whatever the override says. */
    public Finding<Long> detectedMemoryLimit() {
        return detection.memoryLimit();
    }

    /** v2 {@code memory.high}: where the kernel starts throttling and reclaiming, not a kill limit. */
    public Finding<Long> memoryHigh() {
        return detection.memoryHigh();
    }

    /** Swap the cgroup may use beyond {@link #memoryLimit()}, in bytes. */
    public Finding<Long> swapLimit() {
        return detection.swapLimit();
    }

    /** Current memory usage of this process's cgroup, in bytes. */
    public Finding<Long> memoryUsage() {
        return detection.memoryUsage();
    }

    /** The cpu controller's version and directory, or {@code null} when there is none. */
    public String cpuCgroup() {
        return detection.cpuCgroup();
    }

    /** The memory controller's version and directory, or {@code null} when there is none. */
    public String memoryCgroup() {
        return detection.memoryCgroup();
    }

    /** The settings the policy used. */
    public Settings settings() {
        return settings;
    }

    /** The raw detection, notes included (for reports and {@code log=debug}). */
    public Detection detection() {
        return detection;
    }

    @Override
    public String toString() {
        return "Limits[cpus=" + cpuCount + " (" + cpuSource + "), quota=" + cpuQuota() + ", affinity=" + affinity
                + ", physicalCores=" + physicalCores() + ", memory=" + memoryLimit + "]";
    }
}
