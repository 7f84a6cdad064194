package io.containerlimits.it.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.containerlimits.it.support.TestJdks;
import io.containerlimits.it.support.TinyJson;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code java -jar container-limits.jar json} run inside real v1 cgroups made by the test (issue 3): the report
 * must show the limits the kernel enforces, nested ones included.
 */
@ExtendWith(CgroupSandboxExtension.class)
class CommandLineInCgroupsTest {

    /** 384 MiB, the parent limit of the nested memory case (the measured JDK 17 miss of docs/design.md §1). */
    private static final long MIB_384 = 384L << 20;

    /** 1 GiB, the looser limit on the child. */
    private static final long GIB_1 = 1L << 30;

    @Test
    void halfACpuQuotaIsReportedAsQuotaHalfAndCountOne(CgroupSandbox cgroups) {
        Cgroup cpu = cgroups.create(V1Controller.CPU).cpuQuota(0.5);

        Object json = json(cpu);

        assertEquals(0.5, TinyJson.number(json, "cpu.quota"), () -> "cpu.quota in " + json);
        assertEquals(1, TinyJson.number(json, "cpu.count"), () -> "cpu.count in " + json);
    }

    @Test
    void quotaOfOneAndAHalfCountsTwoByDefaultAndOneWithFloorRounding(CgroupSandbox cgroups) {
        Cgroup cpu = cgroups.create(V1Controller.CPU).cpuQuota(1.5);

        Object ceil = json(cpu);
        Object floor = json(cpu, "--rounding", "floor");

        assertEquals(1.5, TinyJson.number(ceil, "cpu.quota"), () -> "cpu.quota in " + ceil);
        assertEquals(2, TinyJson.number(ceil, "cpu.count"), () -> "default (ceil) cpu.count in " + ceil);
        assertEquals(1, TinyJson.number(floor, "cpu.count"), () -> "floor cpu.count in " + floor);
    }

    @Test
    void quotaOnTheParentGroupLimitsAProcessInItsUnlimitedChild(CgroupSandbox cgroups) {
        Cgroup parent = cgroups.create(V1Controller.CPU).cpuQuota(0.5);
        Cgroup child = parent.child();

        Object json = json(child);

        assertEquals(0.5, TinyJson.number(json, "cpu.quota"), () -> "parent's quota expected in " + json);
        assertEquals(1, TinyJson.number(json, "cpu.count"), () -> "cpu.count in " + json);
    }

    @Test
    void cpusetOfOneCpuGivesAffinityOneAndCountOne(CgroupSandbox cgroups) {
        Cgroup cpuset = cgroups.create(V1Controller.CPUSET).cpus("0");

        Object json = json(cpuset);

        assertEquals(1, TinyJson.number(json, "cpu.affinity"), () -> "cpu.affinity in " + json);
        assertEquals(1, TinyJson.number(json, "cpu.count"), () -> "cpu.count in " + json);
    }

    @Test
    void memoryLimitOnTheParentWinsOverALooserChildLimit(CgroupSandbox cgroups) {
        Cgroup parent = cgroups.create(V1Controller.MEMORY).memoryLimit(MIB_384);
        Cgroup child = parent.child().memoryLimit(GIB_1);

        Object json = json(child);

        assertEquals(MIB_384, TinyJson.number(json, "memory.limit"), () -> "parent's 384 MiB expected in " + json);
    }

    /** Runs {@code json} with the default JDK in {@code group} and parses its stdout; fails on a non-zero exit. */
    private static Object json(Cgroup group, String... options) {
        List<String> args = new ArrayList<>(List.of("json"));
        args.addAll(List.of(options));
        JvmRun run = ForkedJvm.on(TestJdks.JDK17).inCgroups(group)
                .runJar(TestJdks.agentJar(), args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run::toString);
        return TinyJson.parse(run.stdout());
    }
}
