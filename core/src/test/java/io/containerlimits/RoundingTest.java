package io.containerlimits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class RoundingTest {

    @Test
    void ceilRoundsUpButNotAWholeNumberWithBinaryNoise() {
        assertEquals(2, Rounding.CEIL.apply(1.2));
        assertEquals(1, Rounding.CEIL.apply(1.0000000001));
        assertEquals(1, Rounding.CEIL.apply(0.5));
    }

    @Test
    void floorRoundsDownAndMayGiveZero() {
        assertEquals(1, Rounding.FLOOR.apply(1.8));
        assertEquals(0, Rounding.FLOOR.apply(0.5));
        assertEquals(3, Rounding.FLOOR.apply(2.9999999999));
    }

    @Test
    void roundGoesHalfUp() {
        assertEquals(3, Rounding.ROUND.apply(2.5));
        assertEquals(2, Rounding.ROUND.apply(2.4));
    }

    @Test
    void keysAreLowerCaseAndLookedUpInAnyCase() {
        assertEquals("floor", Rounding.FLOOR.key());
        assertEquals(Rounding.CEIL, Rounding.fromKey(" CEIL "));
        assertNull(Rounding.fromKey("up"));
    }
}
