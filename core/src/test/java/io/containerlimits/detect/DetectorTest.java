package io.containerlimits.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.containerlimits.ContainerLimits;
import io.containerlimits.Finding;
import io.containerlimits.Limits;
import io.containerlimits.Setting;
import io.containerlimits.Settings;
import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the whole detection on every fixture tree under {@code fixtures/<case>/root} and compares it with
 * {@code fixtures/<case>/expected.properties}. Each case names its origin (its docs/edge-cases.md case, a JDK bug) in
 * its {@code SOURCE} file.
 */
class DetectorTest {

    /** The fixture directories, one per edge case. */
    static Stream<String> cases() throws IOException, URISyntaxException {
        try (Stream<Path> dirs = Files.list(fixtures())) {
            List<String> names = dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted()
                    .collect(Collectors.toList());
            return names.stream();
        }
    }

    static Path fixtures() throws URISyntaxException {
        return Paths.get(DetectorTest.class.getResource("/fixtures").toURI());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void detectsWhatTheFixtureExpects(String name) throws Exception {
        Path dir = fixtures().resolve(name);
        assertTrue(Files.isRegularFile(dir.resolve("SOURCE")), name + " must say where its lines come from");
        Properties expected = new Properties();
        try (Reader in = Files.newBufferedReader(dir.resolve("expected.properties"), StandardCharsets.UTF_8)) {
            expected.load(in);
        }
        assertFalse(expected.isEmpty(), name + " must expect something");
        Settings settings = Settings.defaults().with(Setting.ROOT, dir.resolve("root").toString());
        Limits limits = ContainerLimits.detect(settings);
        Limits floor = ContainerLimits.detect(settings.with(Setting.ROUNDING, "floor"));
        Settings physical = settings.with(Setting.CORES, "physical");
        Detection detection = limits.detection();
        String context = "\n  " + name + ": " + limits + "\n  notes:\n    "
                + String.join("\n    ", detection.notes());
        for (String key : expected.stringPropertyNames()) {
            String want = expected.getProperty(key).trim();
            switch (key) {
                case "cpu.quota":
                    checkQuota(want, detection.cpuQuota(), context);
                    break;
                case "cpu.count":
                    assertEquals(Integer.parseInt(want), limits.cpuCount(), "expected cpu.count=" + want + context);
                    break;
                case "cpu.count.floor":
                    assertEquals(Integer.parseInt(want), floor.cpuCount(),
                            "expected cpu.count.floor=" + want + context);
                    break;
                case "affinity":
                    check(key, want, detection.affinity(), context);
                    break;
                case "cpu.physicalCores":
                    check(key, want, detection.physicalCores(), context);
                    break;
                case "cpu.count.physical":
                    assertEquals(Integer.parseInt(want), ContainerLimits.detect(physical).cpuCount(),
                            "expected cpu.count.physical=" + want + context);
                    break;
                case "cpu.count.physical.floor":
                    assertEquals(Integer.parseInt(want),
                            ContainerLimits.detect(physical.with(Setting.ROUNDING, "floor")).cpuCount(),
                            "expected cpu.count.physical.floor=" + want + context);
                    break;
                case "memory.limit":
                    check(key, want, detection.memoryLimit(), context);
                    break;
                case "memory.high":
                    check(key, want, detection.memoryHigh(), context);
                    break;
                case "swap.limit":
                    check(key, want, detection.swapLimit(), context);
                    break;
                case "memory.usage":
                    check(key, want, detection.memoryUsage(), context);
                    break;
                case "cpu.cgroup":
                    assertEquals(want, detection.cpuCgroup(), "expected cpu.cgroup=" + want + context);
                    break;
                case "memory.cgroup":
                    assertEquals(want, detection.memoryCgroup(), "expected memory.cgroup=" + want + context);
                    break;
                default:
                    fail("unknown key " + key + " in " + name + "/expected.properties");
            }
        }
    }

    private static void checkQuota(String want, Finding<Double> quota, String context) {
        if (want.equals("none") || want.equals("unknown")) {
            assertEquals(want, status(quota), "expected cpu.quota=" + want + context);
        } else {
            assertTrue(quota.isFound(), "expected cpu.quota=" + want + context);
            assertEquals(Double.parseDouble(want), quota.value(), 1e-9, "expected cpu.quota=" + want + context);
            assertTrue(quota.source().contains("level "), "a quota names its file and level: " + quota.source());
        }
    }

    private static void check(String key, String want, Finding<? extends Number> finding, String context) {
        if (want.equals("none") || want.equals("unknown")) {
            assertEquals(want, status(finding), "expected " + key + "=" + want + context);
        } else {
            assertTrue(finding.isFound(), "expected " + key + "=" + want + context);
            assertEquals(Long.parseLong(want), finding.value().longValue(), "expected " + key + "=" + want + context);
        }
    }

    private static String status(Finding<?> finding) {
        return finding.isFound() ? "found " + finding.value() : finding.status().name().toLowerCase();
    }

    @Test
    void anUnknownValueCarriesItsReason() throws Exception {
        Detection detection = Detector.detect(fixtures().resolve("missing-proc-files/root"));
        assertEquals(Finding.Status.UNKNOWN, detection.cpuQuota().status());
        assertTrue(detection.cpuQuota().reason().contains("cgroup"), detection.cpuQuota().reason());
        assertTrue(detection.affinity().reason().contains("status"), detection.affinity().reason());
    }

    @Test
    void theNotesNameTheMountTheGoverningLevelAndTheSkippedOnes() throws Exception {
        Detection detection = Detector.detect(fixtures().resolve("v2-too-many-fields/root"));
        String notes = String.join("\n", detection.notes());
        assertTrue(notes.contains("cpu: v2 line 0::/system.slice/app.service, mount /sys/fs/cgroup"), notes);
        assertTrue(notes.contains("skipped /sys/fs/cgroup/system.slice/app.service/cpu.max (level 1 of 3"), notes);
        assertTrue(notes.contains("governed by /sys/fs/cgroup/system.slice/cpu.max (level 2 of 3 from the leaf)"),
                notes);
        assertEquals("/sys/fs/cgroup/system.slice/cpu.max (level 2 of 3 from the leaf) 200000/100000",
                detection.cpuQuota().source());
    }

    @Test
    void aFileBeyondTheSizeBoundIsASkippedLevel(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("proc/self"));
        Files.createDirectories(root.resolve("sys/fs/cgroup"));
        Files.write(root.resolve("proc/self/cgroup"), "0::/\n".getBytes(StandardCharsets.UTF_8));
        Files.write(root.resolve("proc/self/mountinfo"),
                "35 24 0:30 / /sys/fs/cgroup rw - cgroup2 cgroup2 rw\n".getBytes(StandardCharsets.UTF_8));
        byte[] huge = new byte[HostFiles.FILE_BOUND + 1];
        Arrays.fill(huge, (byte) '1');
        Files.write(root.resolve("sys/fs/cgroup/cpu.max"), huge);
        Detection detection = Detector.detect(root);
        assertEquals(Finding.Status.UNKNOWN, detection.cpuQuota().status(), detection.cpuQuota().toString());
        assertTrue(detection.cpuQuota().reason().contains("larger than"), detection.cpuQuota().reason());
    }

    @Test
    void aRootThatDoesNotExistGivesUnknownsNotAnException(@TempDir Path root) {
        Detection detection = Detector.detect(root.resolve("nowhere"));
        assertEquals(Finding.Status.UNKNOWN, detection.memoryLimit().status());
        assertEquals(Finding.Status.UNKNOWN, detection.affinity().status());
    }

    @Test
    void physicalCoresNameTheFilesTheyCameFrom() throws Exception {
        Finding<Integer> cores = Detector.detect(fixtures().resolve("smt-two-cores-both-threads/root")).physicalCores();
        assertEquals("/sys/devices/system/cpu/cpuN/topology/core_cpus_list of 4 allowed CPUs", cores.source());
        Finding<Integer> old = Detector.detect(fixtures().resolve("smt-two-sockets/root")).physicalCores();
        assertTrue(old.source().contains("thread_siblings_list"), old.toString());
        Finding<Integer> ids = Detector.detect(fixtures().resolve("smt-two-sockets-core-id-only/root")).physicalCores();
        assertTrue(ids.source().contains("physical_package_id and core_id"), ids.toString());
        Finding<Integer> offline = Detector.detect(fixtures().resolve("smt-offline-cpus/root")).physicalCores();
        assertTrue(offline.source().endsWith("6 allowed CPUs online (2 offline)"), offline.toString());
    }

    @Test
    void unknownPhysicalCoresSayWhichFileAndWhy() throws Exception {
        Finding<Integer> missing = Detector.detect(fixtures().resolve("topology-missing/root")).physicalCores();
        assertEquals("/sys/devices/system/cpu/cpu0/topology: no core_cpus_list, thread_siblings_list or core_id",
                missing.reason());
        Finding<Integer> garbage = Detector.detect(fixtures().resolve("topology-garbage-lists/root")).physicalCores();
        assertEquals("/sys/devices/system/cpu/cpu1/topology/core_cpus_list: cpu list: not a CPU number: \"1-\\n\"",
                garbage.reason());
        Finding<Integer> noStatus = Detector.detect(fixtures().resolve("missing-proc-files/root")).physicalCores();
        assertTrue(noStatus.reason().startsWith("the allowed CPUs are unknown: "), noStatus.reason());
    }

    @Test
    void theTopologyIsReadOnlyWhenAskedFor() throws Exception {
        Path root = fixtures().resolve("smt-all-threads-allowed/root");
        assertEquals(4, Detector.detect(root, true).physicalCores().value());
        Detection lean = Detector.detect(root, false);
        assertEquals(Finding.Status.UNKNOWN, lean.physicalCores().status());
        assertTrue(lean.physicalCores().reason().startsWith("not read"), lean.physicalCores().reason());
        assertFalse(String.join("\n", lean.notes()).contains("physical cores"), lean.notes().toString());
    }

    @Test
    void anUnreadableTopologyFileIsUnknownNotASkip(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("proc/self"));
        Files.write(root.resolve("proc/self/status"), "Cpus_allowed_list:\t0-1\n".getBytes(StandardCharsets.UTF_8));
        for (int cpu = 0; cpu < 2; cpu++) {
            Path topology = Files.createDirectories(root.resolve("sys/devices/system/cpu/cpu" + cpu + "/topology"));
            Files.write(topology.resolve("thread_siblings_list"), (cpu + "\n").getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(2, Detector.detect(root).physicalCores().value(), "the fallback to thread_siblings_list");
        // A directory where cpu0's core_cpus_list should be: it exists but cannot be read as a file.
        Files.createDirectories(root.resolve("sys/devices/system/cpu/cpu0/topology/core_cpus_list"));
        Finding<Integer> cores = Detector.detect(root).physicalCores();
        assertEquals(Finding.Status.UNKNOWN, cores.status(), cores.toString());
        assertTrue(cores.reason().startsWith("/sys/devices/system/cpu/cpu0/topology/core_cpus_list: "), cores.reason());
    }
}
