package io.containerlimits.it.v2vm;

import io.containerlimits.it.probe.ProbeResult;
import java.util.Map;
import java.util.TreeMap;

/**
 * The CPU figures one guest JVM reported, as a value to compare whole: the common pool's parallelism and every field
 * {@link ProbeResult#cpuSizedFields()} names ({@code availableProcessors()}, {@code new ForkJoinPool()}, the
 * work-stealing pool, {@code Striped64}, the virtual-thread scheduler from 21 on).
 *
 * @param commonPool {@code ForkJoinPool.commonPool().getParallelism()}
 * @param sized      each CPU-sized field and its value
 */
record CpuFigures(int commonPool, Map<String, String> sized) {

    /** What a JVM sized for {@code cpus} CPUs reports in {@code probe}'s fields; the common pool leaves one free. */
    static CpuFigures sizedFor(int cpus, ProbeResult probe) {
        Map<String, String> sized = new TreeMap<>();
        probe.cpuSizedFields().forEach(field -> sized.put(field, String.valueOf(cpus)));
        return new CpuFigures(Math.max(1, cpus - 1), sized);
    }

    /** The figures in a probe line. */
    static CpuFigures of(ProbeResult probe) {
        Map<String, String> sized = new TreeMap<>();
        probe.cpuSizedFields().forEach(field -> sized.put(field, probe.get(field)));
        return new CpuFigures(probe.commonPool(), sized);
    }

    /** {@code 1 CPU, pool 1}: for the table. */
    String summary() {
        String cpus = sized.get("availableProcessors");
        return cpus + ("1".equals(cpus) ? " CPU" : " CPUs") + ", pool " + commonPool;
    }
}
