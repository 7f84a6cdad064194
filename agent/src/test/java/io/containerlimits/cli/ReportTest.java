package io.containerlimits.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containerlimits.Version;
import io.containerlimits.memory.Sizes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The human {@code report} on fixture trees. */
class ReportTest {

    private static List<String> lines(String... args) {
        Cli cli = Cli.run(args);
        assertEquals(0, cli.status(), cli::toString);
        assertEquals("", cli.err());
        return cli.out().lines().toList();
    }

    private static String line(List<String> lines, String label) {
        return lines.stream().filter(l -> l.startsWith(label + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + label + " in\n" + String.join("\n", lines)));
    }

    @Test
    void saysTheCountHowItWasDerivedAndWhereTheLimitsCameFrom() {
        String root = Cli.fixture("v2-quota-memory");
        List<String> lines = lines("report", "--root", root);
        assertEquals("container-limits " + Version.get() + " on Java " + System.getProperty("java.version") + ", root "
                + root, lines.get(0));
        assertEquals("CPUs           2            quota 1.5, rounded ceil, min 1, capped by affinity 4",
                line(lines, "CPUs"));
        assertTrue(line(lines, "  quota").matches("  quota        1\\.5 +.*cpu\\.max.*"), line(lines, "  quota"));
        assertTrue(line(lines, "  affinity").startsWith("  affinity     4 "), line(lines, "  affinity"));
        assertTrue(line(lines, "Memory limit").matches("Memory limit   512 MiB +536870912 B, .*memory\\.max.*"),
                line(lines, "Memory limit"));
        assertTrue(line(lines, "  high").startsWith("  high         none "), line(lines, "  high"));
        assertTrue(line(lines, "  usage").startsWith("  usage        100 MiB      104857600 B"),
                line(lines, "  usage"));
        List<String> jvm = lines.stream().filter(l -> l.startsWith("  this JVM ")).toList();
        assertEquals(List.of(
                String.format("  this JVM     %-12s Runtime.availableProcessors()",
                        Runtime.getRuntime().availableProcessors()),
                String.format("  this JVM     %-12s Runtime.maxMemory(): the heap",
                        Sizes.human(Runtime.getRuntime().maxMemory()))),
                jvm, "what the JVM says, next to the CPU count and the memory limit");
        assertEquals("Agent          -javaagent:container-limits.jar", line(lines, "Agent"));
    }

    @Test
    void namesTheOverrideAndPassesTheOptionsToTheAgentLine() {
        List<String> lines = lines("report", "--root", Cli.fixture("v2-quota-memory"), "--cpus", "3", "--rounding",
                "floor", "--memory", "256m");
        assertEquals("CPUs           3            override cpus=3, rounded floor, min 1 (not bounded by affinity)",
                line(lines, "CPUs"));
        assertTrue(line(lines, "Memory limit").startsWith("Memory limit   256 MiB      268435456 B, memory= setting"),
                line(lines, "Memory limit"));
        assertTrue(line(lines, "  detected").startsWith("  detected     512 MiB "), "the detected limit is shown too");
        assertEquals("Agent          -javaagent:container-limits.jar=cpus=3,memory=256m,rounding=floor",
                line(lines, "Agent"));
    }

    @Test
    void sizesHaveOneDecimalRoundedHalfUpAsInTheAgentsLog() {
        List<String> lines = lines("report", "--root", Cli.fixture("v2-unlimited"), "--memory", "1280m");
        assertTrue(line(lines, "Memory limit").startsWith("Memory limit   1.3 GiB      1342177280 B, memory= setting"),
                line(lines, "Memory limit"));
    }

    @Test
    void withoutAQuotaTheAffinityDecidesAndTheReasonIsShown() {
        List<String> lines = lines("report", "--root", Cli.fixture("v2-unlimited"));
        assertEquals("CPUs           2            affinity: no quota applies", line(lines, "CPUs"));
        assertTrue(line(lines, "  quota").startsWith("  quota        none         "), line(lines, "  quota"));
        assertTrue(line(lines, "Memory limit").startsWith("Memory limit   none         "), line(lines, "Memory limit"));
    }

    @Test
    void thePhysicalCoresAreAlwaysShownAndDecideWithCoresPhysical() {
        String root = Cli.coreFixture("smt-two-cores-both-threads");
        List<String> logical = lines("report", "--root", root);
        assertEquals("  physical     2            /sys/devices/system/cpu/cpuN/topology/core_cpus_list of 4 allowed"
                + " CPUs",
                line(logical, "  physical"));
        assertEquals("CPUs           4            affinity: no quota applies", line(logical, "CPUs"));
        List<String> physical = lines("report", "--root", root, "--cores", "physical");
        assertEquals("CPUs           2            cores=physical: the physical cores of the 4 allowed CPUs",
                line(physical, "CPUs"));
        assertEquals("Agent          -javaagent:container-limits.jar=cores=physical", line(physical, "Agent"));
        List<String> quota = lines("report", "--root", Cli.coreFixture("smt-quota-over-four-cores"), "--cores",
                "physical", "--rounding", "floor");
        assertEquals("CPUs           1            quota 1.5, rounded floor, min 1, capped by 4 physical cores"
                + " (cores=physical)", line(quota, "CPUs"));
        List<String> unknown = lines("report", "--root", Cli.coreFixture("topology-missing"), "--cores", "physical");
        assertEquals("CPUs           8            affinity: no quota applies; cores=physical: physical cores unknown,"
                + " logical CPUs count", line(unknown, "CPUs"));
        assertTrue(line(unknown, "  physical").startsWith("  physical     unknown      /sys/devices/system/cpu/cpu0"),
                line(unknown, "  physical"));
    }

    @Test
    void verboseAddsTheDetectionNotes() {
        String root = Cli.fixture("v2-quota-memory");
        List<String> plain = lines("report", "--root", root);
        List<String> verbose = lines("report", "--root", root, "--verbose");
        assertTrue(plain.stream().noneMatch(l -> l.startsWith("  note ")));
        assertTrue(verbose.stream().anyMatch(l -> l.startsWith("  note ")), String.join("\n", verbose));
        assertTrue(verbose.size() > plain.size());
    }
}
