package io.containerlimits.it.v2vm;

import io.containerlimits.it.probe.ProbeResult;

/**
 * The CPU figures one guest JVM reported, as a value to compare whole: {@code availableProcessors()}, the common
 * pool's parallelism, {@code new ForkJoinPool()}'s, and the virtual-thread scheduler's ({@code n/a} before 21).
 *
 * @param availableProcessors {@code Runtime.availableProcessors()} at a call site the agent rewrites
 * @param commonPool          {@code ForkJoinPool.commonPool().getParallelism()}
 * @param newForkJoinPool     {@code new ForkJoinPool().getParallelism()}
 * @param virtualThreads      the default virtual-thread scheduler's parallelism, or {@code n/a}
 */
record CpuFigures(int availableProcessors, int commonPool, int newForkJoinPool, String virtualThreads) {

    /** What a JVM of {@code jdk} sized for {@code cpus} CPUs reports: the common pool leaves one CPU to the caller. */
    static CpuFigures sizedFor(int cpus, GuestJdk jdk) {
        return new CpuFigures(cpus, Math.max(1, cpus - 1), cpus, jdk.hasVirtualThreads() ? String.valueOf(cpus) : "n/a");
    }

    /** The figures in a probe line. */
    static CpuFigures of(ProbeResult probe) {
        return new CpuFigures(probe.availableProcessors(), probe.commonPool(), probe.intValue("newForkJoinPool"),
                probe.get("vtScheduler"));
    }

    /** {@code 1 CPU, pool 1}: for the table. */
    String summary() {
        return availableProcessors + (availableProcessors == 1 ? " CPU" : " CPUs") + ", pool " + commonPool;
    }
}
