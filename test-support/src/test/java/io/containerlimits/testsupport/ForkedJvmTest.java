package io.containerlimits.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForkedJvmTest {

    private static final Jdk JDK8 = new Jdk(Path.of("/jdks/jdk8"), 8);

    private static final Jdk JDK17 = new Jdk(Path.of("/jdks/jdk17"), 17);

    @Test
    void javaBaseOpensReachJdk9AndLaterButNeverJdk8() {
        assertEquals(List.of("/jdks/jdk17/bin/java", "--add-opens", "java.base/java.lang=ALL-UNNAMED", "Main"),
                ForkedJvm.of(JDK17).withJavaBaseOpenTo("java.lang").mainCommand("Main"));
        assertEquals(List.of("/jdks/jdk8/bin/java", "Main"),
                ForkedJvm.of(JDK8).withJavaBaseOpenTo("java.lang").mainCommand("Main"));
    }

    @Test
    void theCommandIsJavaOptionsClassPathMainAndArgumentsInThatOrder() {
        ForkedJvm jvm = ForkedJvm.of(JDK17).withOptions("-Xmx64m").withAgent(Path.of("/a.jar"), "cpus=2")
                .withClassPath(Path.of("/classes"), Path.of("/lib.jar"));
        assertEquals(List.of("/jdks/jdk17/bin/java", "-Xmx64m", "-javaagent:/a.jar=cpus=2", "-cp",
                "/classes:/lib.jar", "Main", "x"), jvm.mainCommand("Main", "x"));
        assertEquals(List.of("/jdks/jdk17/bin/java", "-Xmx64m", "-javaagent:/a.jar=cpus=2", "-jar", "/tool.jar",
                "json"), jvm.jarCommand(Path.of("/tool.jar"), "json"));
        assertEquals("-javaagent:/a.jar", ForkedJvm.javaagentOption(Path.of("/a.jar"), ""), "no '=' without arguments");
    }

    @Test
    void theInheritedEnvironmentLosesWhatChangesAJvmAndGainsWhatTheTestAdds() {
        Map<String, String> inherited = Map.of("PATH", "/bin", "JAVA_TOOL_OPTIONS", "-javaagent:x.jar",
                "JDK_JAVA_OPTIONS", "-Xmx1m", "_JAVA_OPTIONS", "-Xint", "CONTAINER_LIMITS_CPUS", "9",
                "CONTAINER_LIMITS_OPTS", "log=info");
        assertEquals(Map.of("PATH", "/bin", "CONTAINER_LIMITS_LOG", "info"),
                ForkedJvm.of(JDK17).withEnvironment("CONTAINER_LIMITS_LOG", "info").environmentFor(inherited));
    }

    @Test
    void aRunKeepsBothStreamsAndTheStatusAndStartsThroughTheLauncherWords() {
        // sh as the launcher, ignoring the java command after it, stands in for a JVM.
        JvmRun run = ForkedJvm.of(JDK17).withEnvironment("GREETING", "hello")
                .through(List.of("sh", "-c", "echo \"$GREETING\"; echo oops >&2; exit 7", "sh")).run("Main");
        assertEquals(7, run.exitCode(), run::toString);
        assertEquals("hello\n", run.stdout());
        assertEquals(List.of("oops"), run.stderrLines());
        assertEquals("sh", run.command().get(0));
    }

    @Test
    void aRunOverItsTimeoutIsKilledAndFails() {
        ForkedJvm sleeper = ForkedJvm.of(JDK17).through(List.of("sh", "-c", "exec sleep 30", "sh"))
                .withTimeout(Duration.ofMillis(300));
        long start = System.nanoTime();
        IllegalStateException timedOut = assertThrows(IllegalStateException.class, () -> sleeper.run("Main"));
        assertTrue(timedOut.getMessage().startsWith("timed out after"), timedOut.getMessage());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(20).toNanos(), "killed, not waited for");
    }
}
