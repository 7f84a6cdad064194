package io.containerlimits.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.containerlimits.jvmoptions.UserJvmOptions;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentLineTest {

    @Test
    void withoutOptionsItIsJustTheJar() {
        assertEquals("-javaagent:/opt/container-limits.jar",
                AgentLine.of("/opt/container-limits.jar", new EnumMap<>(Option.class)));
    }

    @Test
    void carriesTheSettingOptionsAsGivenButNotRootOrCommandLineSwitches() {
        Map<Option, String> given = new EnumMap<>(Option.class);
        given.put(Option.ROUNDING, "floor");
        given.put(Option.ROOT, "/fixture");
        given.put(Option.CPUS, "500m");
        given.put(Option.VERBOSE, "true");
        given.put(Option.MEMORY, " 1g ");
        assertEquals("-javaagent:/opt/c.jar=cpus=500m,memory=1g,rounding=floor", AgentLine.of("/opt/c.jar", given));
    }

    @Test
    void aPathWithBlanksIsQuotedTheWayJavaToolOptionsGroupsWords() {
        String line = AgentLine.of("/my jars/container-limits.jar", new EnumMap<>(Option.class));
        assertEquals("\"-javaagent:/my jars/container-limits.jar\"", line);
        assertEquals(List.of("-javaagent:/my jars/container-limits.jar"),
                UserJvmOptions.ofJavaToolOptions(line).tokens());
    }

    @Test
    void testsRunFromClassesSoTheDefaultNameIsUsed() {
        assertEquals(AgentLine.DEFAULT_JAR, AgentLine.thisJar());
    }
}
