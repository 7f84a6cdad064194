package io.containerlimits.detect.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.containerlimits.detect.MalformedInputException;
import org.junit.jupiter.api.Test;

class MemInfoTest {

    @Test
    void memTotalIsConvertedFromKibToBytes() {
        assertEquals(24609060L * 1024, MemInfo.memTotal("MemTotal:       24609060 kB\nMemFree:  1 kB\n"));
    }

    @Test
    void aMissingLineOrWrongUnitIsMalformed() {
        for (String bad : new String[] {"", "MemFree: 1 kB\n", "MemTotal: 5 MB\n", "MemTotal: 0 kB",
            "MemTotal: 9223372036854775807 kB", "MemTotal:"}) {
            assertThrows(MalformedInputException.class, () -> MemInfo.memTotal(bad), "should reject " + bad);
        }
    }
}
