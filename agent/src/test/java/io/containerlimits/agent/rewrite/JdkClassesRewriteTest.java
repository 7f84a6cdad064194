package io.containerlimits.agent.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated input from the real world: every class file of a JDK's own modules ({@code jrt:/}; the running JDK's, and
 * JDK 25's from {@code -Djdk25.home}, which the agent's POM passes) that the pre-filter admits is rewritten, and the
 * result read back by an independent reader (ASM, {@link InstructionListing}): the same methods with the same
 * instructions, labels, switches, handlers and line numbers, except each {@code invokevirtual
 * Runtime.availableProcessors} now the helper's {@code invokestatic} (and each handle to it the helper's). The counts
 * the rewrite reports must match what the reader sees in the original. The JVM's verifier checks the same kind of
 * result on library jars in the integration tests' RewriteSafetyTest.
 */
class JdkClassesRewriteTest {

    /** The running JDK, and the one {@code jdk25.home} names when it is set (a missing directory fails the test). */
    static List<String> javaHomes() {
        List<String> homes = new ArrayList<>(List.of(System.getProperty("java.home")));
        String jdk25 = System.getProperty("jdk25.home", "");
        if (!jdk25.isBlank()) {
            homes.add(jdk25);
        }
        return homes;
    }

    private static FileSystem modules(String javaHome) throws IOException {
        if (javaHome.equals(System.getProperty("java.home"))) {
            return FileSystems.getFileSystem(URI.create("jrt:/"));
        }
        assertTrue(Files.isDirectory(Path.of(javaHome, "lib")), "a JDK at " + javaHome);
        return FileSystems.newFileSystem(URI.create("jrt:/"), Map.of("java.home", javaHome));
    }

    @ParameterizedTest
    @MethodSource("javaHomes")
    void everyAdmittedJdkClassIsRewrittenExactlyWhereItCallsRuntime(String javaHome) throws IOException {
        int admitted = 0;
        int rewrittenClasses = 0;
        int callSites = 0;
        List<String> problems = new ArrayList<>();
        Map<String, Integer> sitesByClass = new TreeMap<>();
        FileSystem jrt = modules(javaHome);
        try (Stream<Path> files = Files.walk(jrt.getPath("/modules"))) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                byte[] original = Files.readAllBytes(file);
                if (!CallSiteRewriter.mentionsAvailableProcessors(original)) {
                    continue;
                }
                admitted++;
                Map<String, List<String>> before = InstructionListing.of(original);
                long calls = InstructionListing.count(before, InstructionListing.RUNTIME_CALL);
                CallSiteRewriter.Result result;
                try {
                    result = CallSiteRewriter.rewriteCounting(original);
                } catch (RuntimeException e) {
                    problems.add(file + ": " + e);
                    continue;
                }
                if (result == null) {
                    if (calls != 0) {
                        problems.add(file + ": not rewritten, but has " + calls + " call site(s)");
                    }
                    continue;
                }
                rewrittenClasses++;
                callSites += result.callSites();
                sitesByClass.put(file.toString(), result.callSites());
                if (result.callSites() != calls) {
                    problems.add(file + ": rewrote " + result.callSites() + " call sites, the reader sees " + calls);
                }
                Map<String, List<String>> after = InstructionListing.of(result.classFile());
                if (!InstructionListing.rewritten(before, result.methodHandles() > 0).equals(after)) {
                    problems.add(file + ": instructions other than the call sites changed");
                }
                if (InstructionListing.count(after, InstructionListing.RUNTIME_CALL) != 0) {
                    problems.add(file + ": a call site is left");
                }
            }
        }
        System.out.printf("%s: %d classes admitted, %d rewritten, %d call sites%n", javaHome, admitted,
                rewrittenClasses, callSites);
        assertEquals(List.of(), problems);
        // JDK 17: 13 admitted, 12 rewritten with 14 call sites (ForkJoinPool, Striped64, ...).
        assertTrue(admitted >= 10 && rewrittenClasses >= 10 && callSites >= rewrittenClasses,
                admitted + " admitted, " + rewrittenClasses + " rewritten, " + callSites + " call sites: "
                        + sitesByClass);
        assertTrue(sitesByClass.containsKey("/modules/java.base/java/util/concurrent/ForkJoinPool.class"),
                sitesByClass.keySet().toString());
    }

    /**
     * The instruction walk on every method of every class of the JDK, not only the few the rewrite visits: each one's
     * instructions counted by the walk and by ASM must agree ({@link InstructionCounts}).
     */
    @ParameterizedTest
    @MethodSource("javaHomes")
    void theInstructionWalkAgreesWithAsmOnEveryMethodOfTheJdk(String javaHome) throws IOException {
        int classes = 0;
        long instructions = 0;
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(modules(javaHome).getPath("/modules"))) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                byte[] classFile = Files.readAllBytes(file);
                classes++;
                try {
                    List<Integer> walked = InstructionCounts.walked(classFile);
                    if (!walked.equals(InstructionCounts.read(classFile))) {
                        problems.add(file + ": walked " + walked + ", ASM read " + InstructionCounts.read(classFile));
                    }
                    instructions += walked.stream().mapToLong(Integer::longValue).sum();
                } catch (RuntimeException e) {
                    problems.add(file + ": " + e);
                }
            }
        }
        System.out.printf("%s: %d classes, %d instructions walked%n", javaHome, classes, instructions);
        assertEquals(List.of(), problems.subList(0, Math.min(problems.size(), 20)), problems.size() + " classes");
        assertTrue(classes > 10_000, classes + " classes");
    }
}
