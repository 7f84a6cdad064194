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

    @Test
    void thePidIsThePidLineNotPPidTracerPidOrNSpid() {
        String status = "Name:\tjava\nTgid:\t77\nPPid:\t5\nTracerPid:\t0\nNSpid:\t9\t77\nPid:\t77\n";
        assertEquals(77, ProcStatus.pid(status));
    }

    @Test
    void aPidThatIsMissingOrNotPositiveIsMalformed() {
        assertThrows(MalformedInputException.class, () -> ProcStatus.pid("PPid:\t5\n"));
        assertThrows(MalformedInputException.class, () -> ProcStatus.pid("Pid:\t0\n"));
        assertThrows(MalformedInputException.class, () -> ProcStatus.pid("Pid:\t-3\n"));
        assertThrows(MalformedInputException.class, () -> ProcStatus.pid("Pid:\tx\n"));
    }
}
