package io.containerlimits.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class FieldsTest {

    @Test
    void runsOfSpacesAndTabsSeparateFields() {
        assertArrayEquals(new String[] {"a", "b"}, Fields.split(" a \t b "));
        assertArrayEquals(new String[] {"200000", "100000"}, Fields.split("200000 100000"));
        assertArrayEquals(new String[0], Fields.split(""));
    }
}
