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
        assertEquals("300 B", Sizes.human(300));
        assertEquals("2 KiB", Sizes.human(2048));
        assertEquals("0 B", Sizes.human(0));
        assertEquals("8589934592 GiB", Sizes.human(Long.MAX_VALUE), "no overflow at the top");
    }

    @Test
    void oneDecimalRoundedHalfUpWithoutATrailingZero() {
        // 1.25 GiB: the agent's log line once said "1.25 GiB" where the report said "1.3 GiB"; now both say this.
        assertEquals("1.3 GiB", Sizes.human(5 * Sizes.GIB / 4));
        assertEquals("1.2 GiB", Sizes.human(5 * Sizes.GIB / 4 - 1), "just below the half rounds down");
        // 1.05 MiB = 1,101,004.8 B: 1,101,005 B is above the half, 1,101,004 below it
        assertEquals("1.1 MiB", Sizes.human(1_101_005));
        assertEquals("1 MiB", Sizes.human(1_101_004));
        assertEquals("2 GiB", Sizes.human(2 * Sizes.GIB + 1), "not 2.0 GiB");
        assertEquals("1024 MiB", Sizes.human(Sizes.GIB - 1), "rounding never changes the unit");
        assertEquals("5.9 GiB", Sizes.human(6_324_158_464L), "a JVM's default heap on a 24 GiB host");
    }

    @Test
    void rounding() {
        assertEquals(31_400_960, Sizes.roundUp(31_400_000, Sizes.KIB));
        assertEquals(31_400_000 / 1024 * 1024, Sizes.roundDown(31_400_000, Sizes.KIB));
        assertEquals(Sizes.MIB, Sizes.roundUp(Sizes.MIB, Sizes.MIB));
    }
}
