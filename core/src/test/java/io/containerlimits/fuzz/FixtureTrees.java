package io.containerlimits.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Whole fixture roots (docs/design.md §3 step 9) made of generated and mutated files: the four {@code /proc} files and
 * the cgroup files of one real layout, each file possibly missing, replaced by a directory, or larger than any read
 * bound.
 */
final class FixtureTrees {

    /** Past every read bound of detection (64 KiB for small files, 1 MiB for mountinfo). */
    static final int OVERSIZE_BYTES = 1024 * 1024 + 1;

    private static final String DOCKER_ID = "3f4c0a1b2d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a";

    private static final List<String> V2_FILES = List.of(
            "cpu.max", "memory.max", "memory.high", "memory.swap.max");
    private static final List<String> V1_CPU_FILES = List.of("cpu.cfs_quota_us", "cpu.cfs_period_us");
    private static final List<String> V1_MEMORY_FILES = List.of(
            "memory.limit_in_bytes", "memory.stat", "memory.use_hierarchy", "memory.memsw.limit_in_bytes");

    /**
     * Where the cgroup files of a layout live, and which: one entry per directory. The cgroup and
     * mountinfo lines are those of the cases of docs/edge-cases.md and of the development machine.
     */
    record Layout(String name, String cgroup, String mountInfo, Map<String, List<String>> filesByDirectory) {
    }

    static final List<Layout> LAYOUTS = List.of(
            new Layout("v2 systemd slice (edge case 7)", "0::/system.slice/app.service\n",
                    "35 24 0:30 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:9 - cgroup2 cgroup2 "
                            + "rw,nsdelegate\n",
                    Map.of("sys/fs/cgroup/system.slice/app.service", V2_FILES,
                            "sys/fs/cgroup/system.slice", V2_FILES)),
            new Layout("v2 private namespace (edge case 1)", "0::/\n",
                    "1180 1170 0:30 / /sys/fs/cgroup ro,nosuid,nodev,noexec,relatime - cgroup2 cgroup2 "
                            + "rw,nsdelegate,memory_recursiveprot\n",
                    Map.of("sys/fs/cgroup", V2_FILES)),
            new Layout("v1 docker (edge case 10)",
                    "4:cpu,cpuacct:/docker/" + DOCKER_ID + "\n9:memory:/docker/" + DOCKER_ID + "\n0::/\n",
                    "219 214 0:29 / /sys/fs/cgroup/cpu,cpuacct ro,nosuid - cgroup cgroup rw,cpu,cpuacct\n"
                            + "220 214 0:31 / /sys/fs/cgroup/memory ro,nosuid - cgroup cgroup rw,memory\n",
                    Map.of("sys/fs/cgroup/cpu,cpuacct/docker/" + DOCKER_ID, V1_CPU_FILES,
                            "sys/fs/cgroup/cpu,cpuacct/docker", V1_CPU_FILES,
                            "sys/fs/cgroup/memory/docker/" + DOCKER_ID, V1_MEMORY_FILES,
                            "sys/fs/cgroup/memory", V1_MEMORY_FILES)),
            new Layout("hybrid, this machine", "4:memory:/process_api/29fbc319\n1:cpu:/\n0::/\n",
                    "30 22 0:27 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755\n"
                            + "31 30 0:28 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu\n"
                            + "34 30 0:31 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory\n"
                            + "40 30 0:37 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw\n",
                    Map.of("sys/fs/cgroup/cpu", V1_CPU_FILES,
                            "sys/fs/cgroup/memory/process_api/29fbc319", V1_MEMORY_FILES,
                            "sys/fs/cgroup/memory", V1_MEMORY_FILES,
                            "sys/fs/cgroup/unified", V2_FILES)));

    /** How one expected file is planted. */
    enum Form {
        /** The text in UTF-8 (a lone surrogate becomes {@code ?}). */
        TEXT,
        /** The text in ISO-8859-1: any character from U+0080 up is then a byte that is not valid UTF-8. */
        LATIN1,
        /** No file. */
        MISSING,
        /** A directory where the file belongs. */
        DIRECTORY,
        /** The text repeated past {@link #OVERSIZE_BYTES}. */
        OVERSIZE
    }

    /** One file of a fixture tree: its path under the root, its form and (for text and oversize) its content. */
    record Planted(String path, Form form, String text) {
    }

    /** A generated tree: the layout it came from and every planted file. */
    record Tree(String layout, List<Planted> files) {
    }

    private FixtureTrees() {
        throw new UnsupportedOperationException();
    }

    /** Built once per layout: a {@code flatMap} would rebuild twenty generators (and reread the seeds) per try. */
    static Arbitrary<Tree> trees() {
        return Arbitraries.oneOf(LAYOUTS.stream().map(FixtureTrees::treesOf).toList());
    }

    private static Arbitrary<Tree> treesOf(Layout layout) {
        List<Arbitrary<Planted>> files = new ArrayList<>();
        files.add(planted("proc/self/cgroup", List.of(layout.cgroup())));
        files.add(planted("proc/self/mountinfo", List.of(layout.mountInfo())));
        files.add(planted("proc/self/status", Seeds.files("status", "/proc/self/status")));
        files.add(planted("proc/meminfo", Seeds.files("meminfo", "/proc/meminfo")));
        layout.filesByDirectory().forEach((directory, names) -> {
            for (String name : names) {
                files.add(planted(directory + "/" + name, seedsOf(name)));
            }
        });
        return Combinators.combine(files).as(planted -> new Tree(layout.name(), List.copyOf(planted)));
    }

    private static List<String> seedsOf(String fileName) {
        return switch (fileName) {
            case "cpu.max" -> Seeds.lines("cpu-max.txt");
            case "cpu.cfs_quota_us" -> Seeds.lines("cfs-quota.txt");
            case "cpu.cfs_period_us" -> Seeds.lines("cfs-period.txt");
            case "memory.stat" -> List.of(Seeds.resource("memory.stat"));
            default -> Seeds.lines("memory-values.txt");
        };
    }

    /**
     * Half the time a real seed as it is, so that detection often gets past the first files to the cgroup levels
     * and walks them (each tree has some twenty files: with mutations alone, almost none would be usable).
     */
    private static Arbitrary<Planted> planted(String path, List<String> seeds) {
        Arbitrary<String> content = Arbitraries.oneOf(Arbitraries.of(seeds), Mutations.around(seeds));
        Arbitrary<Form> form = Arbitraries.frequency(
                Tuple.of(85, Form.TEXT), Tuple.of(5, Form.LATIN1), Tuple.of(6, Form.MISSING),
                Tuple.of(3, Form.DIRECTORY), Tuple.of(1, Form.OVERSIZE));
        return Combinators.combine(form, content).as((f, text) -> new Planted(path, f, text));
    }

    /** Writes {@code tree} under a new directory in {@code parent} and returns that directory. */
    static Path write(Tree tree, Path parent) throws IOException {
        Path root = Files.createTempDirectory(parent, "root");
        for (Planted file : tree.files()) {
            Path path = root.resolve(file.path());
            Files.createDirectories(path.getParent());
            switch (file.form()) {
                case TEXT -> Files.write(path, file.text().getBytes(StandardCharsets.UTF_8));
                case LATIN1 -> Files.write(path, file.text().getBytes(StandardCharsets.ISO_8859_1));
                case DIRECTORY -> Files.createDirectories(path);
                case OVERSIZE -> Files.write(path, oversize(file.text()).getBytes(StandardCharsets.UTF_8));
                case MISSING -> { }
                default -> throw new AssertionError(file.form());
            }
        }
        return root;
    }

    /** Deletes a tree written by {@link #write}. */
    static void delete(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** {@code text} (or a digit run when empty) repeated past {@link #OVERSIZE_BYTES}. */
    private static String oversize(String text) {
        String unit = text.isEmpty() ? "1234567890" : text;
        return unit.repeat(OVERSIZE_BYTES / unit.length() + 1);
    }
}
