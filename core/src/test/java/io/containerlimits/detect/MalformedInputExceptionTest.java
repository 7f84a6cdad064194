package io.containerlimits.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MalformedInputExceptionTest {

    @Test
    void theMessageQuotesTheInputWithControlCharactersEscaped() {
        assertEquals("cpu.max: bad: \"1\\n2\\x00\"", new MalformedInputException("cpu.max: bad", "1\n2\u0000")
                .getMessage());
    }

    @Test
    void longInputIsShortenedInTheMessage() {
        String message = new MalformedInputException("x", new String(new char[5000]).replace('\0', 'a'))
                .getMessage();
        assertTrue(message.length() < 200 && message.endsWith("(5000 chars)"), message);
    }
}
