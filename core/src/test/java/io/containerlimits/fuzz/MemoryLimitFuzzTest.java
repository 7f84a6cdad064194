package io.containerlimits.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containerlimits.detect.cgroup.MemoryValue;
import io.containerlimits.detect.cgroup.v1.MemoryStat;
import java.util.List;
import java.util.OptionalLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Generated bad input for the cgroup memory files: one-number files ({@code memory.max}, {@code memory.limit_in_bytes}
 * and the like) and v1 {@code memory.stat}. Each parser returns or throws {@code MalformedInputException}; a limit it
 * returns is a real size, above 0 and below the no-limit threshold.
 *
 * <p>{@link ParserProperty} says how jqwik is set so that every try is a freshly generated input.
 */
class MemoryLimitFuzzTest {

    private static final String MEMORY_VALUE = "MemoryValue.parse";
    private static final String MEMORY_STAT = "MemoryStat.hierarchicalLimit";

    /** The line {@link MemoryStat} looks for, as the kernel prints it. */
    private static final String LIMIT_LINE = "hierarchical_memory_limit ";

    @ParserProperty
    void memoryValueReturnsOrThrowsMalformed(@ForAll("memoryValues") String content) {
        ParserRuns.call(MEMORY_VALUE, () -> MemoryValue.parse(content)).ifPresent(MemoryLimitFuzzTest::assertRealSize);
    }

    @ParserProperty
    void memoryStatReturnsOrThrowsMalformed(@ForAll("memoryStats") String content) {
        ParserRuns.call(MEMORY_STAT, () -> MemoryStat.hierarchicalLimit(content))
                .ifPresent(MemoryLimitFuzzTest::assertRealSize);
    }

    /**
     * docs/edge-cases.md cases 22-23: a written size comes back unchanged below 2^62, and as no limit from there up.
     */
    @ShapeProperty
    void aWrittenSizeComesBackInBothFiles(@ForAll long bytes) {
        OptionalLong expected = bytes > 0 && bytes < MemoryValue.UNLIMITED_FROM
                ? OptionalLong.of(bytes) : OptionalLong.empty();
        String stat = Seeds.resource("memory.stat")
                .replaceFirst(LIMIT_LINE + "\\d+", LIMIT_LINE + bytes);
        assertEquals(expected, MemoryValue.parse(bytes + "\n"), "memory.max " + bytes);
        assertEquals(expected, MemoryStat.hierarchicalLimit(stat), "memory.stat limit " + bytes);
    }

    @AfterContainer
    static void eachParserRanOneHundredThousandInputs() {
        ParserRuns.assertEachRan(ParserRuns.REQUIRED_PER_PARSER, MEMORY_VALUE, MEMORY_STAT);
    }

    @Provide
    Arbitrary<String> memoryValues() {
        return Mutations.around(Seeds.lines("memory-values.txt"));
    }

    /** The captured file whole, and its limit line alone, so that most edits land on the line that matters. */
    @Provide
    Arbitrary<String> memoryStats() {
        String captured = Seeds.resource("memory.stat");
        List<String> limitLines = captured.lines().filter(line -> line.startsWith("hierarchical_")).toList();
        return Arbitraries.oneOf(
                Mutations.around(List.of(captured)),
                Mutations.around(limitLines),
                Mutations.around(Seeds.lines("memory-values.txt")).map(value -> LIMIT_LINE + value));
    }

    private static void assertRealSize(OptionalLong limit) {
        limit.ifPresent(bytes -> assertTrue(bytes > 0 && bytes < MemoryValue.UNLIMITED_FROM,
                "a limit must be a real size in bytes, was " + bytes));
    }
}
