package io.containerlimits.fuzz;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containerlimits.ContainerLimits;
import io.containerlimits.Finding;
import io.containerlimits.Limits;
import io.containerlimits.Setting;
import io.containerlimits.Settings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Nothing escapes detection (docs/design.md §3 step 8): whole fixture roots built from generated and mutated files,
 * with files missing, directories where files belong and files past every read bound, must give a {@link Limits}
 * with at least one CPU and never an exception.
 *
 * <p>Fewer inputs than the parser tests ({@link #TREES}), since each writes and deletes some twenty files; trees go
 * under {@code /dev/shm} when it exists, so that the disk is not the bottleneck. The run prints, per layout, how
 * often each value was found, to show how deep the trees got ({@code FOUND} means a cgroup file was read and used),
 * and fails if the trees of a layout never got as far as a CPU quota and a memory limit.
 */
class DetectionFuzzTest {

    /** Generated trees per run; counted like the parsers. */
    static final int TREES = 2_000;

    static final String DETECT = "ContainerLimits.detect";

    /** The kernel's bound on a path in {@code /proc/self/cgroup} (include/uapi/linux/limits.h). */
    private static final int PATH_MAX = 4096;

    /** Generous for a few notes per level of a {@link #PATH_MAX} path; a note per level quoting it is 8 MB. */
    private static final long NOTES_BUDGET = 1024 * 1024;

    @Test
    void detectionNeverThrowsAndFindsAtLeastOneCpu() throws IOException {
        Depth depth = detectTrees(DETECT, DetectionFuzzTest::detect);
        depth.print();
        ParserRuns.assertEachRan(TREES, DETECT);
        for (FixtureTrees.Layout layout : FixtureTrees.LAYOUTS) {
            assertTrue(depth.cpuQuota(layout.name(), Finding.Status.FOUND) > 0
                    && depth.memoryLimit(layout.name(), Finding.Status.FOUND) > 0,
                    "some trees must get as far as a cgroup limit of " + layout.name());
        }
    }

    /**
     * Found by {@link #detectionNeverThrowsAndFindsAtLeastOneCpu}: a tree whose {@code /proc/self/cgroup} was a seed
     * line grown to 64 KiB ({@code 0::/0::/0::/...}, within the 64 KiB read bound) took 51 s in {@code detect}.
     * Minimal form: a v2 tree with only {@code proc/self/cgroup} = {@code 0::/x/x/.../x} (n components) and the
     * case 1 mountinfo line. Measured with the Detector of core-detect 3d46dd0: n=1,000 0.5 s; n=2,048 (the
     * kernel's PATH_MAX of 4096 characters) 1.4 s and 1,700,235 characters of notes; n=4,000 5.4 s and 97 M
     * characters; n=16,000 26 s and 2.0 G characters. Time and notes grow with the square of the path, so the notes
     * budget here fails until the walk stops quoting the whole path in a note per level it skips (or caps them).
     */
    @Test
    void aCgroupPathOfPathMaxLengthKeepsTheNotesSmall() throws IOException {
        FixtureTrees.Layout v2 = FixtureTrees.LAYOUTS.get(1);
        String path = "/x".repeat(PATH_MAX / 2);
        FixtureTrees.Tree tree = new FixtureTrees.Tree("v2, path of PATH_MAX characters", List.of(
                new FixtureTrees.Planted("proc/self/cgroup", FixtureTrees.Form.TEXT, "0::" + path + "\n"),
                new FixtureTrees.Planted("proc/self/mountinfo", FixtureTrees.Form.TEXT, v2.mountInfo())));
        Path parent = FixtureTrees.scratchDirectory();
        try {
            Path root = FixtureTrees.write(tree, parent);
            long started = System.nanoTime();
            Limits limits = detect(root);
            long millis = (System.nanoTime() - started) / 1_000_000;
            long noteChars = limits.detection().notes().stream().mapToLong(String::length).sum();
            System.out.printf("fuzz: PATH_MAX cgroup path: %,d ms, %,d notes, %,d characters of notes%n", millis,
                    limits.detection().notes().size(), noteChars);
            assertTrue(noteChars < NOTES_BUDGET, "notes must not quote the path once per level: " + noteChars
                    + " characters for a " + path.length() + "-character path");
        } finally {
            FixtureTrees.delete(parent);
        }
    }

    /**
     * Runs {@code detect} on {@link #TREES} generated trees, counted under {@code name}, and checks each result; a
     * negative control passes a broken detection here.
     *
     * @throws FuzzFailure for the first tree that failed, simplified
     */
    static Depth detectTrees(String name, Function<Path, Limits> detect) throws IOException {
        Depth depth = new Depth();
        Path parent = FixtureTrees.scratchDirectory();
        try {
            Fuzz.forAll(name, TREES, FixtureTrees.trees(), tree -> {
                Path root = FixtureTrees.writeInCheck(tree, parent);
                try {
                    Limits limits = ParserRuns.call(name, () -> detect.apply(root)).orElseThrow();
                    depth.add(tree, limits);
                    assertUsable(tree, limits);
                } finally {
                    FixtureTrees.deleteInCheck(root);
                }
            });
        } finally {
            FixtureTrees.delete(parent);
        }
        return depth;
    }

    private static Limits detect(Path root) {
        return ContainerLimits.detect(Settings.defaults().with(Setting.ROOT, root.toString()));
    }

    private static void assertUsable(FixtureTrees.Tree tree, Limits limits) {
        assertTrue(limits.cpuCount() >= 1, "cpu count " + limits.cpuCount() + " for " + tree.layout());
        Double quota = limits.cpuQuota().orElse(1.0);
        assertTrue(quota > 0 && Double.isFinite(quota), "quota must be positive and finite: " + limits);
        Long memory = limits.memoryLimit().orElse(1L);
        assertTrue(memory > 0, "memory limit must be positive: " + limits);
        assertNotNull(limits.toString());
    }

    /** How often each value was {@code FOUND}, {@code NONE} or {@code UNKNOWN}, per layout. */
    static final class Depth {

        private final Map<String, Map<Finding.Status, Integer>> cpuQuota = new TreeMap<>();
        private final Map<String, Map<Finding.Status, Integer>> memoryLimit = new TreeMap<>();

        void add(FixtureTrees.Tree tree, Limits limits) {
            count(cpuQuota, tree.layout(), limits.cpuQuota().status());
            count(memoryLimit, tree.layout(), limits.memoryLimit().status());
        }

        /** How many trees of {@code layout} gave a {@code status} CPU quota. */
        int cpuQuota(String layout, Finding.Status status) {
            return cpuQuota.getOrDefault(layout, Map.of()).getOrDefault(status, 0);
        }

        /** How many trees of {@code layout} gave a {@code status} memory limit. */
        int memoryLimit(String layout, Finding.Status status) {
            return memoryLimit.getOrDefault(layout, Map.of()).getOrDefault(status, 0);
        }

        void print() {
            cpuQuota.keySet().forEach(layout -> System.out.printf(
                    "fuzz: trees of %-36s cpu quota %s, memory limit %s%n",
                    layout, cpuQuota.get(layout), memoryLimit.get(layout)));
        }

        private static void count(Map<String, Map<Finding.Status, Integer>> table, String layout,
                Finding.Status status) {
            table.computeIfAbsent(layout, k -> new EnumMap<>(Finding.Status.class)).merge(status, 1, Integer::sum);
        }
    }
}
