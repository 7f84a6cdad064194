package io.containerlimits.detect;

import io.containerlimits.Finding;
import java.util.Collections;
import java.util.List;

/**
 * What the files say, before any policy: the raw result of {@link Detector#detect}.
 *
 * <p>Internal to container-limits (public only so that the agent and the command line can use it); applications use
 * {@link io.containerlimits.ContainerLimits}. Immutable.
 */
public final class Detection {

    private final Finding<Double> cpuQuota;
    private final Finding<Integer> affinity;
    private final Finding<Integer> physicalCores;
    private final Finding<Long> memoryLimit;
    private final Finding<Long> memoryHigh;
    private final Finding<Long> swapLimit;
    private final Finding<Long> memoryUsage;
    private final String cpuCgroup;
    private final String memoryCgroup;
    private final List<String> notes;

    /**
     * @param cpuQuota     the governing CPU quota in CPUs (the minimum of quota/period over every level), unrounded
     * @param affinity     the number of CPUs in {@code Cpus_allowed_list}
     * @param physicalCores the number of distinct physical cores among those CPUs (unknown when not read)
     * @param memoryLimit  the hard memory limit in bytes (minimum over levels, v1 hierarchical limit included)
     * @param memoryHigh   v2 {@code memory.high} (the throttling threshold), minimum over levels
     * @param swapLimit    swap limit in bytes (v2 {@code memory.swap.max}; v1 {@code memsw} minus the memory limit)
     * @param memoryUsage  current usage of the leaf cgroup in bytes
     * @param cpuCgroup    how the cpu controller was found, e.g. {@code "v2 /sys/fs/cgroup/system.slice/app.service"};
     *                     {@code null} when there is none
     * @param memoryCgroup the same for the memory controller
     * @param notes        why: one line per level skipped, file unreadable, mount chosen (for {@code log=debug})
     */
    public Detection(Finding<Double> cpuQuota, Finding<Integer> affinity, Finding<Integer> physicalCores,
            Finding<Long> memoryLimit, Finding<Long> memoryHigh, Finding<Long> swapLimit, Finding<Long> memoryUsage,
            String cpuCgroup, String memoryCgroup, List<String> notes) {
        this.cpuQuota = cpuQuota;
        this.affinity = affinity;
        this.physicalCores = physicalCores;
        this.memoryLimit = memoryLimit;
        this.memoryHigh = memoryHigh;
        this.swapLimit = swapLimit;
        this.memoryUsage = memoryUsage;
        this.cpuCgroup = cpuCgroup;
        this.memoryCgroup = memoryCgroup;
        this.notes = Collections.unmodifiableList(notes);
    }

    /** Everything unknown for {@code reason}: what the detector returns when it cannot even start. */
    public static Detection unknown(String reason) {
        Finding<Double> q = Finding.unknown(reason);
        Finding<Integer> a = Finding.unknown(reason);
        Finding<Long> m = Finding.unknown(reason);
        return new Detection(q, a, a, m, m, m, m, null, null, Collections.singletonList(reason));
    }

    public Finding<Double> cpuQuota() {
        return cpuQuota;
    }

    public Finding<Integer> affinity() {
        return affinity;
    }

    public Finding<Integer> physicalCores() {
        return physicalCores;
    }

    public Finding<Long> memoryLimit() {
        return memoryLimit;
    }

    public Finding<Long> memoryHigh() {
        return memoryHigh;
    }

    public Finding<Long> swapLimit() {
        return swapLimit;
    }

    public Finding<Long> memoryUsage() {
        return memoryUsage;
    }

    public String cpuCgroup() {
        return cpuCgroup;
    }

    public String memoryCgroup() {
        return memoryCgroup;
    }

    public List<String> notes() {
        return notes;
    }
}
