package io.containerlimits.detect.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.containerlimits.detect.MalformedInputException;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class MemoryValueTest {

    @Test
    void aNumberIsBytes() {
        assertEquals(OptionalLong.of(1073741824L), MemoryValue.parse("1073741824\n"));
    }

    @Test
    void maxIsNoLimit() {
        assertEquals(OptionalLong.empty(), MemoryValue.parse("max\n"));
    }

    @Test
    void theV1SentinelIsNoLimit() {
        assertEquals(OptionalLong.empty(), MemoryValue.parse("9223372036854771712\n"));
    }

    @Test
    void zeroNegativeAndHugeValuesAreNoLimit() {
        assertEquals(OptionalLong.empty(), MemoryValue.parse("0"));
        assertEquals(OptionalLong.empty(), MemoryValue.parse("-1"));
        assertEquals(OptionalLong.empty(), MemoryValue.parse("18446744073709551615"));
        assertEquals(OptionalLong.empty(), MemoryValue.parse(String.valueOf(1L << 62)));
    }

    @Test
    void textThatIsNotANumberIsMalformed() {
        for (String bad : new String[] {"", "1.5", "+5", "12 kB", "max 1", "٣"}) {
            assertThrows(MalformedInputException.class, () -> MemoryValue.parse(bad), "should reject " + bad);
        }
    }
}
