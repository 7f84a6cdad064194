package io.containerlimits.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Paths;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code flags} end to end: what it prints, around which user options, and its exit codes. */
class FlagsCommandTest {

    private static final String QUOTA = Cli.fixture("v2-quota-memory");
    private static final String UNLIMITED = Cli.fixture("v2-unlimited");
    /** The options for 256 MiB worked out in MemoryCalculatorTest. */
    private static final String SIZES_256M = "-Xmx94M -Xss1M -XX:MaxMetaspaceSize=30665K"
            + " -XX:ReservedCodeCacheSize=60M -XX:MaxDirectMemorySize=10M";

    private static String flags(Map<String, String> env, String... args) {
        Cli cli = Cli.run(env, args);
        assertEquals(0, cli.status(), cli::toString);
        assertEquals("", cli.err());
        assertTrue(cli.out().endsWith("\n") && cli.out().indexOf('\n') == cli.out().length() - 1, "one line");
        return cli.out().trim();
    }

    @Test
    void aQuotaAndALimitGiveTheCountAndTheSizes() {
        // 512 MiB: s = 0.5: 125 threads, 6000 classes: 14,000,000 + 34,800,000 = 48,800,000 -> 47,657 KiB;
        // code cache 120 MiB; direct 10 MiB; heap 536,870,912 - 131,072,000 - 48,800,768 - 125,829,120 - 10,485,760
        // = 220,683,264 (210.46 MiB) -> 210 MiB
        assertEquals("-XX:ActiveProcessorCount=2 -Xmx210M -Xss1M -XX:MaxMetaspaceSize=47657K"
                + " -XX:ReservedCodeCacheSize=120M -XX:MaxDirectMemorySize=10M",
                flags(Map.of(), "flags", "--root", QUOTA, "--java-tool-options", ""));
    }

    @Test
    void overridesDecideToo() {
        assertEquals("-XX:ActiveProcessorCount=1 " + SIZES_256M,
                flags(Map.of(), "flags", "--root", UNLIMITED, "--cpus", "1.5", "--rounding=floor", "--memory=256m"));
    }

    @Test
    void theAffinityCountAloneIsNotPinned() {
        assertEquals(SIZES_256M, flags(Map.of(), "flags", "--root", UNLIMITED, "--memory", "256m"));
    }

    @Test
    void aQuotaAboveTheAffinityIsNotPinnedEither() {
        // docs/edge-cases.md case 5: cpu.max 1600000 100000 on 8 allowed CPUs: the count is the affinity's,
        // which the JVM sees.
        String root = Paths.get("..", "core", "src", "test", "resources", "fixtures",
                "v2-quota-above-affinity", "root").toString();
        String printed = flags(Map.of(), "flags", "--root", root, "--java-tool-options", "");
        assertTrue(!printed.contains("ActiveProcessorCount"), printed);
    }

    @Test
    void coresPhysicalPinsThePhysicalCount() {
        // Both threads of two cores: the JVM sees 4 CPUs by itself, only the option can make it 2.
        String root = Cli.coreFixture("smt-two-cores-both-threads");
        assertEquals("-XX:ActiveProcessorCount=2", flags(Map.of(), "flags", "--root", root, "--cores", "physical"));
        assertEquals("", flags(Map.of(), "flags", "--root", root), "cores=logical: the affinity alone is not pinned");
        assertEquals("", flags(Map.of(), "flags", "--root", Cli.coreFixture("smt-one-thread-per-core"), "--cores",
                "physical"), "one thread on each of four cores: 4, which the JVM sees by itself");
        assertEquals("-XX:ActiveProcessorCount=3", flags(Map.of(), "flags", "--root", root, "--cores", "physical",
                "--cpus", "3"), "cpus= still wins");
    }

    @Test
    void nothingToAddIsAnEmptyLine() {
        Cli cli = Cli.run("flags", "--root", UNLIMITED);
        assertEquals(0, cli.status(), cli::toString);
        assertEquals("\n", cli.out());
    }

    @Test
    void aUserActiveProcessorCountAndHeapInTheEnvironmentAreLeftAlone() {
        Map<String, String> env = Map.of("JAVA_TOOL_OPTIONS", "-XX:ActiveProcessorCount=4 -Xmx64m");
        assertEquals("-Xss1M -XX:MaxMetaspaceSize=30665K -XX:ReservedCodeCacheSize=60M -XX:MaxDirectMemorySize=10M",
                flags(env, "flags", "--root", UNLIMITED, "--cpus", "2", "--memory", "256m"));
    }

    @Test
    void anActiveProcessorCountOfMinusOneOrZeroIsHotSpotsNotSet() {
        // The JVM uses the option only when it is positive; the agent reads it the same way (UserJvmOptionsTest).
        for (String value : new String[] {"-1", "0"}) {
            Map<String, String> env = Map.of("JAVA_TOOL_OPTIONS", "-XX:ActiveProcessorCount=" + value);
            assertEquals("-XX:ActiveProcessorCount=2 " + SIZES_256M,
                    flags(env, "flags", "--root", UNLIMITED, "--cpus", "2", "--memory", "256m"), value);
        }
    }

    @Test
    void theJavaToolOptionsOptionReplacesTheEnvironment() {
        Map<String, String> env = Map.of("JAVA_TOOL_OPTIONS", "-Xmx100m");
        assertEquals("-XX:ActiveProcessorCount=2 " + SIZES_256M,
                flags(env, "flags", "--root", UNLIMITED, "--cpus", "2", "--memory", "256m",
                        "--java-tool-options=-Dx=y"));
    }

    @Test
    void calculatorOptionsInBothSpellings() {
        // 256 MiB with 20 threads and 1000 classes: heap 147 MiB (MemoryCalculatorTest); 10 % head room:
        // 268,435,456 / 100 x 10 = 26,843,540 -> 26,215 KiB = 26,844,160; 154,263,552 - 26,844,160 = 127,419,392
        // (121.5 MiB) -> 121 MiB
        String expected = "-Xmx121M -Xss1M -XX:MaxMetaspaceSize=19336K -XX:ReservedCodeCacheSize=60M"
                + " -XX:MaxDirectMemorySize=10M";
        assertEquals(expected, flags(Map.of(), "flags", "--root", UNLIMITED, "--memory", "256m", "--thread-count", "20",
                "--loaded-class-count", "1000", "--head-room", "10"));
        assertEquals(expected, flags(Map.of(), "flags", "--root", UNLIMITED, "--memory=256m", "--thread-count=20",
                "--loaded-class-count=1000", "--head-room=10"));
    }

    @Test
    void userSizesThatCannotFitExitThreeWithOneLine() {
        Cli cli = Cli.run(Map.of("JAVA_TOOL_OPTIONS", "-Xmx768m"), "flags", "--root", UNLIMITED, "--memory", "1g");
        assertEquals(3, cli.status(), cli::toString);
        assertEquals("\n", cli.out(), "no CPU option to keep here: an empty line");
        assertEquals(1, cli.errLines().length, cli::toString);
        assertTrue(cli.err().startsWith("container-limits: the memory limit of 1 GiB cannot hold the heap of 768 MiB"),
                cli.err());
    }

    @Test
    void whenTheMemoryCannotFitTheCpuOptionIsStillPrinted() {
        Cli cli = Cli.run(Map.of("JAVA_TOOL_OPTIONS", "-Xmx768m"), "flags", "--root", UNLIMITED, "--memory", "1g",
                "--cpus", "2");
        assertEquals(3, cli.status(), cli::toString);
        assertEquals("-XX:ActiveProcessorCount=2\n", cli.out(), "$(... flags) in an entrypoint keeps the count");
        assertEquals(1, cli.errLines().length, cli::toString);
    }

    @Test
    void anUnreadableUserSizeIsBadInput() {
        Cli cli = Cli.run("flags", "--root", UNLIMITED, "--memory", "1g", "--java-tool-options", "-Xss1x");
        assertEquals(2, cli.status(), cli::toString);
        assertEquals("container-limits: cannot read \"-Xss1x\" in --java-tool-options as a size\n", cli.err());
    }
}
