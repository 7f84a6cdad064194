package io.containerlimits.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Real inputs to start from: the files under {@code src/test/resources/fuzz} (see its {@code SOURCE}), plus what this
 * machine's own {@code /proc} says right now when it is readable, so that a run on a new host also starts from that
 * host's shapes.
 */
final class Seeds {

    private Seeds() {
        throw new UnsupportedOperationException();
    }

    /** One seed per line of the resource {@code fuzz/<name>}, then one per line of {@code live} if it is readable. */
    static List<String> lines(String name, String live) {
        List<String> seeds = new ArrayList<>(resource(name).lines().toList());
        seeds.addAll(liveFile(live).lines().toList());
        return List.copyOf(seeds);
    }

    /** One seed per line of the resource {@code fuzz/<name>}. */
    static List<String> lines(String name) {
        return resource(name).lines().toList();
    }

    /** The whole resource {@code fuzz/<name>} as one seed, and the whole {@code live} file as another if readable. */
    static List<String> files(String name, String live) {
        String captured = liveFile(live);
        return captured.isEmpty() ? List.of(resource(name)) : List.of(resource(name), captured);
    }

    /** The text of the resource {@code fuzz/<name>}. */
    static String resource(String name) {
        try (InputStream in = Seeds.class.getResourceAsStream("/fuzz/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource fuzz/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's text, or empty where it does not exist or cannot be read (not Linux, a locked-down sandbox). */
    private static String liveFile(String path) {
        try {
            return Files.readString(Path.of(path), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
