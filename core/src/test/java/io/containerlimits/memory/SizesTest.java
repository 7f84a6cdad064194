package io.containerlimits.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SizesTest {

    @Test
    void jvmSizesAreWholeMebibytesOrKibibytesRoundedUp() {
        assertEquals("94M", Sizes.jvm(94 * Sizes.MIB));
        assertEquals("30665K", Sizes.jvm(31_400_000));
        assertEquals("1K", Sizes.jvm(1));
        assertEquals("4096M", Sizes.jvm(4 * Sizes.GIB));
    }

    @Test
    void humanSizesUseBinaryUnitsWithOneDecimal() {
        assertEquals("256 MiB", Sizes.human(256 * Sizes.MIB));
        assertEquals("1.5 GiB", Sizes.human(3 * Sizes.GIB / 2));
        assertEquals("29.9 MiB", Sizes.human(31_400_960));
        assertEquals("512 B", Sizes.human(512));
        assertEquals("2 KiB", Sizes.human(2048));
    }

    @Test
    void rounding() {
        assertEquals(31_400_960, Sizes.roundUp(31_400_000, Sizes.KIB));
        assertEquals(31_400_000 / 1024 * 1024, Sizes.roundDown(31_400_000, Sizes.KIB));
        assertEquals(Sizes.MIB, Sizes.roundUp(Sizes.MIB, Sizes.MIB));
    }
}
