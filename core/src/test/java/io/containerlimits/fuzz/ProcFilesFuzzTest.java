package io.containerlimits.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containerlimits.detect.MalformedInputException;
import io.containerlimits.detect.proc.CpuList;
import io.containerlimits.detect.proc.MemInfo;
import io.containerlimits.detect.proc.ProcStatus;
import java.util.BitSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Generated bad input for the host files: CPU lists, {@code /proc/self/status} and {@code /proc/meminfo}. Each parser
 * returns or throws {@code MalformedInputException}; what it returns is usable (a count of at least one CPU, a list
 * on one line, a positive size).
 *
 * <p>{@link ParserProperty} says how jqwik is set so that every try is a freshly generated input.
 */
class ProcFilesFuzzTest {

    private static final String CPU_LIST = "CpuList.count";
    private static final String STATUS = "ProcStatus.cpusAllowedList";
    private static final String MEMINFO = "MemInfo.memTotal";

    private static final String CPUS_ALLOWED_LIST = "Cpus_allowed_list:";
    private static final String MEM_TOTAL = "MemTotal:";

    @ParserProperty
    void cpuListReturnsOrThrowsMalformed(@ForAll("cpuLists") String list) {
        ParserRuns.call(CPU_LIST, () -> CpuList.count(list))
                .ifPresent(count -> assertTrue(count >= 1, "a CPU list names at least one CPU, got " + count));
    }

    /** docs/edge-cases.md case 31: a generated list, past 1024 CPUs too, counts its distinct CPUs. */
    @ShapeProperty
    void cpuListCountsDistinctCpus(@ForAll("cpuSets") BitSet cpus) {
        assertEquals(cpus.cardinality(), CpuList.count(Shapes.kernelFormat(cpus)), Shapes.kernelFormat(cpus));
    }

    @ParserProperty
    void procStatusReturnsOrThrowsMalformed(@ForAll("statuses") String content) {
        ParserRuns.call(STATUS, () -> ProcStatus.cpusAllowedList(content)).ifPresent(list -> {
            assertFalse(list.isEmpty(), "an empty list is malformed, not a value");
            assertFalse(list.contains("\n"), "the value is one line: " + MalformedInputException.quote(list));
        });
    }

    /** docs/edge-cases.md case 6: the value of the line comes back as written. */
    @ShapeProperty
    void procStatusFindsTheList(@ForAll("validCpuLists") String list) {
        String status = Seeds.resource("status").replaceFirst(CPUS_ALLOWED_LIST + "\t\\S+", CPUS_ALLOWED_LIST + "\t"
                + list);
        assertEquals(list, ProcStatus.cpusAllowedList(status));
    }

    @ParserProperty
    void memInfoReturnsOrThrowsMalformed(@ForAll("meminfos") String content) {
        ParserRuns.call(MEMINFO, () -> MemInfo.memTotal(content))
                .ifPresent(bytes -> assertTrue(bytes > 0, "host memory is positive, got " + bytes));
    }

    /** {@code MemTotal} is in KiB whatever the unit says ({@code kB}). */
    @ShapeProperty
    void memInfoConvertsKibToBytes(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE / 1024) long kib) {
        String meminfo = Seeds.resource("meminfo").replaceFirst(MEM_TOTAL + " +\\d+", MEM_TOTAL + "       " + kib);
        assertEquals(kib * 1024, MemInfo.memTotal(meminfo));
    }

    @AfterContainer
    static void eachParserRanOneHundredThousandInputs() {
        ParserRuns.assertEachRan(ParserRuns.REQUIRED_PER_PARSER, CPU_LIST, STATUS, MEMINFO);
    }

    @Provide
    Arbitrary<String> cpuLists() {
        return Mutations.around(Arbitraries.oneOf(Arbitraries.of(Seeds.lines("cpu-lists.txt")), Shapes.cpuLists()));
    }

    @Provide
    Arbitrary<BitSet> cpuSets() {
        return Shapes.cpuSets();
    }

    @Provide
    Arbitrary<String> validCpuLists() {
        return Shapes.cpuLists();
    }

    /** Whole files (captured and live), the key line alone, and the key line with a generated list. */
    @Provide
    Arbitrary<String> statuses() {
        return aroundKeyLine(Seeds.files("status", "/proc/self/status"), CPUS_ALLOWED_LIST,
                Shapes.cpuLists().map(list -> CPUS_ALLOWED_LIST + "\t" + list));
    }

    @Provide
    Arbitrary<String> meminfos() {
        return aroundKeyLine(Seeds.files("meminfo", "/proc/meminfo"), MEM_TOTAL,
                Arbitraries.longs().map(kib -> MEM_TOTAL + "       " + kib + " kB"));
    }

    /**
     * Mutations of whole files and of their one interesting line: edits spread over a 1.4 KB file would mostly land
     * on lines the parser skips.
     */
    private static Arbitrary<String> aroundKeyLine(List<String> files, String key, Arbitrary<String> generatedLines) {
        List<String> keyLines = files.stream().flatMap(String::lines).filter(line -> line.startsWith(key)).toList();
        return Arbitraries.oneOf(
                Mutations.around(files),
                Mutations.around(keyLines),
                Mutations.around(generatedLines));
    }
}
