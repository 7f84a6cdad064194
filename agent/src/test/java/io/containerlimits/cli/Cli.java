package io.containerlimits.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.containerlimits.testsupport.StrictJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;

/** Runs {@link Main#run} in-process and keeps what it printed. */
record Cli(int status, String out, String err) {

    /** Runs with {@code environment} as the whole environment. */
    static Cli run(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = Main.run(args, environment, o, e);
        }
        return new Cli(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs with an empty environment. */
    static Cli run(String... args) {
        return run(Map.of(), args);
    }

    /** The fixture tree {@code cli-fixtures/<name>/root} as a path. */
    static String fixture(String name) {
        try {
            Path root = Paths.get(Cli.class.getResource("/cli-fixtures/" + name + "/root").toURI());
            return root.toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The detector's edge-case tree {@code core/src/test/resources/fixtures/<name>/root} (Maven runs in agent/). */
    static String coreFixture(String name) {
        return Paths.get("..", "core", "src", "test", "resources", "fixtures", name, "root").toString();
    }

    /** stdout parsed as the one JSON object {@code json} prints (strictly: invalid JSON fails). */
    Map<String, Object> json() {
        return StrictJson.object(out);
    }

    /** One object of {@link #json()}, such as {@code cpu}; fails unless the command exited 0. */
    @SuppressWarnings("unchecked")
    Map<String, Object> section(String name) {
        assertEquals(0, status, this::toString);
        return new HashMap<>((Map<String, Object>) json().get(name));
    }

    /** stderr as lines, for checking that an error is exactly one line. */
    String[] errLines() {
        return err.isEmpty() ? new String[0] : err.split("\n");
    }

    @Override
    public String toString() {
        return "status " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
