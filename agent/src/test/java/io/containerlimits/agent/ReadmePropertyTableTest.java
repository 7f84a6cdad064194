package io.containerlimits.agent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/** The README names every property the agent writes ({@link AgentProperty} is the one list of them). */
class ReadmePropertyTableTest {

    @Test
    void everyPropertyTheAgentWritesIsInTheReadme() throws IOException {
        String text = new String(Files.readAllBytes(Paths.get("..", "README.md")), StandardCharsets.UTF_8);
        for (AgentProperty property : AgentProperty.values()) {
            assertTrue(text.contains("`" + property.key() + "`"), "README.md should name " + property.key());
        }
    }
}
