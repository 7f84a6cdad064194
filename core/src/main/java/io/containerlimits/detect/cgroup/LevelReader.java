package io.containerlimits.detect.cgroup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads one limit at one level of a hierarchy, for {@link HierarchyWalk}.
 *
 * @param <T> the limit ({@link CpuQuota}, or {@link Long} bytes)
 */
public interface LevelReader<T> {

    /** The file it reads, for notes and sources ({@code cpu.max}). */
    String file();

    /**
     * The limit in {@code directory}.
     *
     * @return the limit; empty when this level says there is none
     * @throws IOException                                          when the file is missing or unreadable
     * @throws io.containerlimits.detect.MalformedInputException when the content is malformed
     */
    Optional<T> read(Path directory) throws IOException;

    /** A number to compare limits by: the smallest wins. */
    double size(T limit);
}
