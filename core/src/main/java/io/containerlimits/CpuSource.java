package io.containerlimits;

/** What decided the effective CPU count of a {@link Limits}. */
public enum CpuSource {
    /** The {@code cpus=} setting (agent argument, environment or command-line option). */
    OVERRIDE,
    /** A cgroup CPU quota, rounded by the policy and bounded by the affinity count. */
    QUOTA,
    /**
     * {@code cores=physical}: the physical cores among the allowed CPUs, fewer than those CPUs (SMT), with no quota
     * below them.
     */
    PHYSICAL_CORES,
    /** No quota: the CPUs this process may run on ({@code Cpus_allowed_list}, or the JVM's own count). */
    AFFINITY
}
