package io.containerlimits.it.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containerlimits.it.methodref.RuntimeReferences;
import io.containerlimits.it.support.TestJdks;
import io.containerlimits.testsupport.JvmRun;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The call-site rewrite never breaks a class (docs/design.md §7): every class of large real jars, rewritten, defined
 * and linked under {@code -Xverify:all} in a forked JVM of each JDK under test, with negative controls that prove the
 * same harness reports a class the verifier rejects. A JDK gets the jars whose class files it can load: JDK 8 not
 * Caffeine 3 (Java 11) nor Jetty 12 (Java 17), JDK 11 not Jetty.
 */
class RewriteSafetyTest {

    /**
     * The jars under test, by artifact id, in the order their classes are read: the build copies them into the
     * directory {@code rewriteCorpus.dir} names (integration-tests/pom.xml), apart from the test class path.
     */
    private static final List<String> ARTIFACTS = List.of(
            "guava", "failureaccess",
            "netty-common", "netty-buffer", "netty-resolver", "netty-transport",
            "kotlin-stdlib", "kotlinx-coroutines-core-jvm",
            "caffeine",
            "jackson-annotations", "jackson-core", "jackson-databind",
            "jetty-util");

    /**
     * The jars that call {@code Runtime.availableProcessors()} directly (checked with {@code javap}) and so must show
     * rewritten call sites. Kotlin's stdlib and the other Netty and Jackson jars do not; Guava stopped after 33.4.0.
     */
    private static final List<String> CALLING_JARS = List.of(
            "guava", "netty-common", "kotlinx-coroutines-core-jvm", "caffeine", "jackson-databind", "jetty-util");

    private static final Duration HARNESS_TIMEOUT = Duration.ofMinutes(5);

    /** Release N writes class-file major version N + 44 (8: 52) and reads up to that. */
    private static final int CLASS_VERSION_OVER_RELEASE = 44;

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestJdks.class)
    void everyClassOfTheRealJarsLinksUnderVerifyAllAfterTheRewrite(TestJdks jdk) throws IOException {
        Map<String, Path> jars = realJars(jdk);
        Map<String, String> summary = harness(jdk, RewriteVariant.AGENT, Linking.REFLECTION, jars);

        int classes = count(summary, "classes");
        assertEquals(0, count(summary, "verifyErrors"), "no class may fail verification because of the rewrite");
        assertEquals(0, count(summary, "rewriteFailures"), "the rewrite parses every class of these jars");
        // All 13 jars hold 7,119 classes; JDK 11 reads 12 of them (6,714), JDK 8 11 of them (6,001).
        int least = jars.size() == ARTIFACTS.size() ? 7_000 : 5_000;
        assertTrue(classes > least, "the jars hold thousands of classes, read " + classes + " from " + jars.keySet());
        assertTrue(count(summary, "linked") >= classes * 95 / 100,
                "most classes link; the rest only for a missing optional dependency: " + summary);
        assertTrue(count(summary, "callSites") > 0, "the rewrite really happened");
        assertEquals(count(summary, "rewrittenClasses"), count(summary, "rewrittenLinked"),
                "every rewritten class was linked from its rewritten bytes, none hidden behind a missing dependency");
        Map<String, Integer> callSitesByJar = byJar(summary.get("callSitesByJar"));
        for (String jar : CALLING_JARS) {
            if (jars.containsKey(jar)) {
                assertTrue(callSitesByJar.get(jar) > 0, jar + " calls availableProcessors, so it is rewritten: "
                        + summary);
            }
        }
        assertEquals("system", summary.get("helperLoader"),
                "the helper the call sites name resolves from the class path's loader");
        assertEquals("true", summary.get("verifyAll"), "the forked JVM ran with -Xverify:all");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestJdks.class)
    void theControlClassLinksWhenTheAgentRewritesIt(TestJdks jdk) throws IOException {
        Map<String, String> summary = harness(jdk, RewriteVariant.AGENT, Linking.REFLECTION, controlJar());

        assertEquals(1, count(summary, "callSites"), "the control has one call site");
        assertEquals(1, count(summary, "linked"), "the correctly rewritten control links");
        assertEquals(0, count(summary, "linkErrors"), "and is no error");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestJdks.class)
    void aClassWithMethodReferencesLinksWhenTheAgentRewritesIt(TestJdks jdk) throws IOException {
        // None of the real jars has a method reference to Runtime.availableProcessors (checked with the rewriter
        // itself): this one, bound and unbound, stands in. MethodReferenceTest runs it.
        Map<String, String> summary = harness(jdk, RewriteVariant.AGENT, Linking.REFLECTION,
                jarOf("references", RuntimeReferences.class));

        assertEquals(1, count(summary, "methodHandles"), "one handle constant serves both references: " + summary);
        assertEquals(0, count(summary, "callSites"), "and no invokevirtual");
        assertEquals(1, count(summary, "rewrittenLinked"), "the class re-pointed to the helper links");
        assertEquals(0, count(summary, "verifyErrors"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestJdks.class)
    void theHarnessReportsACallSiteRewrittenWithAWrongDescriptor(TestJdks jdk) throws IOException {
        Map<String, String> summary = harness(jdk, RewriteVariant.WRONG_DESCRIPTOR, Linking.REFLECTION, controlJar());

        assertEquals(1, count(summary, "verifyErrors"), "a Runtime passed as an Integer must be a verification error");
        assertEquals(0, count(summary, "preExistingErrors"),
                "the original control links, so the error is the rewrite's");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestJdks.class)
    void theHarnessReportsARewriteThatChangesTheStackEffect(TestJdks jdk) throws IOException {
        Map<String, String> summary = harness(jdk, RewriteVariant.STACK_EFFECT, Linking.REFLECTION, controlJar());

        assertEquals(1, count(summary, "verifyErrors"), "a call site that no longer pushes the int must be rejected");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TestJdks.class, mode = EnumSource.Mode.MATCH_ANY, names = TestJdks.FULL_MATRIX)
    void theHarnessReportsEveryRealClassWhoseRewriteChangesTheStackEffect(TestJdks jdk) throws IOException {
        Map<String, String> summary = harness(jdk, RewriteVariant.STACK_EFFECT, Linking.REFLECTION, realJars(jdk));

        // The same jars, the same call sites, but each now leaves no int behind: none of them may link.
        assertTrue(count(summary, "rewrittenClasses") > 0, "the broken rewrite found call sites: " + summary);
        assertEquals(0, count(summary, "rewrittenLinked"), "no broken class passes the harness: " + summary);
        assertTrue(count(summary, "verifyErrors") >= count(summary, "rewrittenClasses"),
                "each broken class is a verification error: " + summary);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestJdks.class)
    void loadingWithoutLinkingWouldMissTheBrokenClass(TestJdks jdk) throws IOException {
        Map<String, String> summary = harness(jdk, RewriteVariant.WRONG_DESCRIPTOR, Linking.LOAD_ONLY, controlJar());

        // Why the harness links: Class.forName(name, false, loader) defines the broken class without verifying it.
        assertEquals(0, count(summary, "linkErrors"), "loading alone does not verify");
        assertEquals(1, count(summary, "linked"), "the broken class loads");
    }

    /** Runs the harness in a forked JVM of {@code jdk} with {@code -Xverify:all}; returns its summary fields. */
    private static Map<String, String> harness(TestJdks jdk, RewriteVariant variant, Linking linking,
            Map<String, Path> jars) {
        List<String> args = new ArrayList<>(List.of("--rewrite=" + variant, "--linking=" + linking));
        jars.forEach((label, path) -> args.add(label + "=" + path));
        long start = System.nanoTime();
        JvmRun run = jdk.jvm().withOptions("-Xverify:all", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")
                .withClassPath(TestJdks.programClasses(), TestJdks.agentJar()).withTimeout(HARNESS_TIMEOUT)
                .run(RewriteHarness.class.getName(), args.toArray(String[]::new));
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println(jdk + " " + variant + " " + linking + " (" + millis + " ms wall):\n" + run.stdout());
        assertEquals(0, run.exitCode(), () -> "harness exit status; " + run);
        return SummaryLine.find(run.stdout()).orElseThrow(() -> new AssertionError("no summary line in:\n" + run));
    }

    /**
     * The jars of {@link #ARTIFACTS} whose every class file {@code jdk} can load, found in the corpus directory the
     * build filled; fails when one is missing there.
     */
    private static Map<String, Path> realJars(TestJdks jdk) throws IOException {
        Path corpus = Path.of(System.getProperty("rewriteCorpus.dir", "target/rewrite-corpus"));
        List<Path> files;
        try (Stream<Path> listing = Files.list(corpus)) {
            files = listing.toList();
        }
        Map<String, Path> jars = new LinkedHashMap<>();
        for (String artifact : ARTIFACTS) {
            Path jar = files.stream()
                    .filter(p -> p.getFileName().toString().matches(Pattern.quote(artifact) + "-\\d.*\\.jar"))
                    .findFirst().orElseThrow(() -> new AssertionError(artifact + " jar not in " + corpus));
            if (highestClassVersion(jar) <= jdk.feature() + CLASS_VERSION_OVER_RELEASE) {
                jars.put(artifact, jar);
            }
        }
        return jars;
    }

    /** The highest class-file major version among the classes at the root of {@code jar}, the base release. */
    private static int highestClassVersion(Path jar) throws IOException {
        int highest = 0;
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : Collections.list(file.entries())) {
                String name = entry.getName();
                // module-info is Java 9 bytecode in jars for Java 8 too: no JVM loads it as a class.
                if (name.endsWith(".class") && !name.startsWith("META-INF/") && !name.endsWith("module-info.class")) {
                    try (DataInputStream in = new DataInputStream(file.getInputStream(entry))) {
                        in.readInt(); // magic
                        in.readUnsignedShort(); // minor
                        highest = Math.max(highest, in.readUnsignedShort());
                    }
                }
            }
        }
        return highest;
    }

    /** A jar holding only {@link CallsAvailableProcessors}, as compiled. */
    private Map<String, Path> controlJar() throws IOException {
        return jarOf("control", CallsAvailableProcessors.class);
    }

    /** A jar, labelled {@code label}, holding only {@code type} as compiled. */
    private Map<String, Path> jarOf(String label, Class<?> type) throws IOException {
        String entry = type.getName().replace('.', '/') + ".class";
        Path jar = temp.resolve(label + ".jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry(entry));
            out.write(Files.readAllBytes(TestJdks.programClasses().resolve(entry)));
            out.closeEntry();
        }
        return Map.of(label, jar);
    }

    private static int count(Map<String, String> summary, String key) {
        String value = summary.get(key);
        assertTrue(value != null, "summary has " + key + ": " + summary);
        return Integer.parseInt(value);
    }

    /** {@code guava:3,caffeine:1} as a map. */
    private static Map<String, Integer> byJar(String field) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String pair : field.split(",")) {
            String[] labelAndCount = pair.split(":", 2);
            counts.put(labelAndCount[0], Integer.parseInt(labelAndCount[1]));
        }
        return counts;
    }
}
