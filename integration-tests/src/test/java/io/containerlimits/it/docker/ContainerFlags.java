package io.containerlimits.it.docker;

import com.github.dockerjava.api.model.HostConfig;
import java.util.function.Consumer;

/**
 * Limits for one container, as {@code docker run} flags: the text for messages, and what the flags do to the
 * container's host configuration (applied through {@code withCreateContainerCmdModifier}).
 */
record ContainerFlags(String text, Consumer<HostConfig> apply) {

    /** Nanoseconds of CPU time per second per CPU, the unit of {@code --cpus}. */
    private static final long NANO_CPUS_PER_CPU = 1_000_000_000L;

    /** No limit at all. */
    static ContainerFlags none() {
        return new ContainerFlags("(no limits)", hostConfig -> { });
    }

    /** {@code --cpus=N}: a CFS quota of N CPUs over the default 100 ms period. */
    static ContainerFlags cpus(double cpus) {
        return new ContainerFlags("--cpus=" + cpus,
                hostConfig -> hostConfig.withNanoCPUs(Math.round(cpus * NANO_CPUS_PER_CPU)));
    }

    /** {@code --cpu-quota=Q --cpu-period=P}, in microseconds. */
    static ContainerFlags cpuQuota(long quotaMicros, long periodMicros) {
        return new ContainerFlags("--cpu-quota=" + quotaMicros + " --cpu-period=" + periodMicros,
                hostConfig -> hostConfig.withCpuQuota(quotaMicros).withCpuPeriod(periodMicros));
    }

    /** {@code --cpuset-cpus=LIST}. */
    static ContainerFlags cpusetCpus(String cpuList) {
        return new ContainerFlags("--cpuset-cpus=" + cpuList, hostConfig -> hostConfig.withCpusetCpus(cpuList));
    }

    /** {@code --cpu-shares=N}: a relative weight, not a limit. */
    static ContainerFlags cpuShares(int shares) {
        return new ContainerFlags("--cpu-shares=" + shares, hostConfig -> hostConfig.withCpuShares(shares));
    }

    /** {@code -m N --memory-swap=N}: a hard limit with no swap on top, so that going over it is a kill. */
    static ContainerFlags memoryWithoutSwap(long bytes) {
        return new ContainerFlags("-m " + bytes + " --memory-swap=" + bytes,
                hostConfig -> hostConfig.withMemory(bytes).withMemorySwap(bytes));
    }

    /** {@code --cgroupns=private}: the container sees its own cgroups at {@code /}. */
    static ContainerFlags privateCgroupNamespace() {
        return new ContainerFlags("--cgroupns=private", hostConfig -> hostConfig.withCgroupnsMode("private"));
    }

    /** These flags and {@code other}'s, both applied. */
    ContainerFlags and(ContainerFlags other) {
        return new ContainerFlags(text + " " + other.text, apply.andThen(other.apply));
    }

    @Override
    public String toString() {
        return text;
    }
}
