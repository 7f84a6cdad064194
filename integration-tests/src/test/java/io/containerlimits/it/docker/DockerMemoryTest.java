package io.containerlimits.it.docker;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containerlimits.it.support.TestJdks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A heap that does not fit the container's memory is a kill by the kernel (137); the options {@code flags} prints
 * turn it into an {@link OutOfMemoryError} the program can handle, also where the JVM cannot see the limit itself.
 *
 * <p>Each case is its own container under {@code -m 256m --memory-swap=256m} whose main process is the JVM (the
 * shell {@code exec}s it), so the exit code read from the engine is the JVM's.
 */
class DockerMemoryTest {

    /** 256 MiB of memory and no swap on top. */
    private static final ContainerFlags LIMIT = ContainerFlags.memoryWithoutSwap(256L << 20);

    /** The status of a process the kernel's OOM killer ended (128 + SIGKILL). */
    private static final int KILLED = 137;

    /** The shell's own status when {@code flags} fails, so that a missing heap option cannot pass unnoticed. */
    private static final int FLAGS_FAILED = 90;

    /** The line the command prints with what {@code flags} answered, before it starts the program. */
    private static final String FLAGS_LINE = "flags: ";

    @BeforeAll
    static void engineAndImage() {
        JdkContainer.requireEngineAndImage();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TestJdks.class, mode = EnumSource.Mode.MATCH_ANY, names = TestJdks.FULL_MATRIX)
    void aHeapLargerThanTheLimitIsKilledAfterTheAgentWarns(TestJdks jdk) {
        JdkContainer.Ended ended = hog(jdk, false, ContainerJvm.agent(""), "-Xmx1g");

        assertKilled(ended);
        String warning = ended.stderr().lines()
                .filter(line -> line.startsWith("container-limits") && line.contains("256 MiB")).findFirst()
                .orElseThrow(() -> new AssertionError("no agent warning naming the limit: " + ended.describe()));
        int warned = ended.combined().indexOf(warning);
        int allocating = ended.combined().indexOf(HeapHog.HOLDING);
        assertTrue(allocating >= 0 && warned < allocating,
                () -> "the warning comes before the program allocates: " + ended.describe());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestJdks.class)
    void withoutContainerSupportTheDefaultHeapIsKilled(TestJdks jdk) {
        JdkContainer.Ended ended = hog(jdk, false, "-XX:-UseContainerSupport");

        assertKilled(ended);
        assertFalse(ended.stderr().contains("container-limits"), ended::describe);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TestJdks.class, mode = EnumSource.Mode.MATCH_ANY, names = TestJdks.FULL_MATRIX)
    void theFlagsHeapEndsInOutOfMemoryError(TestJdks jdk) {
        assertOutOfMemoryError(hog(jdk, true));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestJdks.class)
    void theFlagsHeapEndsInOutOfMemoryErrorWithoutContainerSupport(TestJdks jdk) {
        JdkContainer.Ended ended = hog(jdk, true, "-XX:-UseContainerSupport");

        assertOutOfMemoryError(ended);
    }

    /**
     * Runs {@link HeapHog} on {@code jdk} with {@code options}, first setting {@code JAVA_TOOL_OPTIONS} to what
     * {@code java -jar container-limits.jar flags} prints in the same container when {@code withFlags}.
     */
    private static JdkContainer.Ended hog(TestJdks jdk, boolean withFlags, String... options) {
        ContainerJvm run = ContainerJvm.program("hog", jdk, Map.of(), List.of(options), HeapHog.class.getName());
        String flags = withFlags
                ? "flags=$(" + ContainerJvm.agentJarCommandLine(jdk, "flags") + ") || exit " + FLAGS_FAILED
                        + "; echo \"" + FLAGS_LINE + "$flags\"; export JAVA_TOOL_OPTIONS=\"$flags\"; "
                : "";
        return JdkContainer.run(LIMIT, flags + "exec " + run.commandLine());
    }

    /** The kernel ended the JVM: 137, reported as an OOM kill, and the program saw no error. */
    private static void assertKilled(JdkContainer.Ended ended) {
        assertAll(ended.describe(),
                () -> assertEquals(KILLED, ended.exitCode(), "exit code"),
                () -> assertTrue(ended.oomKilled(), "the engine reports an OOM kill"),
                () -> assertFalse(ended.stdout().contains("OutOfMemoryError"), "no OutOfMemoryError"));
    }

    /** The JVM ended the program: a heap from {@code flags} below the limit, then its own exit on the error. */
    private static void assertOutOfMemoryError(JdkContainer.Ended ended) {
        String flags = ended.stdout().lines().filter(line -> line.startsWith(FLAGS_LINE)).findFirst().orElse("");
        long maxHeap = ended.stdout().lines().filter(line -> line.startsWith(HeapHog.MAX_HEAP))
                .mapToLong(line -> Long.parseLong(line.substring(HeapHog.MAX_HEAP.length()))).findFirst().orElse(-1);
        assertAll(ended.describe(),
                () -> assertTrue(flags.contains("-Xmx"), "flags printed a heap size"),
                () -> assertTrue(maxHeap > 0 && maxHeap < 256L << 20, "the heap is below the limit"),
                () -> assertEquals(HeapHog.EXIT_OUT_OF_MEMORY, ended.exitCode(), "the program's own exit code"),
                () -> assertTrue(ended.stdout().contains("java.lang.OutOfMemoryError"), "OutOfMemoryError"),
                () -> assertFalse(ended.oomKilled(), "not OOM killed"));
    }
}
