package io.containerlimits.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containerlimits.Version;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code json} on fixture trees: the fields, and nulls that carry their reason. */
class JsonReportTest {

    @Test
    void quotaAndMemoryLimitOfAV2Container() {
        Cli cli = Cli.run("json", "--root", Cli.fixture("v2-quota-memory"));
        Map<String, Object> json = cli.json();
        assertEquals(Version.get(), json.get("version"));
        Map<String, Object> cpu = cli.section("cpu");
        assertEquals(1.5, cpu.get("quota"), "150000/100000, not rounded");
        assertEquals(2L, cpu.get("count"), "1.5 rounded up (ceil is the default)");
        assertEquals("quota", cpu.get("source"));
        assertEquals(4L, cpu.get("affinity"), "Cpus_allowed_list 0-3");
        assertTrue(String.valueOf(cpu.get("quotaSource")).contains("cpu.max"), cpu.toString());
        assertFalse(cpu.containsKey("quotaReason"), "a found value has a source, not a reason");
        Map<String, Object> memory = cli.section("memory");
        assertEquals(536870912L, memory.get("limit"));
        assertTrue(String.valueOf(memory.get("limitSource")).contains("memory.max"), memory.toString());
        assertEquals(104857600L, memory.get("usage"));
        assertNull(memory.get("high"), "memory.high reads max");
        assertEquals("none", memory.get("highStatus"));
    }

    @Test
    void floorRoundingTakesTheQuotaDown() {
        Map<String, Object> cpu = Cli.run("json", "--root", Cli.fixture("v2-quota-memory"), "--rounding",
                "floor").section("cpu");
        assertEquals(1L, cpu.get("count"));
        assertEquals(1.5, cpu.get("quota"), "the quota itself is before rounding");
    }

    @Test
    void theQuotaIsNotCappedByAffinityButTheCountIs() {
        Map<String, Object> cpu = Cli.run("json", "--root", Cli.fixture("v2-quota-memory"), "--reserve-cpus",
                "0.5").section("cpu");
        assertEquals(1L, cpu.get("count"), "1.5 - 0.5 = 1");
        assertEquals(1.5, cpu.get("quota"), "reserve is applied after, not to the reported quota");
    }

    @Test
    void noLimitIsNullWithItsReason() {
        Cli cli = Cli.run("json", "--root", Cli.fixture("v2-unlimited"));
        Map<String, Object> cpu = cli.section("cpu");
        assertTrue(cpu.containsKey("quota"), "the field is there, as null");
        assertNull(cpu.get("quota"));
        assertTrue(cpu.get("quotaReason") instanceof String s && !s.isBlank(), cpu.toString());
        assertEquals("affinity", cpu.get("source"));
        assertEquals(2L, cpu.get("count"), "Cpus_allowed_list 0-1");
        Map<String, Object> memory = cli.section("memory");
        assertTrue(memory.containsKey("limit"));
        assertNull(memory.get("limit"));
        assertTrue(memory.get("limitReason") instanceof String s && !s.isBlank(), memory.toString());
    }

    @Test
    void physicalCoresAreAnIntegerWithItsSourceOrNullWithItsReason() {
        Map<String, Object> cpu = Cli.run("json", "--root", Cli.coreFixture("smt-two-cores-both-threads"))
                .section("cpu");
        assertEquals(2L, cpu.get("physicalCores"));
        assertEquals("/sys/devices/system/cpu/cpuN/topology/core_cpus_list of 4 allowed CPUs",
                cpu.get("physicalCoresSource"));
        assertEquals("logical", cpu.get("cores"));
        Map<String, Object> none = Cli.run("json", "--root", Cli.fixture("v2-unlimited")).section("cpu");
        assertTrue(none.containsKey("physicalCores"), "the field is there, as null");
        assertNull(none.get("physicalCores"));
        assertEquals("unknown", none.get("physicalCoresStatus"));
        assertEquals("/sys/devices/system/cpu/cpu0/topology: no core_cpus_list, thread_siblings_list or core_id",
                none.get("physicalCoresReason"));
    }

    @Test
    void anEmptyTreeIsUnknownWithReasonsNotAnError(@TempDir Path root) {
        Cli cli = Cli.run("json", "--root", root.toString());
        assertEquals(0, cli.status(), cli::toString);
        Map<String, Object> cpu = cli.section("cpu");
        assertNull(cpu.get("quota"));
        assertEquals("unknown", cpu.get("quotaStatus"));
        assertEquals(Runtime.getRuntime().availableProcessors(), ((Long) cpu.get("count")).intValue(),
                "the JVM's own count stands");
        assertNull(cli.section("memory").get("limit"));
        assertEquals("unknown", cli.section("memory").get("limitStatus"));
    }

    @Test
    void carriesTheSettingsTheJvmsOwnValuesAndTheAgentLine() {
        Cli cli = Cli.run("json", "--root", Cli.fixture("v2-unlimited"), "--memory", "1g", "--min-cpus", "1");
        Map<String, Object> cpu = cli.section("cpu");
        assertEquals("ceil", cpu.get("rounding"));
        assertEquals(1L, cpu.get("minCpus"));
        assertEquals(0.0, cpu.get("reserveCpus"));
        assertNull(cpu.get("override"));
        Map<String, Object> memory = cli.section("memory");
        assertEquals(1073741824L, memory.get("limit"));
        assertEquals(1073741824L, memory.get("override"));
        assertNull(memory.get("detectedLimit"), "the tree says no limit");
        Map<String, Object> jvm = cli.section("jvm");
        assertEquals((long) Runtime.getRuntime().availableProcessors(), jvm.get("availableProcessors"));
        assertEquals(Runtime.getRuntime().maxMemory(), jvm.get("maxMemory"));
        assertEquals("-javaagent:container-limits.jar=memory=1g,min-cpus=1", cli.json().get("agent"));
        assertTrue(cli.json().get("notes") instanceof List, "notes are an array");
    }

    @Test
    void aRootWithQuotesAndBackslashesStaysValidJson(@TempDir Path tmp) throws Exception {
        Path root = Files.createDirectories(tmp.resolve("a \"b\" \\c é"));
        Cli cli = Cli.run("json", "--root", root.toString());
        assertEquals(root.toString(), cli.json().get("root"));
    }
}
