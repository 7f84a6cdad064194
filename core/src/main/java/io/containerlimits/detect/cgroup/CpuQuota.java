package io.containerlimits.detect.cgroup;

/**
 * A CFS bandwidth limit: {@code quota} microseconds of CPU time per {@code period} microseconds.
 *
 * <p>{@code 150000/100000} is 1.5 CPUs. Both are positive (the parsers reject anything else). Immutable.
 */
public final class CpuQuota {

    private final long quota;
    private final long period;

    /**
     * @param quota  microseconds of CPU time per period, positive
     * @param period the period in microseconds, positive
     * @throws IllegalArgumentException if either is not positive (a parser bug, never the kernel's data)
     */
    public CpuQuota(long quota, long period) {
        if (quota <= 0 || period <= 0) {
            throw new IllegalArgumentException("quota and period must be positive: " + quota + "/" + period);
        }
        this.quota = quota;
        this.period = period;
    }

    /** The limit in CPUs, unrounded: {@code 150000/100000 -> 1.5}. */
    public double cpus() {
        return (double) quota / period;
    }

    /** {@code "150000/100000"}, the numbers as the kernel wrote them. */
    @Override
    public String toString() {
        return quota + "/" + period;
    }
}
