package io.containerlimits.jvmoptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserJvmOptionsTest {

    /** {@code /proc/self/cmdline}: every argument followed by a NUL. */
    private static byte[] cmdline(String... arguments) {
        return (String.join("\0", arguments) + "\0").getBytes(StandardCharsets.UTF_8);
    }

    private static final byte[] NONE = cmdline("java", "Main");

    @Test
    void activeProcessorCountOnTheCommandLine() {
        UserJvmOptions options = UserJvmOptions.of(Map.of(),
                cmdline("/usr/bin/java", "-Xmx1g", "-XX:ActiveProcessorCount=3", "-cp", "a.jar", "Main"));
        assertEquals(3, options.activeProcessorCount());
    }

    @Test
    void activeProcessorCountInEachVariable() {
        assertEquals(2, UserJvmOptions.of(Map.of("JAVA_TOOL_OPTIONS", "-XX:ActiveProcessorCount=2"), NONE)
                .activeProcessorCount());
        assertEquals(5, UserJvmOptions.of(Map.of("JDK_JAVA_OPTIONS", "-Xss1m -XX:ActiveProcessorCount=5"), NONE)
                .activeProcessorCount());
        assertEquals(7, UserJvmOptions.of(Map.of("_JAVA_OPTIONS", "'-XX:ActiveProcessorCount=7'"), NONE)
                .activeProcessorCount());
    }

    @Test
    void lastOccurrenceWinsAndUnderscoreJavaOptionsComeLast() {
        UserJvmOptions options = UserJvmOptions.of(
                Map.of("JAVA_TOOL_OPTIONS", "-XX:ActiveProcessorCount=2",
                        "_JAVA_OPTIONS", "-XX:ActiveProcessorCount=6"),
                cmdline("java", "-XX:ActiveProcessorCount=4", "Main"));
        assertEquals(6, options.activeProcessorCount());
    }

    @Test
    void minusOneIsTheJvmDefaultNotAnOverride() {
        assertNull(UserJvmOptions.of(Map.of(), cmdline("java", "-XX:ActiveProcessorCount=-1", "Main"))
                .activeProcessorCount());
        assertNull(UserJvmOptions.of(Map.of(), cmdline("java", "-XX:ActiveProcessorCount=0", "Main"))
                .activeProcessorCount(), "HotSpot uses only a positive value");
        assertNull(UserJvmOptions.ofJavaToolOptions("-XX:ActiveProcessorCount=-1").activeProcessorCount(),
                "the same reading for flags");
        assertNull(UserJvmOptions.of(Map.of(), cmdline("java", "-XX:ActiveProcessorCount=3",
                "-XX:ActiveProcessorCount=-1", "Main")).activeProcessorCount(), "the last occurrence resets it");
    }

    @Test
    void applicationArgumentsAfterTheMainClassAreNotJvmOptions() {
        assertNull(UserJvmOptions.of(Map.of(), cmdline("java", "-cp", "x", "Main", "-XX:ActiveProcessorCount=3"))
                .activeProcessorCount(), "an argument of the application");
        assertNull(UserJvmOptions.of(Map.of(), cmdline("java", "-jar", "app.jar", "-XX:ActiveProcessorCount=3"))
                .activeProcessorCount(), "after -jar");
    }

    @Test
    void classPathValueIsNotTakenForTheMainClass() {
        List<String> options = UserJvmOptions.launcherOptions(
                cmdline("java", "-cp", "lib/*", "--add-opens", "java.base/java.lang=ALL-UNNAMED", "-Xmx1g", "Main"));
        assertEquals(List.of("-cp", "--add-opens", "-Xmx1g"), options);
    }

    @Test
    void emptyCmdlineMeansTheVariablesAlone() {
        assertNull(UserJvmOptions.of(Map.of(), new byte[0]).activeProcessorCount());
    }

    @Test
    void javaAgentJarsDropTheirOptions() {
        UserJvmOptions options = UserJvmOptions.of(Map.of("JAVA_TOOL_OPTIONS", "-javaagent:/opt/cl-1.2.jar=cpus=2"),
                cmdline("java", "-javaagent:other.jar", "Main"));
        assertEquals(List.of("/opt/cl-1.2.jar", "other.jar"), options.javaAgentJars());
    }

    @Test
    void anArgFileOnTheCommandLineIsReadAsTheLauncherReadsIt(@TempDir Path dir) throws IOException {
        Path opts = dir.resolve("opts");
        Files.write(opts, "# sizing\n-Xmx1g\n-XX:ActiveProcessorCount=3 -cp app.jar\n"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(3, UserJvmOptions.of(Map.of(), cmdline("java", "@" + opts, "Main")).activeProcessorCount(),
                "the launcher expands @argfiles before the JVM starts");
        assertEquals(3, UserJvmOptions.of(Map.of("JDK_JAVA_OPTIONS", "@" + opts), NONE).activeProcessorCount());
        assertNull(UserJvmOptions.of(Map.of(), cmdline("java", "@@" + opts, "Main")).activeProcessorCount(),
                "@@ is a literal @, here the main class");
        assertNull(UserJvmOptions.of(Map.of(), cmdline("java", "--disable-@files", "@" + opts, "Main"))
                .activeProcessorCount());
    }

    @Test
    void aVmOptionsFileIsReadToo(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("vm.options");
        Files.write(file, "-XX:ActiveProcessorCount=5\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(5, UserJvmOptions.of(Map.of("JAVA_TOOL_OPTIONS", "-XX:VMOptionsFile=" + file), NONE)
                .activeProcessorCount());
    }
}
