package io.containerlimits.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containerlimits.Finding;
import org.junit.jupiter.api.Test;

class MemoryCheckTest {

    private static final long MIB = 1L << 20;
    private static final Finding<Long> LIMIT_256M = Finding.found(256 * MIB, "memory.max");

    @Test
    void heapPlusNativeMinimumMustFit() {
        assertFalse(MemoryCheck.heapExceeds(192 * MIB, LIMIT_256M), "192 + 64 = 256 fits exactly");
        assertTrue(MemoryCheck.heapExceeds(192 * MIB + 1, LIMIT_256M));
    }

    @Test
    void defaultHeapOfAQuarterNeverWarns() {
        assertFalse(MemoryCheck.heapExceeds(64 * MIB, LIMIT_256M));
    }

    @Test
    void noLimitOrNoHeapBoundNeverWarns() {
        assertFalse(MemoryCheck.heapExceeds(1L << 40, Finding.none("memory.max reads max")));
        assertFalse(MemoryCheck.heapExceeds(1L << 40, Finding.unknown("unreadable")));
        assertFalse(MemoryCheck.heapExceeds(Long.MAX_VALUE, LIMIT_256M));
    }

    @Test
    void suggestedHeapLeavesRoom() {
        // The same figures as flags (MemoryCalculatorTest): the message and the command agree.
        assertEquals(94, MemoryCheck.suggestedHeapMib(256 * MIB));
        assertEquals(444, MemoryCheck.suggestedHeapMib(1024 * MIB));
        assertEquals(0, MemoryCheck.suggestedHeapMib(64 * MIB), "nothing fits: the message only names flags");
    }
}
