package io.containerlimits.it.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containerlimits.it.support.Prerequisites;
import io.containerlimits.it.support.TestJdks;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The call-site rewrite never breaks a class (docs/design.md §7): every class of large real jars, rewritten, defined
 * and linked under {@code -Xverify:all} in a forked JDK 17 and JDK 25, with negative controls that prove the same
 * harness reports a class the verifier rejects.
 */
class RewriteSafetyTest {

    /** The jars under test, by artifact id, in the order their classes are read (their test-scope dependencies). */
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

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestJdks.class)
    void everyClassOfTheRealJarsLinksUnderVerifyAllAfterTheRewrite(TestJdks jdk) throws Exception {
        Map<String, String> summary = harness(jdk, RewriteVariant.AGENT, Linking.REFLECTION, realJars());

        int classes = count(summary, "classes");
        assertEquals(0, count(summary, "verifyErrors"), "no class may fail verification because of the rewrite");
        assertEquals(0, count(summary, "rewriteFailures"), "the rewrite parses every class of these jars");
        assertTrue(classes > 7_000, "the jars hold thousands of classes, read " + classes);
        assertTrue(count(summary, "linked") >= classes * 95 / 100,
                "most classes link; the rest only for a missing optional dependency: " + summary);
        assertTrue(count(summary, "callSites") > 0, "the rewrite really happened");
        assertEquals(count(summary, "rewrittenClasses"), count(summary, "rewrittenLinked"),
                "every rewritten class was linked from its rewritten bytes, none hidden behind a missing dependency");
        Map<String, Integer> callSitesByJar = byJar(summary.get("callSitesByJar"));
        for (String jar : CALLING_JARS) {
            assertTrue(callSitesByJar.get(jar) > 0, jar + " calls availableProcessors, so it is rewritten: " + summary);
        }
        assertEquals("app", summary.get("helperLoader"), "the helper the call sites name resolves from the loader");
        assertEquals("true", summary.get("verifyAll"), "the forked JVM ran with -Xverify:all");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestJdks.class)
    void theControlClassLinksWhenTheAgentRewritesIt(TestJdks jdk) throws Exception {
        Map<String, String> summary = harness(jdk, RewriteVariant.AGENT, Linking.REFLECTION, controlJar());

        assertEquals(1, count(summary, "callSites"), "the control has one call site");
        assertEquals(1, count(summary, "linked"), "the correctly rewritten control links");
        assertEquals(0, count(summary, "linkErrors"), "and is no error");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestJdks.class)
    void theHarnessReportsACallSiteRewrittenWithAWrongDescriptor(TestJdks jdk) throws Exception {
        Map<String, String> summary = harness(jdk, RewriteVariant.WRONG_DESCRIPTOR, Linking.REFLECTION, controlJar());

        assertEquals(1, count(summary, "verifyErrors"), "a Runtime passed as an Integer must be a verification error");
        assertEquals(0, count(summary, "preExistingErrors"), "the original control links, so the error is the rewrite's");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestJdks.class)
    void theHarnessReportsARewriteThatChangesTheStackEffect(TestJdks jdk) throws Exception {
        Map<String, String> summary = harness(jdk, RewriteVariant.STACK_EFFECT, Linking.REFLECTION, controlJar());

        assertEquals(1, count(summary, "verifyErrors"), "a call site that no longer pushes the int must be rejected");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestJdks.class)
    void theHarnessReportsEveryRealClassWhoseRewriteChangesTheStackEffect(TestJdks jdk) throws Exception {
        Map<String, String> summary = harness(jdk, RewriteVariant.STACK_EFFECT, Linking.REFLECTION, realJars());

        // The same jars, the same call sites, but each now leaves no int behind: none of them may link.
        assertTrue(count(summary, "rewrittenClasses") > 0, "the broken rewrite found call sites: " + summary);
        assertEquals(0, count(summary, "rewrittenLinked"), "no broken class passes the harness: " + summary);
        assertTrue(count(summary, "verifyErrors") >= count(summary, "rewrittenClasses"),
                "each broken class is a verification error: " + summary);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestJdks.class)
    void loadingWithoutLinkingWouldMissTheBrokenClass(TestJdks jdk) throws Exception {
        Map<String, String> summary = harness(jdk, RewriteVariant.WRONG_DESCRIPTOR, Linking.LOAD_ONLY, controlJar());

        // Why the harness links: Class.forName(name, false, loader) defines the broken class without verifying it.
        assertEquals(0, count(summary, "linkErrors"), "loading alone does not verify");
        assertEquals(1, count(summary, "linked"), "the broken class loads");
    }

    /** Runs the harness in a forked JVM of {@code jdk} with {@code -Xverify:all}; returns its summary fields. */
    private static Map<String, String> harness(TestJdks jdk, RewriteVariant variant, Linking linking,
            Map<String, Path> jars) throws IOException, InterruptedException {
        Prerequisites.require(Files.isExecutable(jdk.java()), jdk + " at " + jdk.java());
        List<String> command = new ArrayList<>(List.of(jdk.java().toString(),
                "-Xverify:all", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", TestJdks.testClasses() + File.pathSeparator + TestJdks.agentJar(),
                RewriteHarness.class.getName(), "--rewrite=" + variant, "--linking=" + linking));
        jars.forEach((label, path) -> command.add(label + "=" + path));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(HARNESS_TIMEOUT.toSeconds(), TimeUnit.SECONDS), "harness finished in time");
        String output = new String(out, StandardCharsets.UTF_8);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println(jdk + " " + variant + " " + linking + " (" + millis + " ms wall):\n" + output);
        assertEquals(0, process.exitValue(), "harness exit status; output:\n" + output);
        return SummaryLine.find(output).orElseThrow(() -> new AssertionError("no summary line in:\n" + output));
    }

    /** The jars of {@link #ARTIFACTS}, found on this test's class path (Maven resolved them as test dependencies). */
    private static Map<String, Path> realJars() {
        List<Path> classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of).toList();
        Map<String, Path> jars = new LinkedHashMap<>();
        for (String artifact : ARTIFACTS) {
            Path jar = classPath.stream()
                    .filter(p -> p.getFileName().toString().matches(Pattern.quote(artifact) + "-\\d.*\\.jar"))
                    .findFirst().orElseThrow(() -> new AssertionError(artifact + " jar not on the test class path"));
            jars.put(artifact, jar);
        }
        return jars;
    }

    /** A jar holding only {@link CallsAvailableProcessors}, as compiled. */
    private Map<String, Path> controlJar() throws IOException {
        String entry = CallsAvailableProcessors.class.getName().replace('.', '/') + ".class";
        Path jar = temp.resolve("control.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry(entry));
            out.write(Files.readAllBytes(TestJdks.testClasses().resolve(entry)));
            out.closeEntry();
        }
        return Map.of("control", jar);
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
