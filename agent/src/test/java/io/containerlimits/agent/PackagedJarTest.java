package io.containerlimits.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containerlimits.agent.rewrite.CallSiteRewriter;
import io.containerlimits.testsupport.ForkedJvm;
import io.containerlimits.testsupport.JvmRun;
import java.io.DataInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded {@code container-limits.jar}, checked in the package phase right after shade: what the boot class path
 * and the JVM's agent loader need (docs/agent-notes.md §0.5, §0.8, §2).
 */
class PackagedJarTest {

    private static final long MAX_BYTES = 300 * 1024;
    private static final int JAVA_8_CLASS_VERSION = 52;

    private static File jarFile;

    @BeforeAll
    static void findJar() {
        jarFile = new File(System.getProperty("containerLimits.jar", "target/container-limits.jar"));
        assertTrue(jarFile.isFile(), "built by shade: " + jarFile);
    }

    @Test
    void staysSmall() {
        assertTrue(jarFile.length() <= MAX_BYTES, jarFile.length() + " bytes, at most " + MAX_BYTES);
    }

    @Test
    void manifestMakesItAnAgentWithItselfOnTheBootClassPath() throws IOException {
        try (JarFile jar = new JarFile(jarFile)) {
            Attributes main = jar.getManifest().getMainAttributes();
            assertEquals(ContainerLimitsAgent.class.getName(), main.getValue("Premain-Class"));
            assertEquals("true", main.getValue("Can-Retransform-Classes"));
            assertEquals(jarFile.getName(), main.getValue("Boot-Class-Path"), "names the jar itself");
            assertEquals("false", main.getValue("Multi-Release"));
        }
    }

    @Test
    void everyClassIsJava8AtTheRootAndOnlyThisProjectsOwn() throws IOException {
        List<String> problems = new ArrayList<>();
        int classes = 0;
        try (JarFile jar = new JarFile(jarFile)) {
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements();) {
                String name = entries.nextElement().getName();
                if (name.startsWith("META-INF/versions/") || name.endsWith("module-info.class")) {
                    problems.add(name);
                }
                if (name.endsWith(".class") && !name.startsWith("io/containerlimits/")
                        || name.startsWith("io/containerlimits/shaded/")) {
                    problems.add(name + ": the jar embeds no other project's code (the rewrite is byte-level)");
                }
                if (name.endsWith(".class")) {
                    classes++;
                    try (InputStream in = jar.getInputStream(jar.getJarEntry(name))) {
                        DataInputStream data = new DataInputStream(in);
                        data.readInt(); // magic
                        data.readUnsignedShort(); // minor
                        int major = data.readUnsignedShort();
                        if (major > JAVA_8_CLASS_VERSION) {
                            problems.add(name + " has class-file version " + major);
                        }
                    }
                }
            }
            assertTrue(jar.getJarEntry(CallSiteRewriter.HELPER_OWNER + ".class") != null, "the helper is at the root");
        }
        assertEquals(List.of(), problems);
        assertTrue(classes > 20, "read " + classes + " classes");
    }

    @Test
    void carriesThisProjectsLicenceAndNotice() throws IOException {
        try (JarFile jar = new JarFile(jarFile)) {
            Path repository = Path.of(System.getProperty("containerLimits.repository", ".."));
            assertEquals(Files.readString(repository.resolve("LICENSE")), text(jar, "META-INF/LICENSE"), "Apache-2.0");
            assertEquals(Files.readString(repository.resolve("NOTICE")), text(jar, "META-INF/NOTICE"));
            List<String> metaInf = new ArrayList<>();
            jar.stream().map(JarEntry::getName).filter(name -> name.startsWith("META-INF/") && !name.endsWith("/"))
                    .sorted().forEach(metaInf::add);
            assertEquals(List.of("META-INF/LICENSE", "META-INF/MANIFEST.MF", "META-INF/NOTICE"), metaInf,
                    "no third-party code, so no third-party licence or notice");
        }
    }

    private static String text(JarFile jar, String name) {
        JarEntry entry = jar.getJarEntry(name);
        assertTrue(entry != null, name + " in " + jar.getName());
        try (InputStream in = jar.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(name, e);
        }
    }

    /** Runs {@link SmokeMain} in a new JVM of the running JDK with this test's class path; fails unless it exits 0. */
    private static JvmRun fork(Map<String, String> environment, String... jvmOptions) {
        JvmRun run = ForkedJvm.likeThisOne().withOptions(jvmOptions).withEnvironment(environment)
                .run(SmokeMain.class.getName());
        assertEquals(0, run.exitCode(), run::toString);
        return run;
    }

    /** What {@link SmokeMain} printed: {@code <availableProcessors> <common pool> <new pool>}. */
    private static String counts(JvmRun run) {
        return run.stdout().trim();
    }

    @Test
    void overrideChangesWhatTheApplicationSeesAgainstAControl() throws Exception {
        int cpus = Runtime.getRuntime().availableProcessors() + 2;
        JvmRun control = fork(Map.of());
        JvmRun agent = fork(Map.of(), "-javaagent:" + jarFile + "=cpus=" + cpus);
        assertEquals(cpus + " " + (cpus - 1) + " " + cpus, counts(agent), "with the agent");
        assertTrue(!counts(control).equals(counts(agent)), "the control differs: " + control);
        assertEquals("", agent.stderr(), "nothing on stderr by default");
    }

    @Test
    void coresPhysicalSizesTheJvmForThePhysicalCoresAndOnlyThenReadsTheTopology(@TempDir Path temp) throws Exception {
        // 8 logical CPUs in 4 two-thread cores, all allowed: 8 with the agent's defaults, 4 with cores=physical.
        // From the jar's directory, agent/target: the packaged-jar run does not start in the module directory.
        String root = jarFile.getAbsoluteFile().toPath().resolveSibling(Path.of("..", "..", "core", "src", "test",
                "resources", "fixtures", "smt-all-threads-allowed", "root")).normalize().toString();
        // The class log goes to files, apart from what the agent may say on stderr.
        Path logicalClasses = temp.resolve("logical.txt");
        Path physicalClasses = temp.resolve("physical.txt");
        JvmRun logical = fork(Map.of(), "-Xlog:class+load=info:file=" + logicalClasses,
                "-javaagent:" + jarFile + "=root=" + root);
        JvmRun physical = fork(Map.of(), "-Xlog:class+load=info:file=" + physicalClasses,
                "-javaagent:" + jarFile + "=root=" + root + ",cores=physical");
        assertEquals("8 7 8", counts(logical), "the control: the same agent and tree, logical CPUs (" + root + ")");
        assertEquals("4 3 4", counts(physical), "availableProcessors(), the common pool, a new pool");
        String topology = "io.containerlimits.detect.topology.";
        assertTrue(Files.readString(physicalClasses).contains(topology + "PhysicalCores"), "the class log works");
        assertTrue(!Files.readString(logicalClasses).contains(topology), "cores=logical loads no topology class");
    }

    @Test
    void renamedJarStillRewritesThroughTheFallback(@TempDir Path temp) throws Exception {
        int cpus = Runtime.getRuntime().availableProcessors() + 2;
        Path renamed = Files.copy(jarFile.toPath(), temp.resolve("container-limits-9.9.9.jar"));
        JvmRun agent = fork(Map.of(), "-javaagent:" + renamed + "=cpus=" + cpus);
        assertEquals(cpus + " " + (cpus - 1) + " " + cpus, counts(agent), agent::toString);
        assertTrue(agent.stderr().contains("bootstrap classpath has been appended"), "the documented CDS warning");
        assertTrue(!agent.stderr().contains("container-limits:"), "and nothing of ours: " + agent);
    }

    @Test
    void twiceLoadedAppliesOnce() throws Exception {
        int cpus = Runtime.getRuntime().availableProcessors() + 2;
        // JAVA_TOOL_OPTIONS is read first, so its agent starts; the command line's would say cpus=1.
        JvmRun agent = fork(Map.of("JAVA_TOOL_OPTIONS", "-javaagent:" + jarFile + "=cpus=" + cpus + ",log=info"),
                "-javaagent:" + jarFile + "=cpus=1,log=info");
        assertEquals(cpus + " " + (cpus - 1) + " " + cpus, counts(agent));
        assertEquals(1, agent.stderrLines().stream().filter(line -> line.startsWith("container-limits ")).count(),
                agent::toString);
    }

    @Test
    void disabledOrGarbageNeverStopsTheJvm() throws Exception {
        String control = counts(fork(Map.of()));
        assertEquals(control, counts(fork(Map.of("CONTAINER_LIMITS_ENABLED", "false"),
                "-javaagent:" + jarFile + "=cpus=64")));
        JvmRun garbage = fork(Map.of(), "-javaagent:" + jarFile + "=cpus=lots,nonsense");
        assertEquals(control, counts(garbage));
        assertEquals(2, garbage.stderrLines().size(), garbage::toString);
    }
}
