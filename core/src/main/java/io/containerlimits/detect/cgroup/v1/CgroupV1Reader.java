package io.containerlimits.detect.cgroup.v1;

import io.containerlimits.Finding;
import io.containerlimits.detect.HostFiles;
import io.containerlimits.detect.cgroup.CgroupHierarchy;
import io.containerlimits.detect.cgroup.CgroupReader;
import io.containerlimits.detect.cgroup.CpuQuota;
import io.containerlimits.detect.cgroup.HierarchyWalk;
import io.containerlimits.detect.cgroup.LevelReader;
import io.containerlimits.detect.cgroup.MemoryFileReader;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * cgroup v1: {@code cpu.cfs_quota_us} + {@code cpu.cfs_period_us}, {@code memory.limit_in_bytes} and
 * {@code memory.stat hierarchical_memory_limit}, {@code memory.memsw.limit_in_bytes}, {@code memory.usage_in_bytes}.
 *
 * <p>Every v1 cgroup directory has all of its controller's files, so a missing one means the level is skipped, not
 * "no limit". v1 has no {@code memory.high}. Immutable.
 */
public final class CgroupV1Reader implements CgroupReader {

    /** Read where {@code memory.use_hierarchy} is not {@code 0}; a missing file counts as 1 (newer kernels). */
    private static final String USE_HIERARCHY = "memory.use_hierarchy";

    private final HostFiles files;
    private final OptionalLong hostMemory;

    /** @param hostMemory {@code MemTotal} in bytes, when known: see {@link MemoryFileReader#belowHostMemory} */
    public CgroupV1Reader(HostFiles files, OptionalLong hostMemory) {
        this.files = files;
        this.hostMemory = hostMemory;
    }

    @Override
    public Finding<CpuQuota> cpuQuota(CgroupHierarchy hierarchy, List<String> notes) {
        LevelReader<CpuQuota> cfs = new LevelReader<CpuQuota>() {
            @Override
            public String file() {
                return "cpu.cfs_quota_us";
            }

            @Override
            public Optional<CpuQuota> read(Path directory) throws IOException {
                String quota = files.read(directory, file());
                // CfsQuota does not look at the period when the quota is -1, so a missing period then is harmless.
                String period;
                try {
                    period = files.read(directory, "cpu.cfs_period_us");
                } catch (NoSuchFileException e) {
                    period = "";
                }
                return CfsQuota.parse(quota, period);
            }

            @Override
            public double size(CpuQuota limit) {
                return limit.cpus();
            }
        };
        return HierarchyWalk.minimum(hierarchy, cfs, false, notes);
    }

    @Override
    public Finding<Long> memoryLimit(CgroupHierarchy hierarchy, List<String> notes) {
        Finding<Long> direct = HierarchyWalk.minimum(hierarchy,
                MemoryFileReader.limit(files, "memory.limit_in_bytes", hostMemory), false, notes);
        LevelReader<Long> hierarchical = new LevelReader<Long>() {
            @Override
            public String file() {
                return "memory.stat hierarchical_memory_limit";
            }

            @Override
            public Optional<Long> read(Path directory) throws IOException {
                if (!usesHierarchy(directory)) {
                    return Optional.empty();
                }
                return MemoryFileReader.belowHostMemory(
                        MemoryStat.hierarchicalLimit(files.read(directory, "memory.stat")), hostMemory);
            }

            @Override
            public double size(Long limit) {
                return limit;
            }
        };
        return HierarchyWalk.tighter(direct, HierarchyWalk.minimum(hierarchy, hierarchical, false, notes));
    }

    private boolean usesHierarchy(Path directory) throws IOException {
        try {
            return !files.read(directory, USE_HIERARCHY).trim().equals("0");
        } catch (NoSuchFileException e) {
            return true;
        }
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
