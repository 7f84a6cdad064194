package io.containerlimits.it.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containerlimits.it.cgroup.ResizeProgram;
import io.containerlimits.it.cgroup.ResizeRun;
import io.containerlimits.it.support.TestJdks;
import io.containerlimits.testsupport.ForkedJvm;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code docker update} on a running container reaches what the agent follows (docs/design.md §5), JDK 17 and 25,
 * each beside a control container without the agent updated at the same moment: {@code --cpus} 0.5 ⇒ 2 ⇒ 0.5 and
 * {@code --memory} 2 GiB ⇒ 512 MiB ⇒ 2 GiB. The same program as the cgroup tests ({@code ResizeProgram}).
 */
class DockerResizeTest {

    private static final long PERIOD = 100_000;
    private static final long MIB = 1L << 20;
    private static final Duration FOLLOW_DEADLINE = Duration.ofSeconds(2);
    private static final Duration WAIT = Duration.ofSeconds(10);

    @BeforeAll
    static void engineAndImage() {
        JdkContainer.requireEngineAndImage();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TestJdks.class, mode = EnumSource.Mode.MATCH_ANY, names = TestJdks.FULL_MATRIX)
    void dockerUpdateCpusReachesEveryConsumerWithinTwoSeconds(TestJdks jdk) {
        ContainerFlags half = ContainerFlags.cpuQuota(PERIOD / 2, PERIOD);
        String options = "-XX:-UseContainerSupport";
        try (RunningContainer agentBox = new RunningContainer(half, command(jdk, options, true));
                RunningContainer controlBox = new RunningContainer(half, command(jdk, options, false));
                ResizeRun agent = ResizeRun.of("agent", agentBox);
                ResizeRun control = ResizeRun.of("control", controlBox)) {
            agent.await("the MBean", line -> line.get("mbean").equals("1"), WAIT);
            String host = control.last("cpus");
            assertEquals("1", agent.last("cpus"), agent::toString);

            Map<String, Long> raised = update(2, agentBox, controlBox, agent, "2", jdk);
            Map<String, Long> lowered = update(0.5, agentBox, controlBox, agent, "1", jdk);
            System.out.println("FIGURE docker update --cpus 0.5 -> 2 -> 0.5: ms to each consumer | " + jdk
                    + " | agent " + raised + " then " + lowered + " | control cpus " + control.last("cpus"));
            assertEquals(host, control.last("cpus"), "without container support the control never moves");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TestJdks.class, mode = EnumSource.Mode.MATCH_ANY, names = TestJdks.FULL_MATRIX)
    void dockerUpdateMemoryWarnsAndSetsZgcsSoftMaximum(TestJdks jdk) {
        ContainerFlags big = ContainerFlags.memoryWithoutSwap(2048 * MIB);
        String options = "-XX:+UseZGC -Xmx1g";
        try (RunningContainer agentBox = new RunningContainer(big, command(jdk, options, true));
                RunningContainer controlBox = new RunningContainer(big, command(jdk, options, false));
                ResizeRun agent = ResizeRun.of("agent", agentBox);
                ResizeRun control = ResizeRun.of("control", controlBox)) {
            String max = String.valueOf(1024 * MIB);
            assertEquals(max, agent.last("softmax"), agent::toString);
            long written = System.currentTimeMillis();
            for (RunningContainer box : new RunningContainer[] {agentBox, controlBox}) {
                box.update(cmd -> cmd.withMemory(512 * MIB).withMemorySwap(512 * MIB));
            }
            Map<String, Long> latency = agent.latencies(Map.of("softmax", String.valueOf(210 * MIB)), written, WAIT);
            control.holds("softmax", max, FOLLOW_DEADLINE);
            assertTrue(agent.stderr().contains("container-limits: the heap may grow to 1 GiB (Runtime.maxMemory()) "
                    + "but the memory limit is 512 MiB"), agent::stderr);
            for (RunningContainer box : new RunningContainer[] {agentBox, controlBox}) {
                box.update(cmd -> cmd.withMemory(2048 * MIB).withMemorySwap(2048 * MIB));
            }
            agent.latencies(Map.of("softmax", max), System.currentTimeMillis(), WAIT);
            System.out.println("FIGURE docker update --memory 2g -> 512m -> 2g, -Xmx1g, ZGC: SoftMaxHeapSize | " + jdk
                    + " | agent 210 MiB after " + latency.get("softmax") + " ms, then 1 GiB | control "
                    + control.last("softmax"));
        }
    }

    /** Updates both containers' quota and waits for every consumer of the agent's; asserts the 2 s bound. */
    private static Map<String, Long> update(double cpus, RunningContainer agentBox, RunningContainer controlBox,
            ResizeRun agent, String count, TestJdks jdk) {
        // From the start of the agent's docker update call (the engine writes the cgroup file during it).
        long written = System.currentTimeMillis();
        for (RunningContainer box : new RunningContainer[] {agentBox, controlBox}) {
            box.update(cmd -> cmd.withCpuQuota(Math.round(cpus * PERIOD)).withCpuPeriod(PERIOD));
        }
        Map<String, String> expected = new LinkedHashMap<>();
        for (String consumer : new String[] {"cpus", "listener", "isolated", "mbean", "jfr"}) {
            expected.put(consumer, count);
        }
        if (jdk.feature() >= 21) {
            expected.put("vt", count);
        }
        Map<String, Long> latency = agent.latencies(expected, written, WAIT);
        latency.forEach((consumer, millis) -> assertTrue(millis <= FOLLOW_DEADLINE.toMillis(),
                () -> consumer + " took " + millis + " ms: " + latency + "; " + agent));
        return latency;
    }

    /**
     * {@code ResizeProgram} under {@code options}, with the agent or not; its stdin a pipe that stays open (the program
     * ends when its stdin closes).
     */
    private static String command(TestJdks jdk, String options, boolean withAgent) {
        ForkedJvm jvm = jdk.jvm().withOptions(options.split(" ")).withJavaBaseOpenTo("java.lang")
                .withClassPath(Paths.get(RunningContainer.TEST_CLASSES), Paths.get(JdkContainer.CLASSES));
        if (withAgent) {
            jvm = jvm.withAgent(Paths.get(JdkContainer.AGENT_JAR), "log=info");
        }
        List<String> java = jvm.mainCommand(ResizeProgram.class.getName(), JdkContainer.AGENT_JAR);
        return "sleep 600 | " + String.join(" ", java);
    }
}
