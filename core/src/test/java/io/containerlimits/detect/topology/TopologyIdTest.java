package io.containerlimits.detect.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containerlimits.detect.MalformedInputException;
import org.junit.jupiter.api.Test;

class TopologyIdTest {

    @Test
    void oneNumberOnALine() {
        assertEquals(0, TopologyId.parse("0\n", "core_id"));
        assertEquals(17, TopologyId.parse("17\n", "core_id"));
        assertEquals(Integer.MAX_VALUE, TopologyId.parse("2147483647", "core_id"));
    }

    @Test
    void minusOneIsAnIdLikeAnyOther() {
        // arm64 without firmware tables writes -1 for the package
        assertEquals(-1, TopologyId.parse("-1\n", "physical_package_id"));
    }

    @Test
    void anythingElseIsMalformedAndNamesTheFile() {
        for (String bad : new String[] {"", "\n", "-2", "2147483648", "+1", "1 2", "0x1", "one", "99999999999999999999",
            null}) {
            MalformedInputException e = assertThrows(MalformedInputException.class,
                    () -> TopologyId.parse(bad, "cpu3/topology/core_id"), String.valueOf(bad));
            assertTrue(e.getMessage().startsWith("cpu3/topology/core_id"), e.getMessage());
        }
    }
}
