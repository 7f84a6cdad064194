package io.containerlimits.detect.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containerlimits.detect.MalformedInputException;
import java.util.BitSet;
import org.junit.jupiter.api.Test;

class SiblingListTest {

    @Test
    void aTwoThreadCoreIsItsTwoCpus() {
        BitSet expected = new BitSet();
        expected.set(0);
        expected.set(4);
        assertEquals(expected, SiblingList.parse("0,4\n", 0));
        assertEquals(expected, SiblingList.parse("0,4\n", 4));
    }

    @Test
    void rangesAndSingleThreadsAsTheKernelWritesThem() {
        assertEquals(4, SiblingList.parse("8-11\n", 10).cardinality(), "SMT-4 (POWER)");
        assertEquals(1, SiblingList.parse("3\n", 3).cardinality(), "no SMT, or the sibling offline");
    }

    @Test
    void aListWithoutItsOwnCpuIsMalformed() {
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> SiblingList.parse("3,7", 2));
        assertTrue(e.getMessage().contains("does not hold cpu2"), e.getMessage());
    }

    @Test
    void whatCpuListRejectsIsMalformedHereToo() {
        for (String bad : new String[] {"", "\n", "1-", "garbage", "0,,4", "4-0", "-1", null}) {
            assertThrows(MalformedInputException.class, () -> SiblingList.parse(bad, 0), String.valueOf(bad));
        }
    }
}
