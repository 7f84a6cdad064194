package io.containerlimits.fuzz;

import io.containerlimits.detect.cgroup.MemoryValue;
import java.util.OptionalLong;

/**
 * One-number memory files ({@code memory.max}, {@code memory.limit_in_bytes} and the like): a limit it returns is a
 * real size, above 0 and below the no-limit threshold. The semantic check is in {@link MemoryStatFuzzTest}, which
 * writes the same sizes into both files.
 */
class MemoryValueFuzzTest extends ParserFuzzTest<String, OptionalLong> {

    @Override
    String parser() {
        return "MemoryValue.parse";
    }

    @Override
    Gen<String> inputs() {
        return Mutations.around(Seeds.lines("memory-values.txt"));
    }

    @Override
    OptionalLong parse(String content) {
        return MemoryValue.parse(content);
    }

    @Override
    void checkValue(OptionalLong limit) {
        Invariants.assertRealSize(limit);
    }
}
