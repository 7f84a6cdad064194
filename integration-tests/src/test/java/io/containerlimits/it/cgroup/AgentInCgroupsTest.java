package io.containerlimits.it.cgroup;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containerlimits.it.probe.ProbeResult;
import io.containerlimits.it.support.TestJdks;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The agent in forked JVMs inside real v1 CPU quota groups (issue 4). Each test pairs the agent's run with a control
 * that differs: {@code -XX:-UseContainerSupport} hides the quota from the JVM, so only the agent can apply it.
 */
@ExtendWith(CgroupSandboxExtension.class)
class AgentInCgroupsTest {

    /** Hides the cgroup from HotSpot, so that what changes is the agent's doing. */
    private static final String NO_CONTAINER_SUPPORT = "-XX:-UseContainerSupport";

    /** The first feature release with virtual threads and their scheduler. */
    private static final int VIRTUAL_THREADS = 21;

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestJdks.class)
    void halfACpuQuotaMakesEveryPoolOneWhileTheJvmAloneSeesTheHost(TestJdks jdk, CgroupSandbox cgroups) {
        int hostCpus = Figures.hostCpus();
        ForkedJvm jvm = hiddenQuota(jdk, cgroups, 0.5);

        ProbeResult agent = probe(jvm.withAgent(""));
        ProbeResult control = probe(jvm);

        Figures.print("quota 0.5, -UseContainerSupport: availableProcessors", jdk, agent.availableProcessors(),
                control.availableProcessors());
        assertAll(cpuFields(jdk).stream().map(field -> (Executable) () -> {
            assertEquals(1, agent.intValue(field), () -> field + " with the agent: " + agent);
            assertEquals(hostCpus, control.intValue(field), () -> field + " without the agent: " + control);
        }));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestJdks.class)
    void floorRoundingCountsAQuotaOfOneAndAHalfAsOneWhereCeilCountsTwo(TestJdks jdk, CgroupSandbox cgroups) {
        Figures.hostCpus();
        ForkedJvm jvm = hiddenQuota(jdk, cgroups, 1.5);

        ProbeResult floor = probe(jvm.withAgent("rounding=floor"));
        ProbeResult ceil = probe(jvm.withAgent(""));

        Figures.print("quota 1.5, rounding=floor vs default ceil", jdk, floor.availableProcessors(),
                ceil.availableProcessors());
        assertEquals(1, floor.availableProcessors(), () -> "rounding=floor: " + floor);
        assertEquals(2, ceil.availableProcessors(), () -> "default rounding (ceil): " + ceil);
    }

    /**
     * JDK 17 reads the quota of the process's own v1 group only, so a quota on the parent goes unseen
     * (JDK-8322420, docs/design.md §1); the agent walks up to the mount point and finds it.
     */
    @Test
    void quotaOnAParentGroupThatJdk17MissesIsAppliedByTheAgent(CgroupSandbox cgroups) {
        int hostCpus = Figures.hostCpus();
        Cgroup child = cgroups.create(V1Controller.CPU).cpuQuota(0.5).child();
        ForkedJvm jvm = ForkedJvm.on(TestJdks.JDK17).inCgroups(child);

        ProbeResult agent = probe(jvm.withAgent(""));
        ProbeResult control = probe(jvm);

        Figures.print("parent quota 0.5, child unlimited, container support on", TestJdks.JDK17,
                agent.availableProcessors(), control.availableProcessors());
        assertEquals(hostCpus, control.availableProcessors(), () -> "JDK 17 alone should miss the parent quota: "
                + control);
        assertEquals(1, agent.availableProcessors(), () -> "with the agent: " + agent);
    }

    /**
     * JDK 17 reads {@code memory.limit_in_bytes} of its own v1 group only, so a tighter parent limit goes unseen and
     * the heap is sized from the child's 1 GiB (docs/design.md §1). The heap is fixed before premain; the agent
     * publishes the real limit ({@code flags} is what fixes the heap).
     */
    @Test
    void memoryLimitOnAParentThatJdk17MissesIsPublishedByTheAgent(CgroupSandbox cgroups) {
        long parentLimit = 384L << 20;
        Cgroup child = cgroups.create(V1Controller.MEMORY).memoryLimit(parentLimit).child().memoryLimit(1L << 30);
        ForkedJvm jvm = ForkedJvm.on(TestJdks.JDK17).inCgroups(child);

        ProbeResult agent = probe(jvm.withAgent(""));
        ProbeResult control = probe(jvm);

        Figures.print("parent memory 384 MiB, child 1 GiB: published limit / maxMemory", TestJdks.JDK17,
                agent.publishedProperties().get("container.limits.memory") + " / " + agent.get("maxMemory"),
                "none / " + control.get("maxMemory"));
        assertEquals(String.valueOf(parentLimit), agent.publishedProperties().get("container.limits.memory"),
                () -> "the parent's limit published: " + agent);
        assertTrue(Long.parseLong(control.get("maxMemory")) > parentLimit / 4,
                () -> "JDK 17 alone sizes its default heap (a quarter) from more than 384 MiB: " + control);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestJdks.class)
    void disabledAgentLeavesTheSameProbeLineAsNoAgent(TestJdks jdk, CgroupSandbox cgroups) {
        Figures.hostCpus();
        ForkedJvm jvm = hiddenQuota(jdk, cgroups, 0.5);

        ProbeResult disabled = probe(jvm.withAgent("enabled=false"));
        ProbeResult noAgent = probe(jvm);
        ProbeResult enabled = probe(jvm.withAgent(""));

        Figures.print("quota 0.5, enabled=false vs no agent", jdk, disabled.availableProcessors(),
                noAgent.availableProcessors());
        assertEquals(noAgent, disabled, "enabled=false must change nothing the probe sees");
        assertTrue(disabled.publishedProperties().isEmpty(), () -> "no container.limits.* expected: " + disabled);
        assertNotEquals(noAgent, enabled, "the enabled agent changes this setup, or the comparison proves nothing");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestJdks.class)
    void atTheDefaultLogLevelTheAgentWritesNothingWhileApplyingAQuota(TestJdks jdk, CgroupSandbox cgroups) {
        Figures.hostCpus();
        JvmRun run = hiddenQuota(jdk, cgroups, 0.5).withAgent("").runProbe();

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(1, run.probe().availableProcessors(), () -> "the agent applied the quota: " + run);
        assertEquals("", run.stderr(), () -> "nothing on stderr: " + run);
        assertEquals(1, run.stdout().lines().count(), () -> "only the probe's line on stdout: " + run);
    }

    /** A JVM of {@code jdk} in a new group with a quota of {@code cpus}, started with the quota hidden from it. */
    private static ForkedJvm hiddenQuota(TestJdks jdk, CgroupSandbox cgroups, double cpus) {
        return ForkedJvm.on(jdk).inCgroups(cgroups.create(V1Controller.CPU).cpuQuota(cpus))
                .withOptions(NO_CONTAINER_SUPPORT);
    }

    /** The probe fields that follow the CPU count on {@code jdk}: the virtual-thread scheduler from 21 on. */
    static List<String> cpuFields(TestJdks jdk) {
        return jdk.feature() >= VIRTUAL_THREADS
                ? List.of("availableProcessors", "newForkJoinPool", "workStealingPool", "striped64", "vtScheduler")
                : List.of("availableProcessors", "newForkJoinPool", "workStealingPool", "striped64");
    }

    /** Runs the probe and parses its line, failing with the run described if it did not exit 0. */
    static ProbeResult probe(ForkedJvm jvm) {
        JvmRun run = jvm.runProbe();
        Supplier<String> described = run::toString;
        assertEquals(0, run.exitCode(), described);
        return run.probe();
    }
}
