package io.containerlimits.it.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containerlimits.it.support.TestJdks;
import io.containerlimits.testsupport.ForkedJvm;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A memory limit lowered while the JVM runs below what its heap may grow to gets the agent's warning and, with ZGC
 * (which honours it), the heap's soft maximum; raised again, the soft maximum goes back (docs/design.md §5, §6). The
 * control runs the same JVM without the agent in a group changed at the same moment.
 */
@ExtendWith(CgroupSandboxExtension.class)
class AgentLiveMemoryChangeTest {

    private static final long MIB = 1L << 20;

    /** The heap the JVMs may grow to. */
    private static final long MAX_HEAP = 1024 * MIB;

    /** Roomy: the heap fits. */
    private static final long BIG = 2048 * MIB;

    /** Lowered: the heap does not fit; {@code flags} computes a 210 MiB heap for it. */
    private static final long SMALL = 512 * MIB;

    /** What {@code flags} (and so the agent) computes as the heap for {@link #SMALL}. */
    private static final long HEAP_FOR_SMALL = 210 * MIB;

    private static final Duration WAIT = Duration.ofSeconds(10);

    @ParameterizedTest(name = "{0}")
    @EnumSource(mode = EnumSource.Mode.MATCH_ANY, names = AgentLiveLimitChangeTest.JDKS)
    void aLoweredLimitSetsZgcsSoftMaximumAndARaisedOneRestoresIt(TestJdks jdk, CgroupSandbox cgroups) {
        Cgroup agentGroup = cgroups.create(V1Controller.MEMORY).memoryLimit(BIG);
        Cgroup controlGroup = cgroups.create(V1Controller.MEMORY).memoryLimit(BIG);
        ForkedJvm jvm = jdk.jvm().withOptions("-XX:+UseZGC", "-Xmx" + (MAX_HEAP / MIB) + "m");
        String max = String.valueOf(MAX_HEAP);
        try (ResizeRun control = ResizeRun.start("control", jvm.through(Cgroup.joinThenExec(controlGroup)));
                ResizeRun agent = ResizeRun.start("agent", jvm.through(Cgroup.joinThenExec(agentGroup))
                        .withAgent(TestJdks.agentJar(), "log=info"))) {
            assertEquals(max, agent.last("softmax"), "the default soft maximum is the heap's maximum: " + agent);
            assertEquals("", agent.stderr().lines().filter(line -> !line.startsWith("container-limits 0"))
                    .reduce("", String::concat), "the heap fits 2 GiB: no warning");

            long lowered = System.currentTimeMillis();
            agentGroup.memoryLimit(SMALL);
            controlGroup.memoryLimit(SMALL);
            Map<String, Long> latency = agent.latencies(Map.of("softmax", String.valueOf(HEAP_FOR_SMALL)), lowered,
                    WAIT);
            control.holds("softmax", max, Duration.ofSeconds(2));
            String stderr = agent.stderr();
            assertTrue(stderr.contains("container-limits: the heap may grow to 1 GiB (Runtime.maxMemory()) but the "
                    + "memory limit is 512 MiB"), stderr);
            assertTrue(stderr.contains("resized: container.limits.* properties, SoftMaxHeapSize 210 MiB (ZGC); "
                    + "not resized: heap maximum (1 GiB, fixed at start)"), stderr);
            Figures.print("memory 2 GiB -> 512 MiB, -Xmx1g, ZGC: SoftMaxHeapSize (ms to set)", jdk,
                    agent.last("softmax") + " after " + latency.get("softmax") + " ms", control.last("softmax"));

            agentGroup.memoryLimit(BIG);
            controlGroup.memoryLimit(BIG);
            agent.latencies(Map.of("softmax", max), System.currentTimeMillis(), WAIT);
            assertTrue(agent.stderr().contains("resized: container.limits.* properties, SoftMaxHeapSize back to 1 GiB"),
                    agent::stderr);
            assertEquals(1, agent.stderr().lines().filter(line -> line.contains("the heap may grow to")).count(),
                    "one warning for one lowered limit: " + agent.stderr());
        }
    }
}
