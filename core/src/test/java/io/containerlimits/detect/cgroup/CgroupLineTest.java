package io.containerlimits.detect.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containerlimits.detect.MalformedInputException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CgroupLineTest {

    @Test
    void aV1LineListsItsControllersAndPath() {
        CgroupLine line = CgroupLine.parse("4:cpu,cpuacct:/docker/0123abcd");
        assertEquals("4", line.hierarchyId());
        assertEquals(Arrays.asList("cpu", "cpuacct"), line.controllers());
        assertEquals("/docker/0123abcd", line.path());
        assertFalse(line.isUnified());
    }

    @Test
    void theV2LineHasIdZeroAndNoControllers() {
        CgroupLine line = CgroupLine.parse("0::/system.slice/app.service");
        assertTrue(line.isUnified());
        assertEquals(List.of(), line.controllers());
        assertEquals("/system.slice/app.service", line.path());
    }

    @Test
    void colonsInThePathStayInThePath() {
        // JDK-8272124: containerd with the systemd driver.
        String path = "/system.slice/containerd.service/kubepods-burstable-pod7a_b.slice:cri-containerd:0123abcd";
        assertEquals(path, CgroupLine.parse("11:memory:" + path).path());
    }

    @Test
    void aNamedHierarchyIsNotUnified() {
        assertFalse(CgroupLine.parse("1:name=systemd:/user.slice").isUnified());
    }

    @Test
    void malformedLinesThrowTheDocumentedException() {
        for (String bad : new String[] {"", "0:", "x::/", "0::relative", "-1::/", ":cpu:/", "\u0000\u0001"}) {
            assertThrows(MalformedInputException.class, () -> CgroupLine.parse(bad), "should reject " + bad);
        }
        assertThrows(MalformedInputException.class, () -> CgroupLine.parse(null));
    }
}
