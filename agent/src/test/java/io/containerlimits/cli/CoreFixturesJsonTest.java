package io.containerlimits.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code json} on every edge-case tree of the detector ({@code core/src/test/resources/fixtures/<case>}): the JSON is
 * valid and says what the case's {@code expected.properties} says ({@code cpu.quota}, {@code cpu.count},
 * {@code cpu.count.floor}, {@code cpu.physicalCores}, {@code cpu.count.physical}, {@code cpu.count.physical.floor},
 * {@code memory.limit}; {@code none} and {@code unknown} as {@code null} with that status).
 */
class CoreFixturesJsonTest {

    /** Maven runs the tests in the module directory; the trees belong to core. */
    private static final Path FIXTURES = Paths.get("..", "core", "src", "test", "resources", "fixtures");

    static Stream<String> cases() throws IOException {
        assertTrue(Files.isDirectory(FIXTURES), "core's fixture trees at " + FIXTURES.toAbsolutePath());
        List<String> names;
        try (Stream<Path> dirs = Files.list(FIXTURES)) {
            names = dirs.filter(d -> Files.isRegularFile(d.resolve("expected.properties")))
                    .map(d -> d.getFileName().toString()).sorted().toList();
        }
        assertTrue(names.size() >= 30, "found " + names.size() + " cases");
        return names.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void jsonSaysWhatTheCaseExpects(String name, @TempDir Path empty) throws IOException {
        Properties expected = new Properties();
        try (Reader in = Files.newBufferedReader(FIXTURES.resolve(name).resolve("expected.properties"))) {
            expected.load(in);
        }
        Path tree = FIXTURES.resolve(name).resolve("root");
        if (!Files.isDirectory(tree)) {
            // git keeps no empty directory (missing-proc-files): the command line refuses a missing root, so the
            // case runs on an empty one.
            assertEquals(2, Cli.run("json", "--root", tree.toString()).status(), "a missing root is bad usage");
            tree = Files.createDirectories(empty.resolve(name));
        }
        String root = tree.toString();
        Cli cli = Cli.run("json", "--root", root);
        assertEquals(0, cli.status(), cli::toString);
        Map<String, Object> cpu = cli.section("cpu");
        Map<String, Object> memory = cli.section("memory");
        check(expected.getProperty("cpu.quota"), cpu, "quota", name);
        check(expected.getProperty("memory.limit"), memory, "limit", name);
        if (expected.getProperty("cpu.count") != null) {
            assertEquals(Long.valueOf(expected.getProperty("cpu.count")), cpu.get("count"), name);
        }
        check(expected.getProperty("cpu.physicalCores"), cpu, "physicalCores", name);
        for (String rounding : new String[] {"", ".floor"}) {
            String count = expected.getProperty("cpu.count.physical" + rounding);
            if (count != null) {
                Cli physical = rounding.isEmpty() ? Cli.run("json", "--root", root, "--cores", "physical")
                        : Cli.run("json", "--root", root, "--cores", "physical", "--rounding", "floor");
                assertEquals(Long.valueOf(count), physical.section("cpu").get("count"), name + " physical" + rounding);
            }
        }
        if (expected.getProperty("cpu.count.floor") != null) {
            assertEquals(Long.valueOf(expected.getProperty("cpu.count.floor")),
                    Cli.run("json", "--root", root, "--rounding", "floor").section("cpu").get("count"), name);
        }
    }

    /** A number, or {@code none}/{@code unknown}: then null with that status and a reason. */
    private static void check(String expected, Map<String, Object> section, String field, String name) {
        if (expected == null) {
            return;
        }
        if (expected.equals("none") || expected.equals("unknown")) {
            assertNull(section.get(field), name + " " + field);
            assertEquals(expected, section.get(field + "Status"), name + " " + field);
            assertTrue(section.get(field + "Reason") instanceof String s && !s.isBlank(), name + " " + field);
        } else {
            assertEquals(Double.parseDouble(expected), ((Number) section.get(field)).doubleValue(), 1e-9,
                    name + " " + field);
        }
    }
}
