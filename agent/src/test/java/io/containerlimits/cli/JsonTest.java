package io.containerlimits.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.containerlimits.testsupport.StrictJson;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        assertEquals("\"a\\\"b\\\\c\\nd\\te\\r\\b\\f\\u0001\"", Json.write("a\"b\\c\nd\te\r\b\f\u0001"));
    }

    @Test
    void writesEverythingOutsidePrintableAsciiAsUnicodeEscapes() {
        assertEquals("\"caf\\u00e9 \\u2028 \\u007f\"", Json.write("café \u2028 \u007f"));
    }

    @Test
    void aStringSurvivesTheRoundTrip() {
        String nasty = "/tmp/a \"quoted\" \\dir\\ with\ttab\nand é\u0000";
        assertEquals(nasty, StrictJson.parse(Json.write(nasty)));
    }

    @Test
    void writesNestedObjectsInOrderWithIndentation() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("count", 2);
        inner.put("quota", null);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("z", "first");
        root.put("cpu", inner);
        root.put("list", Arrays.asList(1L, 1.5, true));
        root.put("empty", new ArrayList<>());
        assertEquals(String.join("\n",
                "{",
                "  \"z\": \"first\",",
                "  \"cpu\": {",
                "    \"count\": 2,",
                "    \"quota\": null",
                "  },",
                "  \"list\": [",
                "    1,",
                "    1.5,",
                "    true",
                "  ],",
                "  \"empty\": []",
                "}"), Json.write(root));
    }

    @Test
    void nanAndInfinityBecomeNull() {
        assertEquals("[\n  null,\n  null\n]", Json.write(List.of(Double.NaN, Double.POSITIVE_INFINITY)));
    }

    @Test
    void refusesWhatJsonCannotHold() {
        assertThrows(IllegalArgumentException.class, () -> Json.write(new Object()));
    }
}
