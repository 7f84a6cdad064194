package io.containerlimits.detect.cgroup.v2;

import io.containerlimits.Finding;
import io.containerlimits.detect.HostFiles;
import io.containerlimits.detect.cgroup.CgroupHierarchy;
import io.containerlimits.detect.cgroup.CgroupReader;
import io.containerlimits.detect.cgroup.CpuQuota;
import io.containerlimits.detect.cgroup.HierarchyWalk;
import io.containerlimits.detect.cgroup.MemoryFileReader;
import java.util.List;
import java.util.OptionalLong;

/**
 * cgroup v2 (Documentation/admin-guide/cgroup-v2.rst): {@code cpu.max}, {@code memory.max}, {@code memory.high},
 * {@code memory.swap.max}, {@code memory.current}.
 *
 * <p>A missing file means "no limit at this level": a controller that is not delegated to a subtree (rootless
 * Podman, systemd user slices, the root cgroup) has no files there, and that is not an error. Immutable.
 */
public final class CgroupV2Reader implements CgroupReader {

    private final HostFiles files;
    private final OptionalLong hostMemory;

    /** @param hostMemory {@code MemTotal} in bytes, when known: see {@link MemoryFileReader#belowHostMemory} */
    public CgroupV2Reader(HostFiles files, OptionalLong hostMemory) {
        this.files = files;
        this.hostMemory = hostMemory;
    }

    @Override
    public Finding<CpuQuota> cpuQuota(CgroupHierarchy hierarchy, List<String> notes) {
        return HierarchyWalk.minimum(hierarchy, new CpuMaxReader(files), true, notes);
    }

    @Override
    public Finding<Long> memoryLimit(CgroupHierarchy hierarchy, List<String> notes) {
        return HierarchyWalk.minimum(hierarchy, MemoryFileReader.limit(files, "memory.max", hostMemory), true, notes);
    }

    @Override
    public Finding<Long> memoryHigh(CgroupHierarchy hierarchy, List<String> notes) {
        return HierarchyWalk.minimum(hierarchy, MemoryFileReader.limit(files, "memory.high", hostMemory), true,
                notes);
    }

    @Override
    public Finding<Long> swapLimit(CgroupHierarchy hierarchy, Finding<Long> memoryLimit, List<String> notes) {
        // memory.swap.max is already swap alone (unlike v1's memsw), so the memory limit does not enter.
        return HierarchyWalk.minimum(hierarchy, MemoryFileReader.swap(files, "memory.swap.max"), true, notes);
    }

    @Override
    public Finding<Long> memoryUsage(CgroupHierarchy hierarchy, List<String> notes) {
        return MemoryFileReader.usage(hierarchy, "memory.current");
    }
}
