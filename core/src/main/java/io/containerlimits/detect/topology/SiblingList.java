package io.containerlimits.detect.topology;

import io.containerlimits.detect.MalformedInputException;
import io.containerlimits.detect.proc.CpuList;
import java.util.BitSet;

/**
 * {@code /sys/devices/system/cpu/cpuN/topology/core_cpus_list} (kernel 5.3+) or its older name
 * {@code thread_siblings_list}: the hardware threads of cpuN's core, in cpuset list format.
 *
 * <pre>
 * 0,4      -> {0, 4}   cpu0 and cpu4 are the two threads of one core
 * 3        -> {3}      no SMT, or the sibling is offline
 * </pre>
 */
public final class SiblingList {

    private SiblingList() {
        throw new UnsupportedOperationException();
    }

    /**
     * The CPUs of {@code cpu}'s core.
     *
     * @param content the whole file (a trailing newline is ignored)
     * @param cpu     the CPU whose file it is: a list that leaves it out describes another core, and is malformed
     * @throws MalformedInputException for anything {@link CpuList#parse} rejects, or a list without {@code cpu}
     */
    public static BitSet parse(String content, int cpu) {
        BitSet siblings = CpuList.parse(content);
        if (cpu < 0 || !siblings.get(cpu)) {
            throw new MalformedInputException("sibling list of cpu" + cpu + ": does not hold cpu" + cpu, content);
        }
        return siblings;
    }
}
