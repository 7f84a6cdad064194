package io.containerlimits.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.containerlimits.detect.cgroup.MemoryValue;
import io.containerlimits.detect.cgroup.v1.MemoryStat;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * v1 {@code memory.stat}'s {@code hierarchical_memory_limit}: a limit it returns is a real size, above 0 and below
 * the no-limit threshold.
 */
class MemoryStatFuzzTest extends ParserFuzzTest<String, OptionalLong> {

    /** The line {@link MemoryStat} looks for, as the kernel prints it. */
    private static final String LIMIT_LINE = "hierarchical_memory_limit ";

    /** Any long, and the no-limit threshold with its neighbours. */
    private static final Gen<Long> SIZES = Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE, MemoryValue.UNLIMITED_FROM);

    @Override
    String parser() {
        return "MemoryStat.hierarchicalLimit";
    }

    /** The captured file whole, and its limit line alone, so that most edits land on the line that matters. */
    @Override
    Gen<String> inputs() {
        String captured = Seeds.resource("memory.stat");
        List<String> limitLines = captured.lines().filter(line -> line.startsWith("hierarchical_")).toList();
        return Gen.oneOf(
                Mutations.around(List.of(captured)),
                Mutations.around(limitLines),
                Mutations.around(Seeds.lines("memory-values.txt")).map(value -> LIMIT_LINE + value))
                .simplifiedBy(Simplify::text);
    }

    @Override
    OptionalLong parse(String content) {
        return MemoryStat.hierarchicalLimit(content);
    }

    @Override
    void checkValue(OptionalLong limit) {
        Invariants.assertRealSize(limit);
    }

    /** docs/edge-cases.md cases 22-23: a written size comes back unchanged below 2^62, and as no limit from there. */
    @Test
    void aWrittenSizeComesBackInBothFiles() {
        String captured = Seeds.resource("memory.stat");
        Fuzz.forAll("MemoryValue.parse and MemoryStat.hierarchicalLimit: sizes", SHAPE_INPUTS, SIZES, bytes -> {
            OptionalLong expected = bytes > 0 && bytes < MemoryValue.UNLIMITED_FROM
                    ? OptionalLong.of(bytes) : OptionalLong.empty();
            String stat = captured.replaceFirst(LIMIT_LINE + "\\d+", LIMIT_LINE + bytes);
            assertEquals(expected, MemoryValue.parse(bytes + "\n"), "memory.max " + bytes);
            assertEquals(expected, parse(stat), "memory.stat limit " + bytes);
        });
    }
}
