package io.containerlimits.detect.cgroup;

import io.containerlimits.Finding;
import java.util.List;

/**
 * The limits of one cgroup version: {@link io.containerlimits.detect.cgroup.v1.CgroupV1Reader} and
 * {@link io.containerlimits.detect.cgroup.v2.CgroupV2Reader} read different files with the same meaning.
 *
 * <p>Each method walks the hierarchy (except usage, which is the leaf's) and notes what it decided.
 */
public interface CgroupReader {

    /** The CFS quota, the minimum over levels. */
    Finding<CpuQuota> cpuQuota(CgroupHierarchy hierarchy, List<String> notes);

    /** The hard memory limit in bytes, the minimum over levels. */
    Finding<Long> memoryLimit(CgroupHierarchy hierarchy, List<String> notes);

    /** The throttling threshold ({@code memory.high}) in bytes; none on v1, which has no such file. */
    Finding<Long> memoryHigh(CgroupHierarchy hierarchy, List<String> notes);

    /** Swap the cgroup may use beyond the memory limit, in bytes. */
    Finding<Long> swapLimit(CgroupHierarchy hierarchy, Finding<Long> memoryLimit, List<String> notes);

    /** Current usage of the leaf cgroup in bytes. */
    Finding<Long> memoryUsage(CgroupHierarchy hierarchy, List<String> notes);
}
