package io.containerlimits.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containerlimits.ContainerLimits;
import io.containerlimits.Finding;
import io.containerlimits.Setting;
import io.containerlimits.Settings;
import io.containerlimits.detect.HostFiles;
import io.containerlimits.detect.MalformedInputException;
import io.containerlimits.detect.cgroup.CpuQuota;
import io.containerlimits.detect.cgroup.MemoryValue;
import io.containerlimits.detect.proc.CpuList;
import io.containerlimits.detect.topology.PhysicalCores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * Negative controls (docs/design.md §7): the same tests, with the same generators and counts, run against
 * parsers broken on purpose in the ways real parsers break, and must fail. A harness that passes these broken parsers
 * would pass the real ones for nothing.
 *
 * <p>Each broken parser is counted under its own name, so that the real parsers' counts stay theirs.
 */
class FuzzNegativeControlsTest {

    /** glibc's fixed CPU mask size: what a parser built on it can count up to. */
    private static final int CPU_SETSIZE = 1024;

    /** An exception other than MalformedInputException escapes: the parse without its number guard. */
    @Test
    void aNumberFormatExceptionFromCpuMaxIsCaughtAndSimplified() {
        CpuMaxFuzzTest broken = new CpuMaxFuzzTest() {
            @Override
            String parser() {
                return "broken CpuMax.parse (Long.parseLong)";
            }

            @Override
            Optional<CpuQuota> parse(String content) {
                String[] fields = content.trim().split(" ");
                if ("max".equals(fields[0])) {
                    return Optional.empty();
                }
                long period = fields.length > 1 ? Long.parseLong(fields[1]) : 100_000;
                return Optional.of(new CpuQuota(Long.parseLong(fields[0]), period));
            }
        };
        FuzzFailure caught = assertThrows(FuzzFailure.class, broken::returnsAValueOrThrowsMalformedInput);
        assertInstanceOf(NumberFormatException.class, caught.getCause(), caught.getMessage());
        assertTrue(caught.getMessage().contains("-Dfuzz.seed=" + Fuzz.SEED), caught.getMessage());
        String simplest = (String) caught.simplest();
        assertTrue(simplest.length() <= ((String) caught.generated()).length(), caught.getMessage());
        assertTrue(simplest.length() <= 2, "simplified to a character or two: " + caught.getMessage());
    }

    /** A value outside its invariant: the v1 "no limit" sentinel returned as a limit (docs/edge-cases.md case 22). */
    @Test
    void aMemoryLimitAtTheNoLimitSentinelIsCaught() {
        MemoryValueFuzzTest broken = new MemoryValueFuzzTest() {
            @Override
            String parser() {
                return "broken MemoryValue.parse (no threshold)";
            }

            @Override
            OptionalLong parse(String content) {
                String trimmed = content.trim();
                if ("max".equals(trimmed)) {
                    return OptionalLong.empty();
                }
                try {
                    long bytes = Long.parseLong(trimmed);
                    if (bytes <= 0) {
                        throw new MalformedInputException("not positive", content);
                    }
                    return OptionalLong.of(bytes);
                } catch (NumberFormatException e) {
                    throw new MalformedInputException("not a number", content);
                }
            }
        };
        FuzzFailure caught = assertThrows(FuzzFailure.class, broken::returnsAValueOrThrowsMalformedInput);
        assertInstanceOf(AssertionFailedError.class, caught.getCause(), caught.getMessage());
        assertTrue(caught.getCause().getMessage().contains("a limit must be a real size"), caught.getMessage());
        assertTrue(Long.parseLong(((String) caught.simplest()).trim()) >= MemoryValue.UNLIMITED_FROM,
                caught.getMessage());
    }

    /** A parser that answers null where it should throw: no {@code Cpus_allowed_list} line. */
    @Test
    void aNullFromProcStatusIsCaught() {
        ProcStatusFuzzTest broken = new ProcStatusFuzzTest() {
            @Override
            String parser() {
                return "broken ProcStatus.cpusAllowedList (null)";
            }

            @Override
            String parse(String content) {
                for (String line : content.split("\n", -1)) {
                    if (line.startsWith("Cpus_allowed_list:")) {
                        String value = line.substring("Cpus_allowed_list:".length()).trim();
                        if (value.isEmpty()) {
                            throw new MalformedInputException("empty", line);
                        }
                        return value;
                    }
                }
                return null;
            }
        };
        FuzzFailure caught = assertThrows(FuzzFailure.class, broken::returnsAValueOrThrowsMalformedInput);
        assertInstanceOf(AssertionError.class, caught.getCause(), caught.getMessage());
        assertTrue(caught.getCause().getMessage().contains("returned null"), caught.getMessage());
        assertEquals("", caught.simplest(), "no text at all has no line either: " + caught.getMessage());
    }

    /**
     * A wrong answer on valid input: CPUs counted into a 1024-bit {@code cpu_set_t}, so that CPU 1024 and up are
     * lost (docs/edge-cases.md case 31).
     */
    @Test
    void aCpuListCountThatLosesCpusFrom1024IsCaught() {
        CpuListFuzzTest broken = new CpuListFuzzTest() {
            @Override
            String parser() {
                return "broken CpuList.count (cpu_set_t)";
            }

            @Override
            Integer parse(String list) {
                BitSet cpuSet = new BitSet(CPU_SETSIZE);
                for (String range : list.trim().split(",")) {
                    String[] ends = range.split("-");
                    int first = Integer.parseInt(ends[0]);
                    int last = Integer.parseInt(ends[ends.length - 1]);
                    cpuSet.set(Math.min(first, CPU_SETSIZE), Math.min(last + 1, CPU_SETSIZE));
                }
                return cpuSet.cardinality();
            }
        };
        FuzzFailure caught = assertThrows(FuzzFailure.class, broken::countsDistinctCpus);
        assertInstanceOf(AssertionFailedError.class, caught.getCause(), caught.getMessage());
    }

    /** Detection that reads a file without the bounded, defensive reader: a missing file or a directory escapes. */
    @Test
    void detectionReadingAFileUndefendedIsCaught() {
        FuzzFailure caught = assertThrows(FuzzFailure.class, () -> DetectionFuzzTest.detectTrees(
                "broken ContainerLimits.detect (Files.readString)", root -> {
                    try {
                        Files.readString(root.resolve("proc/self/cgroup"), StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return ContainerLimits.detect(Settings.defaults().with(Setting.ROOT, root.toString()));
                }));
        assertInstanceOf(UncheckedIOException.class, caught.getCause(), caught.getMessage());
        assertTrue(caught.index() < DetectionFuzzTest.TREES, caught.getMessage());
    }

    /** A sibling list taken without checking that it holds its own CPU: another core's list would pass. */
    @Test
    void aSiblingListWithoutItsOwnCpuIsCaught() {
        SiblingListFuzzTest broken = new SiblingListFuzzTest() {
            @Override
            String parser() {
                return "broken SiblingList.parse (no own-CPU check)";
            }

            @Override
            Gen.Both<BitSet, Integer> parse(Gen.Both<String, Integer> file) {
                return new Gen.Both<>(CpuList.parse(file.first()), file.second());
            }
        };
        FuzzFailure caught = assertThrows(FuzzFailure.class, broken::returnsAValueOrThrowsMalformedInput);
        assertInstanceOf(AssertionFailedError.class, caught.getCause(), caught.getMessage());
        assertTrue(caught.getCause().getMessage().contains("holds its own CPU"), caught.getMessage());
    }

    /** {@code core_id} read with {@code Integer.parseInt} (its range checked): its exception escapes. */
    @Test
    void aNumberFormatExceptionFromTopologyIdIsCaught() {
        TopologyIdFuzzTest broken = new TopologyIdFuzzTest() {
            @Override
            String parser() {
                return "broken TopologyId.parse (Integer.parseInt)";
            }

            @Override
            Integer parse(String content) {
                int id = Integer.parseInt(content.trim());
                if (id < -1) {
                    throw new MalformedInputException("below -1", content);
                }
                return id;
            }
        };
        FuzzFailure caught = assertThrows(FuzzFailure.class, broken::returnsAValueOrThrowsMalformedInput);
        assertInstanceOf(NumberFormatException.class, caught.getCause(), caught.getMessage());
    }

    /**
     * loky's way (docs/edge-cases.md, CPU topology): the machine's physical cores, at most the allowed CPU count,
     * whatever cores the affinity covers. Both threads of two cores would count as four.
     */
    @Test
    void theMachinesCoresMinTheAllowedCountIsCaught() {
        FuzzFailure caught = assertThrows(FuzzFailure.class, () -> PhysicalCoresFuzzTest.checkTrees(
                "broken PhysicalCores.count (machine cores, min allowed)",
                PhysicalCoresFuzzTest.intact(PhysicalCoresFuzzTest.machines()),
                PhysicalCoresFuzzTest::assertTheCoresOf, (root, allowed) -> {
                    BitSet everyCpu = new BitSet();
                    everyCpu.set(0, allowed.length());
                    Finding<Integer> machine = PhysicalCores.count(new HostFiles(root), everyCpu, new ArrayList<>());
                    return machine.isFound()
                            ? Finding.found(Math.min(machine.value(), allowed.cardinality()), "loky") : machine;
                }));
        assertInstanceOf(AssertionFailedError.class, caught.getCause(), caught.getMessage());
        assertTrue(caught.index() < PhysicalCoresFuzzTest.MACHINES, caught.getMessage());
    }

    /** A run that made fewer calls than the floor fails its count, however the shortfall came about. */
    @Test
    void aRunShortOfTheFloorFailsTheCount() {
        String parser = "broken harness (one input short)";
        for (long i = 1; i < ParserRuns.REQUIRED_PER_PARSER; i++) {
            ParserRuns.call(parser, () -> CpuList.count("0-1"));
        }
        AssertionFailedError caught = assertThrows(AssertionFailedError.class,
                () -> ParserRuns.assertEachRan(ParserRuns.REQUIRED_PER_PARSER, parser));
        assertTrue(caught.getMessage().contains(parser + "=" + (ParserRuns.REQUIRED_PER_PARSER - 1)),
                caught.getMessage());
    }
}
