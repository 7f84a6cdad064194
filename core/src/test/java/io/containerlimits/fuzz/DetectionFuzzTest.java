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
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
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
 * Trees go under {@code /dev/shm} when it exists, so that the disk is not the bottleneck.
 */
class DetectionFuzzTest {

    /** Generated trees per run; counted like the parsers. */
    static final int TREES = 2_000;

    private static final String DETECT = "ContainerLimits.detect";

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
