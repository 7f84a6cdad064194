package io.containerlimits.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containerlimits.detect.topology.TopologyId;
import org.junit.jupiter.api.Test;

/** {@code core_id} and {@code physical_package_id}: an id it returns is -1 or more, as the kernel prints an int. */
class TopologyIdFuzzTest extends ParserFuzzTest<String, Integer> {

    @Override
    String parser() {
        return "TopologyId.parse";
    }

    @Override
    Gen<String> inputs() {
        Gen<String> ids = Gen.oneOf(
                Gen.of(Seeds.lines("topology-ids.txt", "/sys/devices/system/cpu/cpu0/topology/core_id")),
                Gen.longs(-3, 1L << 33, -1, 0, Integer.MAX_VALUE, 1L << 31).map(id -> id + "\n"));
        return Mutations.around(ids);
    }

    @Override
    Integer parse(String content) {
        return TopologyId.parse(content, "core_id");
    }

    @Override
    void checkValue(Integer id) {
        assertTrue(id >= -1, "an id is -1 or more, got " + id);
    }

    /** Every int from -1 up, as the kernel prints it, comes back. */
    @Test
    void readsWhatTheKernelPrints() {
        // Gen.longs: Gen.ints draws up to max + 1, which overflows at Integer.MAX_VALUE.
        Fuzz.forAll("TopologyId.parse: the id", SHAPE_INPUTS, Gen.longs(-1, Integer.MAX_VALUE).map(Long::intValue),
                id -> assertEquals(id, parse(id + "\n")));
    }
}
