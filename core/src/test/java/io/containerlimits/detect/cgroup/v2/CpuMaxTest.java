package io.containerlimits.detect.cgroup.v2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.containerlimits.detect.MalformedInputException;
import io.containerlimits.detect.cgroup.CpuQuota;
import org.junit.jupiter.api.Test;

class CpuMaxTest {

    @Test
    void quotaAndPeriodGiveCpus() {
        CpuQuota quota = CpuMax.parse("150000 100000\n").get();
        assertEquals(1.5, quota.cpus());
        assertEquals("150000/100000", quota.toString());
    }

    @Test
    void maxIsNoLimit() {
        assertFalse(CpuMax.parse("max 100000\n").isPresent());
        assertFalse(CpuMax.parse("max").isPresent());
    }

    @Test
    void oneFieldUsesTheDefaultPeriod() {
        assertEquals("50000/100000", CpuMax.parse("50000\n").get().toString(), "quota/period");
    }

    @Test
    void aNonDefaultPeriodIsKept() {
        assertEquals(1.0, CpuMax.parse("50000 50000").get().cpus());
    }

    @Test
    void aThirdFieldNonIntegersAndNonPositiveValuesAreMalformed() {
        for (String bad : new String[] {"", "\n", "100000 100000 1", "1.5 100000", "100000 0", "0 100000",
            "-5 100000", "max 0", "max x", "100000 -100000", "99999999999999999999 1"}) {
            assertThrows(MalformedInputException.class, () -> CpuMax.parse(bad), "should reject " + bad);
        }
    }
}
