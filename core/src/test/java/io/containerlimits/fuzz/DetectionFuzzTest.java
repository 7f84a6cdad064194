package io.containerlimits.fuzz;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containerlimits.ContainerLimits;
import io.containerlimits.Limits;
import io.containerlimits.Setting;
import io.containerlimits.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Nothing escapes detection (DESIGN §3.8): whole fixture roots built from generated and mutated files, with files
 * missing, directories where files belong and files past every read bound, must give a {@link Limits} with at least
 * one CPU and never an exception.
 *
 * <p>Fewer tries than the per-parser properties ({@link #TREES}), since each writes and deletes up to twenty files.
 * No edge cases: combined over twenty files they are a combinatorial mass that says nothing the parser properties do
 * not already cover.
 * Trees go under {@code /dev/shm} when it exists, so that the disk is not the bottleneck. The property takes about
 * 20 s on the development machine, and up to a minute more in a run that grows a {@code /proc/self/cgroup} to
 * 64 KiB without line breaks (see {@link #aCgroupPathOfPathMaxLengthKeepsTheNotesSmall()}).
 */
class DetectionFuzzTest {

    /** Generated trees per run; counted like the parsers. */
    static final int TREES = 2_000;

    private static final String DETECT = "ContainerLimits.detect";

    /** The kernel's bound on a path in {@code /proc/self/cgroup} (include/uapi/linux/limits.h). */
    private static final int PATH_MAX = 4096;

    /** Generous for a few notes per level of a {@link #PATH_MAX} path; a note per level quoting it is 8 MB. */
    private static final long NOTES_BUDGET = 1024 * 1024;

    private static Path parent;

    @BeforeContainer
    static void createParent() throws IOException {
        Path shm = Path.of("/dev/shm");
        parent = Files.isDirectory(shm) && Files.isWritable(shm)
                ? Files.createTempDirectory(shm, "container-limits-fuzz")
                : Files.createTempDirectory("container-limits-fuzz");
    }

    @Property(tries = TREES, generation = GenerationMode.RANDOMIZED, afterFailure = AfterFailureMode.RANDOM_SEED,
            edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void detectionNeverThrowsAndFindsAtLeastOneCpu(@ForAll("trees") FixtureTrees.Tree tree) throws IOException {
        Path root = FixtureTrees.write(tree, parent);
        try {
            Limits limits = ParserRuns.call(DETECT,
                    () -> ContainerLimits.detect(Settings.defaults().with(Setting.ROOT, root.toString())))
                    .orElseThrow();
            // Shows in jqwik's report how deep the trees got: FOUND means a cgroup file was read and used.
            Statistics.label("cpu quota").collect(tree.layout(), limits.cpuQuota().status());
            Statistics.label("memory limit").collect(tree.layout(), limits.memoryLimit().status());
            assertTrue(limits.cpuCount() >= 1, "cpu count " + limits.cpuCount() + " for " + tree.layout());
            Double quota = limits.cpuQuota().orElse(1.0);
            assertTrue(quota > 0 && Double.isFinite(quota), "quota must be positive and finite: " + limits);
            Long memory = limits.memoryLimit().orElse(1L);
            assertTrue(memory > 0, "memory limit must be positive: " + limits);
            assertNotNull(limits.toString());
        } finally {
            FixtureTrees.delete(root);
        }
    }

    /**
     * Found by {@link #detectionNeverThrowsAndFindsAtLeastOneCpu}: a tree whose {@code /proc/self/cgroup} was a seed
     * line grown to 64 KiB ({@code 0::/0::/0::/...}, within the 64 KiB read bound) took 51 s in {@code detect}.
     * Minimal form: a v2 tree with only {@code proc/self/cgroup} = {@code 0::/x/x/.../x} (n components) and the
     * survey case 1 mountinfo line. Measured with the Detector of core-detect 3d46dd0: n=1,000 0.5 s; n=2,048 (the
     * kernel's PATH_MAX of 4096 characters) 1.4 s and 1,700,235 characters of notes; n=4,000 5.4 s and 97 M
     * characters; n=16,000 26 s and 2.0 G characters. Time and notes grow with the square of the path, so the notes
     * budget here fails until the walk stops quoting the whole path in a note per level it skips (or caps them).
     */
    @Example
    void aCgroupPathOfPathMaxLengthKeepsTheNotesSmall() throws IOException {
        FixtureTrees.Layout v2 = FixtureTrees.LAYOUTS.get(1);
        String path = "/x".repeat(PATH_MAX / 2);
        FixtureTrees.Tree tree = new FixtureTrees.Tree("v2, path of PATH_MAX characters", List.of(
                new FixtureTrees.Planted("proc/self/cgroup", FixtureTrees.Form.TEXT, "0::" + path + "\n"),
                new FixtureTrees.Planted("proc/self/mountinfo", FixtureTrees.Form.TEXT, v2.mountInfo())));
        Path root = FixtureTrees.write(tree, parent);
        try {
            long started = System.nanoTime();
            Limits limits = ContainerLimits.detect(Settings.defaults().with(Setting.ROOT, root.toString()));
            long millis = (System.nanoTime() - started) / 1_000_000;
            long noteChars = limits.detection().notes().stream().mapToLong(String::length).sum();
            System.out.printf("fuzz: PATH_MAX cgroup path: %,d ms, %,d notes, %,d characters of notes%n", millis,
                    limits.detection().notes().size(), noteChars);
            assertTrue(noteChars < NOTES_BUDGET, "notes must not quote the path once per level: " + noteChars
                    + " characters for a " + path.length() + "-character path");
        } finally {
            FixtureTrees.delete(root);
        }
    }

    @AfterContainer
    static void everyTreeWasDetected() throws IOException {
        FixtureTrees.delete(parent);
        ParserRuns.assertEachRan(TREES, DETECT);
    }

    @Provide
    Arbitrary<FixtureTrees.Tree> trees() {
        return FixtureTrees.trees();
    }
}
