package io.containerlimits.it.methodref;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containerlimits.it.support.TestJdks;
import io.containerlimits.testsupport.ForkedJvm;
import io.containerlimits.testsupport.JvmRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Classes from a CDS archive (JDK 17, 21) or an AOT cache (JDK 25) still get the agent's count when the archive was
 * trained as the README's "CDS and AOT cache" says, and the JVM really uses it with the agent attached; a cache whose
 * classes load before premain gets the agent's one warning (issue 11, docs/agent-notes.md §1.8). The program is
 * {@link MethodReferenceProgram}: a method reference in a library jar, a direct call, and {@link Greeting}, which
 * nothing rewrites and so shows in {@code -Xlog:class+load} whether the archive was used.
 */
class CachedClassesTest {

    /** Training writes the archive when the JVM exits; the AOT cache also forks its create step. */
    private static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(3);

    private static final String GREETING = Greeting.class.getName();

    @TempDir
    Path temp;

    /** The JVM's own count here (the test JVM runs in no quota), and the agent's: one more, so they differ. */
    private final int host = Runtime.getRuntime().availableProcessors();
    private final int cpus = host + 1;
    private final Path agentJar = TestJdks.agentJar();

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TestJdks.class, names = "JDK25")
    void anAotCacheTrainedByTheRecipeIsUsedAndItsClassesGetTheAgentsCount(TestJdks jdk) throws IOException {
        Path cache = temp.resolve("app.aot");
        ForkedJvm program = program(jdk);

        // The README's recipe: without the agent, without AOT class linking (the cache's classes then load when first
        // used, and the agent's transformer sees them), with the module and boot class path the agent brings.
        JvmRun training = program.withOptions("-XX:AOTCacheOutput=" + cache, "-XX:-AOTClassLinking",
                "--add-modules", "java.instrument", "-Xbootclasspath/a:" + agentJar).run(ProgramJars.MAIN);
        assertEquals(Counts.all(host), Counts.of(training));
        assertTrue(Files.isRegularFile(cache), () -> "the cache was written: " + training);

        JvmRun run = program.withOptions("-XX:AOTCache=" + cache, "-Xlog:class+load")
                .withAgent(agentJar, "cpus=" + cpus).run(ProgramJars.MAIN);
        Counts control = Counts.of(program.run(ProgramJars.MAIN));

        System.out.println("FIGURE AOT cache by the recipe, cpus=" + cpus + " | " + jdk + " | agent "
                + Counts.of(run) + " | control " + control);
        assertEquals(Counts.all(cpus), Counts.of(run), () -> "every caller gets the agent's count: " + run);
        assertTrue(run.stdout().contains(GREETING + " source: shared objects file"),
                () -> "the JVM used the cache: " + run.stdout());
        assertEquals(List.of(), run.stderrLines(), "no [error][aot], no warning from the agent");
        assertEquals(Counts.all(host), control, "without the agent: the JVM's count");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TestJdks.class, names = "JDK25")
    void anAotCacheWithLinkedClassesGetsOneWarningNamingTheFix(TestJdks jdk) throws IOException {
        Path cache = temp.resolve("app.aot");
        ForkedJvm program = program(jdk);

        // Accepted with the agent attached, but linked: its classes load before premain, where no transformer sees
        // them, and the agent can only say so. Trained with the agent attached, which then rewrites nothing.
        JvmRun training = program.withOptions("-XX:AOTCacheOutput=" + cache)
                .withEnvironment("JDK_AOT_VM_OPTIONS", "-Xbootclasspath/a:" + agentJar)
                .withAgent(agentJar, "cpus=" + cpus).run(ProgramJars.MAIN);
        assertEquals(Counts.all(host), Counts.of(training), "no rewrite while training: " + training);
        assertTrue(Files.isRegularFile(cache) && Files.size(cache) > 0, () -> "the cache was written: " + training);

        JvmRun run = program.withOptions("-XX:AOTCache=" + cache, "-Xlog:class+load")
                .withAgent(agentJar, "cpus=" + cpus).run(ProgramJars.MAIN);

        System.out.println("FIGURE AOT cache with linked classes, cpus=" + cpus + " | " + jdk + " | agent "
                + Counts.of(run) + " | stderr " + run.stderrLines());
        assertTrue(run.stdout().contains(GREETING + " source: shared objects file"), "the JVM used the cache");
        assertEquals(1, run.stderrLines().size(), () -> "one line, not silence: " + run);
        String warning = run.stderrLines().get(0);
        assertTrue(warning.startsWith("container-limits: ") && warning.contains("came from an AOT cache")
                && warning.contains("-XX:-AOTClassLinking"), warning);
        assertEquals(Counts.all(host), Counts.of(run), "what the warning says: those classes keep the JVM's count");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TestJdks.class, names = {"JDK17", "JDK21"})
    void anAppCdsArchiveTrainedWithTheJarOnTheBootClassPathIsUsedAndItsClassesGetTheAgentsCount(TestJdks jdk)
            throws IOException {
        Path archive = temp.resolve("app.jsa");
        ForkedJvm program = program(jdk);

        JvmRun training = program.withOptions("-Xbootclasspath/a:" + agentJar, "-XX:ArchiveClassesAtExit=" + archive)
                .run(ProgramJars.MAIN);
        assertEquals(Counts.all(host), Counts.of(training));
        assertTrue(Files.isRegularFile(archive), () -> "the archive was written: " + training);

        JvmRun run = program.withOptions("-XX:SharedArchiveFile=" + archive, "-Xlog:class+load")
                .withAgent(agentJar, "cpus=" + cpus).run(ProgramJars.MAIN);
        Counts control = Counts.of(program.run(ProgramJars.MAIN));

        System.out.println("FIGURE AppCDS trained with the jar on the boot class path, cpus=" + cpus + " | " + jdk
                + " | agent " + Counts.of(run) + " | control " + control);
        assertEquals(Counts.all(cpus), Counts.of(run), () -> "archived classes are offered to the transformer: " + run);
        assertTrue(run.stdout().contains(GREETING + " source: shared objects file (top)"),
                () -> "the JVM used the archive: " + run.stdout());
        assertEquals(List.of(), run.stderrLines(), "no [warning][cds]: the archive's boot class path matches");
        assertEquals(Counts.all(host), control, "without the agent: the JVM's count");
    }

    private ForkedJvm program(TestJdks jdk) throws IOException {
        return jdk.jvm().withClassPath(ProgramJars.writeTo(temp).classPath()).withTimeout(TRAINING_TIMEOUT);
    }
}
