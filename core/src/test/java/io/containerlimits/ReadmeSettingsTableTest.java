package io.containerlimits;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/** The README's options table names every {@link Setting}, with its agent argument and its environment variable. */
class ReadmeSettingsTableTest {

    @Test
    void everySettingHasItsRowInTheReadmeOptionsTable() throws IOException {
        Path readme = Paths.get("..", "README.md");
        String text = new String(Files.readAllBytes(readme), StandardCharsets.UTF_8);
        for (Setting setting : Setting.values()) {
            String row = "| `" + setting.key() + "=` | `" + setting.environmentVariable() + "` |";
            assertTrue(text.contains(row), "README.md should have the options row starting " + row);
        }
        assertTrue(text.contains("`" + Setting.OPTS_ENVIRONMENT_VARIABLE + "`"),
                "README.md should explain " + Setting.OPTS_ENVIRONMENT_VARIABLE);
    }
}
