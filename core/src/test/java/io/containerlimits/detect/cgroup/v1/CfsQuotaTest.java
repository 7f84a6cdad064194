package io.containerlimits.detect.cgroup.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.containerlimits.detect.MalformedInputException;
import org.junit.jupiter.api.Test;

class CfsQuotaTest {

    @Test
    void quotaOverPeriodGivesCpus() {
        assertEquals(1.5, CfsQuota.parse("150000\n", "100000\n").get().cpus());
        assertEquals(3.0, CfsQuota.parse("30000\n", "10000\n").get().cpus());
    }

    @Test
    void aQuotaOfMinusOneOrZeroIsNoLimitWhateverThePeriod() {
        assertFalse(CfsQuota.parse("-1\n", "100000\n").isPresent());
        assertFalse(CfsQuota.parse("0", "garbage").isPresent());
    }

    @Test
    void aZeroPeriodOrNonIntegersAreMalformed() {
        assertThrows(MalformedInputException.class, () -> CfsQuota.parse("150000", "0"));
        assertThrows(MalformedInputException.class, () -> CfsQuota.parse("150000", ""));
        assertThrows(MalformedInputException.class, () -> CfsQuota.parse("1.5", "100000"));
        assertThrows(MalformedInputException.class, () -> CfsQuota.parse(null, "100000"));
    }
}
