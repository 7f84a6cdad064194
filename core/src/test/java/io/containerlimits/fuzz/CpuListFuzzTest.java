package io.containerlimits.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containerlimits.detect.proc.CpuList;
import org.junit.jupiter.api.Test;

/** CPU lists ({@code Cpus_allowed_list}, {@code cpuset.cpus}), captured and generated: a count is at least one. */
class CpuListFuzzTest extends ParserFuzzTest<String, Integer> {

    @Override
    String parser() {
        return "CpuList.count";
    }

    @Override
    Gen<String> inputs() {
        return Mutations.around(Gen.oneOf(Gen.of(Seeds.lines("cpu-lists.txt")), Shapes.cpuLists()));
    }

    @Override
    Integer parse(String list) {
        return CpuList.count(list);
    }

    @Override
    void checkValue(Integer count) {
        assertTrue(count >= 1, "a CPU list names at least one CPU, got " + count);
    }

    /** docs/edge-cases.md case 31: a generated list, past 1024 CPUs too, counts its distinct CPUs. */
    @Test
    void countsDistinctCpus() {
        Fuzz.forAll("CpuList.count: distinct CPUs", SHAPE_INPUTS, Shapes.cpuSets(), cpus -> {
            String list = Shapes.kernelFormat(cpus);
            assertEquals(cpus.cardinality(), parse(list), list);
        });
    }
}
