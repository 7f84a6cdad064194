package io.containerlimits.it.cgroup;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containerlimits.it.probe.ProbeResult;
import io.containerlimits.it.probe.Probes;
import io.containerlimits.it.support.TestJdks;
import io.containerlimits.testsupport.ForkedJvm;
import io.containerlimits.testsupport.JvmRun;
import java.nio.file.Path;
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

    /** The agent jar the build just produced. */
    private static final Path JAR = TestJdks.agentJar();

    /** Hides the cgroup from HotSpot, so that what changes is the agent's doing. */
    private static final String NO_CONTAINER_SUPPORT = "-XX:-UseContainerSupport";

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestJdks.class)
    void halfACpuQuotaMakesEveryPoolOneWhileTheJvmAloneSeesTheHost(TestJdks jdk, CgroupSandbox cgroups) {
        int hostCpus = Figures.hostCpus();
        ForkedJvm jvm = hiddenQuota(jdk, cgroups, 0.5);

        ProbeResult agent = Probes.probe(jvm.withAgent(JAR, ""));
        ProbeResult control = Probes.probe(jvm);

        Figures.print("quota 0.5, -UseContainerSupport: availableProcessors", jdk, agent.availableProcessors(),
                control.availableProcessors());
        assertAll(agent.cpuSizedFields().stream().map(field -> (Executable) () -> {
            assertEquals(1, agent.intValue(field), () -> field + " with the agent: " + agent);
            assertEquals(hostCpus, control.intValue(field), () -> field + " without the agent: " + control);
        }));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TestJdks.class, mode = EnumSource.Mode.MATCH_ANY, names = TestJdks.FULL_MATRIX)
    void floorRoundingCountsAQuotaOfOneAndAHalfAsOneWhereCeilCountsTwo(TestJdks jdk, CgroupSandbox cgroups) {
        Figures.hostCpus();
        ForkedJvm jvm = hiddenQuota(jdk, cgroups, 1.5);

        ProbeResult floor = Probes.probe(jvm.withAgent(JAR, "rounding=floor"));
        ProbeResult ceil = Probes.probe(jvm.withAgent(JAR, ""));

        Figures.print("quota 1.5, rounding=floor vs default ceil", jdk, floor.availableProcessors(),
                ceil.availableProcessors());
        assertEquals(1, floor.availableProcessors(), () -> "rounding=floor: " + floor);
        assertEquals(2, ceil.availableProcessors(), () -> "default rounding (ceil): " + ceil);
    }

    /**
     * JDK 17 reads the quota of the process's own v1 group only, so a quota on the parent goes unseen
     * (JDK-8322420, docs/design.md §1); the agent walks up to the mount point and finds it.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TestJdks.class, names = "JDK17")
    void quotaOnAParentGroupThatJdk17MissesIsAppliedByTheAgent(TestJdks jdk, CgroupSandbox cgroups) {
        int hostCpus = Figures.hostCpus();
        Cgroup child = cgroups.create(V1Controller.CPU).cpuQuota(0.5).child();
        ForkedJvm jvm = jdk.jvm().through(Cgroup.joinThenExec(child));

        ProbeResult agent = Probes.probe(jvm.withAgent(JAR, ""));
        ProbeResult control = Probes.probe(jvm);

        Figures.print("parent quota 0.5, child unlimited, container support on", jdk,
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
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TestJdks.class, names = "JDK17")
    void memoryLimitOnAParentThatJdk17MissesIsPublishedByTheAgent(TestJdks jdk, CgroupSandbox cgroups) {
        long parentLimit = 384L << 20;
        Cgroup child = cgroups.create(V1Controller.MEMORY).memoryLimit(parentLimit).child().memoryLimit(1L << 30);
        ForkedJvm jvm = jdk.jvm().through(Cgroup.joinThenExec(child));

        ProbeResult agent = Probes.probe(jvm.withAgent(JAR, ""));
        ProbeResult control = Probes.probe(jvm);

        Figures.print("parent memory 384 MiB, child 1 GiB: published limit / maxMemory", jdk,
                agent.publishedProperties().get("container.limits.memory") + " / " + agent.get("maxMemory"),
                "none / " + control.get("maxMemory"));
        assertEquals(String.valueOf(parentLimit), agent.publishedProperties().get("container.limits.memory"),
                () -> "the parent's limit published: " + agent);
        assertTrue(Long.parseLong(control.get("maxMemory")) > parentLimit / 4,
                () -> "JDK 17 alone sizes its default heap (a quarter) from more than 384 MiB: " + control);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TestJdks.class, mode = EnumSource.Mode.MATCH_ANY, names = TestJdks.FULL_MATRIX)
    void disabledAgentLeavesTheSameProbeLineAsNoAgent(TestJdks jdk, CgroupSandbox cgroups) {
        Figures.hostCpus();
        ForkedJvm jvm = hiddenQuota(jdk, cgroups, 0.5);

        ProbeResult disabled = Probes.probe(jvm.withAgent(JAR, "enabled=false"));
        ProbeResult noAgent = Probes.probe(jvm);
        ProbeResult enabled = Probes.probe(jvm.withAgent(JAR, ""));

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
        JvmRun run = Probes.run(hiddenQuota(jdk, cgroups, 0.5).withAgent(JAR, ""));

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(1, Probes.result(run).availableProcessors(), () -> "the agent applied the quota: " + run);
        assertEquals("", run.stderr(), () -> "nothing on stderr: " + run);
        assertEquals(1, run.stdout().lines().count(), () -> "only the probe's line on stdout: " + run);
    }

    /** A JVM of {@code jdk} in a new group with a quota of {@code cpus}, started with the quota hidden from it. */
    private static ForkedJvm hiddenQuota(TestJdks jdk, CgroupSandbox cgroups, double cpus) {
        return jdk.jvm().through(Cgroup.joinThenExec(cgroups.create(V1Controller.CPU).cpuQuota(cpus)))
                .withOptions(NO_CONTAINER_SUPPORT);
    }
}
