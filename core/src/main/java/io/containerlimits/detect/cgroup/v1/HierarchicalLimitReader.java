package io.containerlimits.detect.cgroup.v1;

import io.containerlimits.detect.HostFiles;
import io.containerlimits.detect.cgroup.LevelReader;
import io.containerlimits.detect.cgroup.MemoryFileReader;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads {@code hierarchical_memory_limit} of {@code memory.stat} at one level of a cgroup v1 hierarchy, for the walk:
 * the limit of the level and its ancestors, also of those whose directories are not visible. Immutable.
 */
final class HierarchicalLimitReader implements LevelReader<Long> {

    /** Read where {@code memory.use_hierarchy} is not {@code 0}; a missing file counts as 1 (newer kernels). */
    private static final String USE_HIERARCHY = "memory.use_hierarchy";

    private final HostFiles files;
    private final OptionalLong hostMemory;

    /** @param hostMemory {@code MemTotal} in bytes, when known: see {@link MemoryFileReader#belowHostMemory} */
    HierarchicalLimitReader(HostFiles files, OptionalLong hostMemory) {
        this.files = files;
        this.hostMemory = hostMemory;
    }

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

    private boolean usesHierarchy(Path directory) throws IOException {
        try {
            return !files.read(directory, USE_HIERARCHY).trim().equals("0");
        } catch (NoSuchFileException e) {
            return true;
        }
    }
}
