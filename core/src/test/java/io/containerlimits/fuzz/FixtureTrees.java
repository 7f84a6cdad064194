package io.containerlimits.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Whole fixture roots (docs/design.md §3 step 9) made of generated and mutated files: the four {@code /proc} files
 * and the cgroup files of one real layout, each file possibly missing, replaced by a directory, or larger than any
 * read bound.
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

    /** How one expected file is planted, and how often, out of 100. */
    enum Form {
        /** The text in UTF-8 (a lone surrogate becomes {@code ?}). */
        TEXT(85),
        /** The text in ISO-8859-1: any character from U+0080 up is then a byte that is not valid UTF-8. */
        LATIN1(5),
        /** No file. */
        MISSING(6),
        /** A directory where the file belongs. */
        DIRECTORY(3),
        /** The text repeated past {@link #OVERSIZE_BYTES}. */
        OVERSIZE(1);

        private final int percent;

        Form(int percent) {
            this.percent = percent;
        }

        static Form draw(RandomGenerator random) {
            int slot = random.nextInt(100);
            for (Form form : values()) {
                if (slot < form.percent) {
                    return form;
                }
                slot -= form.percent;
            }
            throw new AssertionError("percentages must add up to 100");
        }
    }

    /** One file of a fixture tree: its path under the root, its form and (for text and oversize) its content. */
    record Planted(String path, Form form, String text) {

        Planted missing() {
            return new Planted(path, Form.MISSING, "");
        }

        /** {@code path FORM "text"}; the text only where it is written. */
        @Override
        public String toString() {
            return path + " " + form + (form == Form.MISSING || form == Form.DIRECTORY ? "" : " " + Fuzz.show(text));
        }
    }

    /** A generated tree: the layout it came from and every planted file. */
    record Tree(String layout, List<Planted> files) {

        /** The layout, then one planted file per line. */
        @Override
        public String toString() {
            StringBuilder shown = new StringBuilder("tree of ").append(layout);
            files.forEach(file -> shown.append(System.lineSeparator()).append("    ").append(file));
            return shown.toString();
        }

        /** This tree with file {@code i} replaced. */
        Tree with(int i, Planted file) {
            List<Planted> changed = new ArrayList<>(files);
            changed.set(i, file);
            return new Tree(layout, List.copyOf(changed));
        }
    }

    private FixtureTrees() {
        throw new UnsupportedOperationException();
    }

    /**
     * Trees of every layout. A failing tree is simplified first by leaving files out, then by simplifying the text of
     * what is left, file by file.
     */
    static Gen<Tree> trees() {
        Gen<Tree> trees = Gen.oneOf(LAYOUTS.stream().map(FixtureTrees::treesOf).toList());
        return trees.simplifiedBy(FixtureTrees::simpler);
    }

    /** Built once per layout: twenty file generators, each with its seeds read once. */
    private static Gen<Tree> treesOf(Layout layout) {
        List<Gen<Planted>> files = new ArrayList<>();
        files.add(planted("proc/self/cgroup", List.of(layout.cgroup())));
        files.add(planted("proc/self/mountinfo", List.of(layout.mountInfo())));
        files.add(planted("proc/self/status", Seeds.files("status", "/proc/self/status")));
        files.add(planted("proc/meminfo", Seeds.files("meminfo", "/proc/meminfo")));
        // Sorted: Map.of iterates in an order that changes from JVM to JVM, and a seed must repeat the same draws.
        new TreeMap<>(layout.filesByDirectory()).forEach((directory, names) -> {
            for (String name : names) {
                files.add(planted(directory + "/" + name, seedsOf(name)));
            }
        });
        return random -> new Tree(layout.name(), files.stream().map(file -> file.next(random)).toList());
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
    private static Gen<Planted> planted(String path, List<String> seeds) {
        Gen<String> content = Gen.oneOf(Gen.of(seeds), Mutations.around(seeds));
        return random -> new Planted(path, Form.draw(random), content.next(random));
    }

    private static Stream<Tree> simpler(Tree tree) {
        List<Planted> files = tree.files();
        Stream<Tree> fewerFiles = IntStream.range(0, files.size())
                .filter(i -> files.get(i).form() != Form.MISSING)
                .mapToObj(i -> tree.with(i, files.get(i).missing()));
        Stream<Tree> simplerTexts = IntStream.range(0, files.size())
                .filter(i -> files.get(i).form() != Form.MISSING && files.get(i).form() != Form.DIRECTORY)
                .boxed()
                .flatMap(i -> Simplify.text(files.get(i).text())
                        .map(text -> tree.with(i, new Planted(files.get(i).path(), files.get(i).form(), text))));
        return Stream.concat(fewerFiles, simplerTexts);
    }

    /** Where trees go: under {@code /dev/shm} when it can be written, so that the disk is not the bottleneck. */
    static Path scratchDirectory() throws IOException {
        Path shm = Path.of("/dev/shm");
        return Files.isDirectory(shm) && Files.isWritable(shm)
                ? Files.createTempDirectory(shm, "container-limits-fuzz")
                : Files.createTempDirectory("container-limits-fuzz");
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

    /** Deletes a tree written by {@link #write}, or a {@link #scratchDirectory()} with what is left in it. */
    static void delete(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** {@link #write}, inside a {@code Fuzz.forAll} check, which takes no checked exception. */
    static Path writeInCheck(Tree tree, Path parent) {
        try {
            return write(tree, parent);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #delete}, inside a {@code Fuzz.forAll} check. */
    static void deleteInCheck(Path root) {
        try {
            delete(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code text} (or a digit run when empty) repeated past {@link #OVERSIZE_BYTES}. */
    private static String oversize(String text) {
        String unit = text.isEmpty() ? "1234567890" : text;
        return unit.repeat(OVERSIZE_BYTES / unit.length() + 1);
    }
}
