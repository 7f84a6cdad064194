package io.containerlimits.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

    @Test
    void wholeNumbersAreLongsOtherNumbersDoublesObjectsKeepTheirOrder() {
        Map<String, Object> object = StrictJson.object("{\"z\": 1, \"a\": [1.5, null, true], \"s\": \"\\u00e9\"}");
        assertEquals(List.of("z", "a", "s"), List.copyOf(object.keySet()));
        assertEquals(1L, object.get("z"));
        assertEquals(Arrays.asList(1.5, null, true), object.get("a"));
        assertEquals("é", object.get("s"));
    }

    @Test
    void anythingButExactlyOneStrictValueIsRefused() {
        for (String bad : List.of("{} {}", "{\"a\": 1, \"a\": 2}", "[NaN]", "{'a': 1}", "[1,]", "// c\n{}", "")) {
            assertThrows(IllegalArgumentException.class, () -> StrictJson.parse(bad), bad);
        }
    }

    @Test
    void aDottedPathReadsNestedNumbersAndNamesWhatIsMissing() {
        var tree = StrictJson.tree("{\"cpu\": {\"quota\": 0.5, \"limit\": null}}");
        assertEquals(0.5, StrictJson.number(tree, "cpu.quota"));
        assertEquals(true, StrictJson.at(tree, "cpu.limit").isNull());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> StrictJson.at(tree, "cpu.count"));
        assertEquals(true, missing.getMessage().startsWith("no cpu.count in"), missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StrictJson.number(tree, "cpu.limit"));
    }
}
