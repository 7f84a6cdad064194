package io.containerlimits.detect.cgroup.v1;

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
 * cgroup v1: {@code cpu.cfs_quota_us} + {@code cpu.cfs_period_us}, {@code memory.limit_in_bytes} and
 * {@code memory.stat hierarchical_memory_limit}, {@code memory.memsw.limit_in_bytes}, {@code memory.usage_in_bytes}.
 *
 * <p>Every v1 cgroup directory has all of its controller's files, so a missing one means the level is skipped, not
 * "no limit". v1 has no {@code memory.high}. Immutable.
 */
public final class CgroupV1Reader implements CgroupReader {

    private final HostFiles files;
    private final OptionalLong hostMemory;

    /** @param hostMemory {@code MemTotal} in bytes, when known: see {@link MemoryFileReader#belowHostMemory} */
    public CgroupV1Reader(HostFiles files, OptionalLong hostMemory) {
        this.files = files;
        this.hostMemory = hostMemory;
    }

    @Override
    public Finding<CpuQuota> cpuQuota(CgroupHierarchy hierarchy, List<String> notes) {
        return HierarchyWalk.minimum(hierarchy, new CfsQuotaReader(files), false, notes);
    }

    @Override
    public Finding<Long> memoryLimit(CgroupHierarchy hierarchy, List<String> notes) {
        Finding<Long> direct = HierarchyWalk.minimum(hierarchy,
                MemoryFileReader.limit(files, "memory.limit_in_bytes", hostMemory), false, notes);
        Finding<Long> hierarchical = HierarchyWalk.minimum(hierarchy,
                new HierarchicalLimitReader(files, hostMemory), false, notes);
        return HierarchyWalk.tighter(direct, hierarchical);
    }

    @Override
    public Finding<Long> memoryHigh(CgroupHierarchy hierarchy, List<String> notes) {
        return Finding.none("cgroup v1 has no memory.high");
    }

    /**
     * v1 limits memory plus swap together ({@code memsw}); swap alone is that minus the memory limit. Without a
     * memory limit the memsw figure is reported as it is (it then bounds memory and swap together).
     */
    @Override
    public Finding<Long> swapLimit(CgroupHierarchy hierarchy, Finding<Long> memoryLimit, List<String> notes) {
        Finding<Long> memsw = HierarchyWalk.minimum(hierarchy,
                MemoryFileReader.swap(files, "memory.memsw.limit_in_bytes"), false, notes);
        if (!memsw.isFound() || !memoryLimit.isFound()) {
            return memsw;
        }
        long swap = Math.max(0, memsw.value() - memoryLimit.value());
        return Finding.found(swap, memsw.source() + " minus the memory limit " + memoryLimit.value());
    }

    @Override
    public Finding<Long> memoryUsage(CgroupHierarchy hierarchy, List<String> notes) {
        return MemoryFileReader.usage(hierarchy, "memory.usage_in_bytes");
    }
}
