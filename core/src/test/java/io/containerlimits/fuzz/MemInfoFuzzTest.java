package io.containerlimits.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containerlimits.detect.proc.MemInfo;
import org.junit.jupiter.api.Test;

/** {@code /proc/meminfo}: the host memory it returns is positive. */
class MemInfoFuzzTest extends ParserFuzzTest<String, Long> {

    private static final String MEM_TOTAL = "MemTotal:";

    @Override
    String parser() {
        return "MemInfo.memTotal";
    }

    /** Whole files (captured and live), the key line alone, and the key line with any number of KiB. */
    @Override
    Gen<String> inputs() {
        return Mutations.aroundKeyLine(Seeds.files("meminfo", "/proc/meminfo"), MEM_TOTAL,
                Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE, Long.MAX_VALUE / 1024)
                        .map(kib -> MEM_TOTAL + "       " + kib + " kB"));
    }

    @Override
    Long parse(String content) {
        return MemInfo.memTotal(content);
    }

    @Override
    void checkValue(Long bytes) {
        assertTrue(bytes > 0, "host memory is positive, got " + bytes);
    }

    /** {@code MemTotal} is in KiB whatever the unit says ({@code kB}). */
    @Test
    void convertsKibToBytes() {
        String captured = Seeds.resource("meminfo");
        Fuzz.forAll("MemInfo.memTotal: KiB to bytes", SHAPE_INPUTS, Gen.longs(1, Long.MAX_VALUE / 1024), kib -> {
            String meminfo = captured.replaceFirst(MEM_TOTAL + " +\\d+", MEM_TOTAL + "       " + kib);
            assertEquals(kib * 1024, parse(meminfo));
        });
    }
}
