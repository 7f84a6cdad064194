package io.containerlimits.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/** The README's command-line table and {@code --help} name every {@link Option}. */
class ReadmeOptionTableTest {

    @Test
    void everyOptionIsInTheReadmeTableAndInTheHelp() throws IOException {
        String readme = new String(Files.readAllBytes(Paths.get("..", "README.md")), StandardCharsets.UTF_8);
        for (Option option : Option.values()) {
            String spelled = "--" + option.key();
            assertTrue(readme.contains("| `" + spelled) || readme.contains(", `" + spelled)
                    || readme.contains("/ `" + spelled), "README.md should have a command-line row naming " + spelled);
            assertTrue(Help.TEXT.contains("  " + spelled + " "), "--help should name " + spelled);
        }
    }
}
