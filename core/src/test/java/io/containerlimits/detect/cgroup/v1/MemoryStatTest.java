package io.containerlimits.detect.cgroup.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.containerlimits.detect.MalformedInputException;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class MemoryStatTest {

    @Test
    void theHierarchicalLimitLineGivesBytes() {
        String stat = "cache 2289664\nrss 135168\nhierarchical_memory_limit 104857600\n"
                + "hierarchical_memsw_limit 9223372036854771712\n";
        assertEquals(OptionalLong.of(104857600L), MemoryStat.hierarchicalLimit(stat));
    }

    @Test
    void theUnlimitedSentinelIsNoLimit() {
        assertEquals(OptionalLong.empty(),
                MemoryStat.hierarchicalLimit("hierarchical_memory_limit 9223372036854771712\n"));
    }

    @Test
    void aMissingLineOrBadValueIsMalformed() {
        assertThrows(MalformedInputException.class, () -> MemoryStat.hierarchicalLimit("cache 1\n"));
        assertThrows(MalformedInputException.class, () -> MemoryStat.hierarchicalLimit(""));
        assertThrows(MalformedInputException.class,
                () -> MemoryStat.hierarchicalLimit("hierarchical_memory_limit lots\n"));
    }
}
