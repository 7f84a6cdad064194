package io.containerlimits.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void asciiDigitsWithAnOptionalMinusAreIntegers() {
        assertEquals(-1L, Numbers.parseLong("-1", "x"));
        assertEquals(Long.MAX_VALUE, Numbers.parseLong("0009223372036854775807", "x"));
        assertFalse(Numbers.isInteger("+1"));
        assertFalse(Numbers.isInteger("١"));
        assertFalse(Numbers.isInteger("-"));
    }

    @Test
    void tooLargeIntegersAreMalformedButRecognisedAsHuge() {
        assertThrows(MalformedInputException.class, () -> Numbers.parseLong("9223372036854775808", "x"));
        assertTrue(Numbers.isHugeInteger("18446744073709551615"));
        assertFalse(Numbers.isHugeInteger("12"));
    }
}
