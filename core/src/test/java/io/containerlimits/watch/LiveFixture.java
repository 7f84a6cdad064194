package io.containerlimits.watch;

import io.containerlimits.Setting;
import io.containerlimits.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A copy of the v2 fixture {@code v2-private-namespace} (quota 2 of 16 CPUs, 1 GiB) whose limit files a test rewrites,
 * as the kubelet does on an in-place resize.
 */
final class LiveFixture {

    private static final Path FIXTURE = Path.of("src/test/resources/fixtures/v2-private-namespace/root");

    private final Path root;

    private LiveFixture(Path root) {
        this.root = root;
    }

    /** Copies the fixture under {@code root}. */
    static LiveFixture copyTo(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(FIXTURE)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = root.resolve(FIXTURE.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        return new LiveFixture(root);
    }

    /** {@code settings} reading this copy. */
    Settings settings(Settings settings) {
        return settings.with(Setting.ROOT, root.toString());
    }

    /** Removes one file of the container's cgroup. */
    void delete(String cgroupFile) throws IOException {
        Files.delete(root.resolve("sys/fs/cgroup").resolve(cgroupFile));
    }

    /** Rewrites one file of the container's cgroup ({@code cpu.max}, {@code memory.max}). */
    void write(String cgroupFile, String content) throws IOException {
        Files.writeString(root.resolve("sys/fs/cgroup").resolve(cgroupFile), content + "\n");
    }
}
