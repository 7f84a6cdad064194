package io.containerlimits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void defaultsDetectWithCeilAndMinimumOneUnderSlash() {
        Settings settings = Settings.defaults();
        assertNull(settings.cpus());
        assertEquals(Rounding.CEIL, settings.rounding());
        assertEquals(1, settings.minCpus());
        assertEquals("/", settings.root());
    }

    @Test
    void agentArgumentsBeatVariablesWhichBeatTheOptsVariable() {
        Map<String, String> env = new HashMap<>();
        env.put("CONTAINER_LIMITS_OPTS", "cpus=1,rounding=round,min-cpus=3");
        env.put("CONTAINER_LIMITS_CPUS", "2");
        env.put("CONTAINER_LIMITS_ROUNDING", "floor");
        List<String> problems = new ArrayList<>();
        Settings settings = Settings.resolve("cpus=500m", env, problems);
        assertEquals(0.5, settings.cpus());
        assertEquals(Rounding.FLOOR, settings.rounding());
        assertEquals(3, settings.minCpus());
        assertEquals(List.of(), problems);
    }

    @Test
    void aMalformedValueIsReportedAndTheNextSourceDecides() {
        Map<String, String> env = new HashMap<>();
        env.put("CONTAINER_LIMITS_MEMORY", "512Mi");
        List<String> problems = new ArrayList<>();
        Settings settings = Settings.resolve("memory=lots,colour=blue", env, problems);
        assertEquals(536870912L, settings.memory());
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(LogLevel.PREFIX), problems.get(0));
    }

    @Test
    void followIsOnUnlessTheArgumentOrItsVariableSaysFalse() {
        List<String> problems = new ArrayList<>();
        assertTrue(Settings.defaults().follow());
        assertFalse(Settings.resolve("follow=false", Map.of(), problems).follow());
        assertFalse(Settings.resolve(null, Map.of("CONTAINER_LIMITS_FOLLOW", "FALSE"), problems).follow());
        assertTrue(Settings.resolve("follow=true", Map.of("CONTAINER_LIMITS_FOLLOW", "false"), problems).follow());
        assertEquals(List.of(), problems);
        assertThrows(IllegalArgumentException.class, () -> Settings.defaults().with(Setting.FOLLOW, "sometimes"));
    }

    @Test
    void withIsStrict() {
        assertThrows(IllegalArgumentException.class, () -> Settings.defaults().with(Setting.MIN_CPUS, "0"));
        assertEquals("/tmp/x", Settings.defaults().with(Setting.ROOT, "/tmp/x").root());
    }
}
