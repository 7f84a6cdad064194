package io.containerlimits.detect.cgroup.v1;

import io.containerlimits.detect.MalformedInputException;
import io.containerlimits.detect.cgroup.MemoryValue;
import java.util.OptionalLong;

/**
 * The cgroup v1 {@code memory.stat} file: one {@code name value} pair per line.
 *
 * <pre>
 * cache 2289664
 * hierarchical_memory_limit 104857600     -> 100 MiB: the tightest limit of this cgroup and its ancestors
 * hierarchical_memsw_limit 9223372036854771712
 * </pre>
 *
 * <p>{@code hierarchical_memory_limit} shows a parent's limit even where the parent directory is not visible (a
 * container's {@code --cgroup-parent}, JDK-8370966).
 */
public final class MemoryStat {

    /** The key of the line that holds the hierarchical limit. */
    private static final String HIERARCHICAL_LIMIT = "hierarchical_memory_limit";

    private MemoryStat() {
        throw new UnsupportedOperationException();
    }

    /**
     * The {@code hierarchical_memory_limit} in bytes.
     *
     * @return the limit; empty when it reads as no limit (see {@link MemoryValue#parse})
     * @throws MalformedInputException when there is no such line or its value is not an integer
     */
    public static OptionalLong hierarchicalLimit(String memoryStatContent) {
        MalformedInputException.requireText(memoryStatContent, "memory.stat");
        for (String line : memoryStatContent.split("\n", -1)) {
            String trimmed = line.trim();
            int space = trimmed.indexOf(' ');
            if (space > 0 && trimmed.substring(0, space).equals(HIERARCHICAL_LIMIT)) {
                return MemoryValue.parse(trimmed.substring(space + 1));
            }
        }
        throw new MalformedInputException("memory.stat: no " + HIERARCHICAL_LIMIT + " line", memoryStatContent);
    }
}
