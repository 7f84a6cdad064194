package io.containerlimits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class QuantitiesTest {

    @Test
    void cpusAcceptWholeFractionalAndMillicoreValues() {
        assertEquals(2.0, Quantities.parseCpus("2", false));
        assertEquals(1.5, Quantities.parseCpus(" 1.5 ", false));
        assertEquals(0.5, Quantities.parseCpus("500m", false));
    }

    @Test
    void zeroCpusIsAllowedOnlyWhereAsked() {
        assertEquals(0.0, Quantities.parseCpus("0", true));
        assertThrows(IllegalArgumentException.class, () -> Quantities.parseCpus("0", false));
    }

    @Test
    void malformedCpusQuoteTheInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Quantities.parseCpus("two", false));
        assertEquals("not a CPU quantity: \"two\"", e.getMessage());
        for (String bad : new String[] {"", "-1", "1e3", "1..5", "m", "2000000"}) {
            assertThrows(IllegalArgumentException.class, () -> Quantities.parseCpus(bad, false), bad);
        }
    }

    @Test
    void memorySuffixesAreAll1024Based() {
        assertEquals(268435456L, Quantities.parseBytes("256m"));
        assertEquals(268435456L, Quantities.parseBytes("256Mi"));
        assertEquals(268435456L, Quantities.parseBytes("256MB"));
        assertEquals(1073741824L, Quantities.parseBytes("1G"));
        assertEquals(1536L, Quantities.parseBytes("1.5k"));
        assertEquals(12345L, Quantities.parseBytes("12345"));
    }

    @Test
    void memoryBelowOneByteOrAboveLongIsOutOfRange() {
        for (String bad : new String[] {"0", "0.5", "0.0001k", "9999999999t", "12i", "12b", "", "1x"}) {
            assertThrows(IllegalArgumentException.class, () -> Quantities.parseBytes(bad), bad);
        }
    }

    @Test
    void cpusAreWrittenWithoutATrailingZeroAndWithoutLosingDigits() {
        assertEquals("2", Quantities.formatCpus(2.0));
        assertEquals("0.5", Quantities.formatCpus(0.5));
        assertEquals("1.5", Quantities.formatCpus(1.5));
        assertEquals("0.33333", Quantities.formatCpus(33333 / 100000.0), "a quota is shown as precisely as read");
        assertEquals("0.001", Quantities.formatCpus(0.001), "the smallest quota the kernel takes");
    }
}
