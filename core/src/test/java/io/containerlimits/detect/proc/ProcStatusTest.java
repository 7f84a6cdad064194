package io.containerlimits.detect.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.containerlimits.detect.MalformedInputException;
import org.junit.jupiter.api.Test;

class ProcStatusTest {

    @Test
    void theCpusAllowedListValueIsReturnedNotTheMask() {
        String status = "Name:\tjava\nCpus_allowed:\tffff\nCpus_allowed_list:\t0-15\nMems_allowed_list:\t0\n";
        assertEquals("0-15", ProcStatus.cpusAllowedList(status));
    }

    @Test
    void aMissingOrEmptyLineIsMalformed() {
        assertThrows(MalformedInputException.class, () -> ProcStatus.cpusAllowedList("Cpus_allowed:\tffff\n"));
        assertThrows(MalformedInputException.class, () -> ProcStatus.cpusAllowedList("Cpus_allowed_list:\t\n"));
    }
}
