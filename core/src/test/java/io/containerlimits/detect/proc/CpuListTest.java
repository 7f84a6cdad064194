package io.containerlimits.detect.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.containerlimits.detect.MalformedInputException;
import org.junit.jupiter.api.Test;

class CpuListTest {

    @Test
    void rangesAndSingleCpusAreCounted() {
        assertEquals(7, CpuList.count("0-3,8,10-11\n"));
        assertEquals(1, CpuList.count("0"));
        assertEquals(16, CpuList.count("0-15"));
    }

    @Test
    void moreThan1024CpusCount() {
        // sched_getaffinity's default cpu_set_t holds 1024: the list has no such limit.
        assertEquals(2048, CpuList.count("0-2047"));
        assertEquals(1026, CpuList.count("0-1023,4000,5000"));
    }

    @Test
    void aCpuListedTwiceCountsOnce() {
        assertEquals(4, CpuList.count("0-3,2-3"));
    }

    @Test
    void malformedListsThrowTheDocumentedException() {
        for (String bad : new String[] {"", "\n", "0-", "-3", "3-1", "0,,1", "a", "0-3:2", "0-2147483647",
            "99999999999999999999"}) {
            assertThrows(MalformedInputException.class, () -> CpuList.count(bad), "should reject " + bad);
        }
    }
}
