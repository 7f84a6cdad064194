package io.containerlimits.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.containerlimits.detect.MalformedInputException;
import io.containerlimits.detect.proc.ProcStatus;
import org.junit.jupiter.api.Test;

/** {@code /proc/self/status}: the {@code Cpus_allowed_list} it returns is one non-empty line. */
class ProcStatusFuzzTest extends ParserFuzzTest<String, String> {

    private static final String CPUS_ALLOWED_LIST = "Cpus_allowed_list:";

    @Override
    String parser() {
        return "ProcStatus.cpusAllowedList";
    }

    /** Whole files (captured and live), the key line alone, and the key line with a generated list. */
    @Override
    Gen<String> inputs() {
        return Mutations.aroundKeyLine(Seeds.files("status", "/proc/self/status"), CPUS_ALLOWED_LIST,
                Shapes.cpuLists().map(list -> CPUS_ALLOWED_LIST + "\t" + list));
    }

    @Override
    String parse(String content) {
        return ProcStatus.cpusAllowedList(content);
    }

    @Override
    void checkValue(String list) {
        assertFalse(list.isEmpty(), "an empty list is malformed, not a value");
        assertFalse(list.contains("\n"), "the value is one line: " + MalformedInputException.quote(list));
    }

    /** docs/edge-cases.md case 6: the value of the line comes back as written. */
    @Test
    void findsTheList() {
        String captured = Seeds.resource("status");
        Fuzz.forAll("ProcStatus.cpusAllowedList: the list", SHAPE_INPUTS, Shapes.cpuLists(), list -> {
            String status = captured.replaceFirst(CPUS_ALLOWED_LIST + "\t\\S+", CPUS_ALLOWED_LIST + "\t" + list);
            assertEquals(list, parse(status));
        });
    }
}
