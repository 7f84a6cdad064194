package io.containerlimits.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containerlimits.detect.proc.ProcStatus;
import org.junit.jupiter.api.Test;

/**
 * {@code /proc/self/status}: the {@code Pid} it returns (for the namespace-root search, docs/edge-cases.md "A private
 * cgroup namespace without a fresh mount") is positive.
 */
class ProcStatusPidFuzzTest extends ParserFuzzTest<String, Long> {

    private static final String PID = "Pid:";

    @Override
    String parser() {
        return "ProcStatus.pid";
    }

    /** Whole files (captured and live), the key line alone, and the key line with any long. */
    @Override
    Gen<String> inputs() {
        return Mutations.aroundKeyLine(Seeds.files("status", "/proc/self/status"), PID,
                Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE, 4194304).map(pid -> PID + "\t" + pid));
    }

    @Override
    Long parse(String content) {
        return ProcStatus.pid(content);
    }

    @Override
    void checkValue(Long pid) {
        assertTrue(pid > 0, "a pid is positive, got " + pid);
    }

    /** The value of the {@code Pid:} line comes back, not {@code PPid:}, {@code TracerPid:} or {@code NSpid:}. */
    @Test
    void findsThePid() {
        String captured = Seeds.resource("status");
        Fuzz.forAll("ProcStatus.pid: the pid", SHAPE_INPUTS, Gen.longs(1, 4194304, 4194304), pid -> {
            String status = captured.replaceFirst("(?m)^" + PID + "\t\\d+", PID + "\t" + pid);
            assertEquals(pid.longValue(), parse(status));
        });
    }
}
