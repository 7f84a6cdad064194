package io.containerlimits.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containerlimits.detect.MalformedInputException;
import io.containerlimits.detect.topology.SiblingList;
import java.util.BitSet;
import org.junit.jupiter.api.Test;

/**
 * {@code core_cpus_list} and {@code thread_siblings_list} with the CPU whose file they are: a set it returns holds
 * that CPU. Most drawn CPUs are small, as in the seeds, so that valid lists often name them.
 */
class SiblingListFuzzTest extends ParserFuzzTest<Gen.Both<String, Integer>, Gen.Both<BitSet, Integer>> {

    /** Above the highest CPU the generated lists name ({@code Shapes}: a little past 4096). */
    private static final int HIGHEST_DRAWN_CPU = 8300;

    @Override
    String parser() {
        return "SiblingList.parse";
    }

    @Override
    Gen<Gen.Both<String, Integer>> inputs() {
        Gen<String> lists = Gen.oneOf(
                Gen.of(Seeds.lines("sibling-lists.txt", "/sys/devices/system/cpu/cpu0/topology/core_cpus_list")),
                Shapes.cpuLists());
        return Gen.both(Mutations.around(lists), Gen.oneOf(Gen.ints(0, 7), Gen.ints(-1, HIGHEST_DRAWN_CPU)));
    }

    /** The set returned, with the CPU whose file it is. */
    @Override
    Gen.Both<BitSet, Integer> parse(Gen.Both<String, Integer> file) {
        return new Gen.Both<>(SiblingList.parse(file.first(), file.second()), file.second());
    }

    @Override
    void checkValue(Gen.Both<BitSet, Integer> parsed) {
        assertTrue(parsed.first().get(parsed.second()), "a sibling list that parses holds its own CPU: " + parsed);
    }

    /** A generated list comes back as the set it names for each of its CPUs, and is malformed for any other CPU. */
    @Test
    void returnsTheSetItNames() {
        Fuzz.forAll("SiblingList.parse: the set", SHAPE_INPUTS, Gen.both(Shapes.cpuSets(), Gen.ints(0, 4300)),
                drawn -> {
                    BitSet cpus = drawn.first();
                    String list = Shapes.kernelFormat(cpus) + "\n";
                    int member = cpus.nextSetBit(drawn.second()) >= 0 ? cpus.nextSetBit(drawn.second())
                            : cpus.previousSetBit(drawn.second());
                    assertEquals(cpus, parse(new Gen.Both<>(list, member)).first(), list);
                    int outsider = cpus.nextClearBit(drawn.second());
                    assertThrows(MalformedInputException.class, () -> parse(new Gen.Both<>(list, outsider)), list);
                });
    }
}
