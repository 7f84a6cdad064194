package io.containerlimits.it.cgroup;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containerlimits.it.support.TestJdks;
import io.containerlimits.testsupport.ForkedJvm;
import io.containerlimits.testsupport.RunningJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Limits changed while the JVM runs (Kubernetes in-place resize, {@code docker update}) reach every consumer the agent
 * feeds within 2 s (docs/design.md §5): rewritten {@code availableProcessors()} callers, the virtual-thread scheduler
 * (21+), the common pool (19+), {@code ContainerLimits.watch} listeners (the agent's copy of the library and a
 * child-first copy of its own), the MBean and the JFR event. Each run is paired with a control without the agent, in a
 * cgroup of its own that the test changes at the same moment.
 */
@ExtendWith(CgroupSandboxExtension.class)
class AgentLiveLimitChangeTest {

    /** The bound from the write to each consumer: the watcher detects once a second. */
    private static final Duration FOLLOW_DEADLINE = Duration.ofSeconds(2);

    /** How long to wait in all before failing (the bound is asserted on the measured latencies). */
    private static final Duration WAIT = Duration.ofSeconds(10);

    /** The virtual-thread scheduler exists from here. */
    private static final int VIRTUAL_THREADS = 21;

    /** {@code setParallelism} exists from here. */
    private static final int SET_PARALLELISM = 19;

    /** The JDKs this class runs on: JFR streaming in {@link ResizeProgram} needs 14+. */
    static final String JDKS = "JDK17|JDK21|JDK25";

    /** JDK 8 and 11, which cannot run {@link ResizeProgram}: a raised quota reaches rewritten callers. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(mode = EnumSource.Mode.MATCH_ANY, names = "JDK8|JDK11")
    void aQuotaRaisedFromHalfToTwoWhileRunningReachesRewrittenCallers(TestJdks jdk, CgroupSandbox cgroups) {
        String host = String.valueOf(Figures.hostCpus());
        Cgroup cpu = cgroups.create(V1Controller.CPU).cpuQuota(0.5);
        ForkedJvm jvm = jdk.jvm().through(Cgroup.joinThenExec(cpu)).withOptions("-XX:-UseContainerSupport")
                .withClassPath(TestJdks.programClasses());
        String controlFirst;
        try (RunningJvm control = jvm.start(LiveLimitProgram.class.getName())) {
            controlFirst = control.nextLine(WAIT).map(AgentLiveLimitChangeTest::cpus).orElse("none");
        }
        try (RunningJvm agent = jvm.withAgent(TestJdks.agentJar(), "").start(LiveLimitProgram.class.getName())) {
            assertEquals(Optional.of("1"), agent.nextLine(Duration.ofSeconds(60)).map(AgentLiveLimitChangeTest::cpus),
                    agent::stderr);
            long raised = System.currentTimeMillis();
            cpu.cpuQuota(2.0);
            Optional<String> line = Optional.empty();
            while (System.currentTimeMillis() - raised < WAIT.toMillis() && !line.filter("2"::equals).isPresent()) {
                line = agent.nextLine(Duration.ofMillis(500)).map(AgentLiveLimitChangeTest::cpus);
            }
            long latency = System.currentTimeMillis() - raised;
            Figures.print("quota 0.5 -> 2 while running: rewritten callers (ms to follow)", jdk,
                    line.orElse("none") + " after " + latency + " ms", controlFirst);
            assertEquals(Optional.of("2"), line, agent::stderr);
            assertTrue(latency <= FOLLOW_DEADLINE.toMillis(), () -> latency + " ms; " + agent.stderr());
        }
        assertEquals(host, controlFirst, "without the agent the JVM sees the host from the start");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(mode = EnumSource.Mode.MATCH_ANY, names = JDKS)
    void aQuotaRaisedAndLoweredReachesEveryConsumerWithinTwoSeconds(TestJdks jdk, CgroupSandbox cgroups) {
        String host = String.valueOf(Figures.hostCpus());
        boolean vt = jdk.feature() >= VIRTUAL_THREADS;
        Cgroup agentGroup = cgroups.create(V1Controller.CPU).cpuQuota(0.5);
        Cgroup controlGroup = cgroups.create(V1Controller.CPU).cpuQuota(0.5);
        // Without container support the JVM sees the host: only the agent can apply the quota, in both directions.
        ForkedJvm jvm = jdk.jvm().withOptions("-XX:-UseContainerSupport");
        try (ResizeRun control = ResizeRun.start("control", jvm.through(Cgroup.joinThenExec(controlGroup)));
                ResizeRun agent = ResizeRun.start("agent", jvm.through(Cgroup.joinThenExec(agentGroup))
                        .withAgent(TestJdks.agentJar(), "log=info"))) {
            agent.await("the MBean", line -> line.get("mbean").equals("1"), WAIT);
            assertAll("at start, quota 0.5",
                    () -> assertEquals("1", agent.last("cpus"), agent::toString),
                    () -> assertEquals(vt ? "1" : "n/a", agent.last("vt"), agent::toString),
                    () -> assertEquals("1", agent.last("watchers"), "the agent's watcher only: " + agent),
                    () -> assertEquals(host, control.last("cpus"), control::toString),
                    () -> assertEquals(vt ? host : "n/a", control.last("vt"), control::toString),
                    () -> assertEquals("n/a", control.last("mbean"), control::toString),
                    () -> assertEquals("2", control.last("watchers"), "each copy of the library polls: " + control));

            Map<String, Long> raised = change(agentGroup, controlGroup, 2.0, agent, "2", vt);
            Figures.print("quota 0.5 -> 2 while running: ms from the write to each consumer", jdk, raised,
                    "cpus " + control.last("cpus") + ", listener " + control.last("listener"));
            assertEquals(host, control.last("cpus"), "without container support the control never moves");
            // The control's own watchers poll once a second, on their own phase: lowering the quota before they saw
            // it raised would leave them nothing to report (0.5 at both of their polls).
            control.await("its own listeners' 2",
                    line -> line.get("listener").equals("2") && line.get("isolated").equals("2"), WAIT);

            Map<String, Long> lowered = change(agentGroup, controlGroup, 0.5, agent, "1", vt);
            Figures.print("quota 2 -> 0.5 while running: ms from the write to each consumer", jdk, lowered,
                    "cpus " + control.last("cpus") + ", vt " + control.last("vt"));
            control.await("its own listeners' 1",
                    line -> line.get("listener").equals("1") && line.get("isolated").equals("1"), WAIT);
            assertAll("the control, back at quota 0.5",
                    () -> assertEquals(host, control.last("cpus"), control::toString),
                    () -> assertEquals(vt ? host : "n/a", control.last("vt"), control::toString),
                    () -> assertEquals("none", control.last("jfr"), control::toString));
            assertTrue(agent.stderr().contains("limits changed: cpus 2 -> 1 (quota 2 -> 0.5)"), agent::toString);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(mode = EnumSource.Mode.MATCH_ANY, names = "JDK21|JDK25")
    void withNothingChangedAtStartTheSchedulerFollowsOnlyWithTheAgent(TestJdks jdk, CgroupSandbox cgroups) {
        Cgroup agentGroup = cgroups.create(V1Controller.CPU).cpuQuota(0.5);
        Cgroup controlGroup = cgroups.create(V1Controller.CPU).cpuQuota(0.5);
        ForkedJvm jvm = jdk.jvm();
        try (ResizeRun control = ResizeRun.start("control", jvm.through(Cgroup.joinThenExec(controlGroup)));
                ResizeRun agent = ResizeRun.start("agent", jvm.through(Cgroup.joinThenExec(agentGroup))
                        .withAgent(TestJdks.agentJar(), "log=info"))) {
            assertTrue(agent.stderr().contains("applied: nothing (the JVM already reports 1)"), agent::toString);
            assertEquals("1", agent.last("vt"), agent::toString);
            assertEquals("1", control.last("vt"), control::toString);

            long raised = System.currentTimeMillis();
            quota(2.0, agentGroup, controlGroup);
            Map<String, Long> latency = agent.latencies(Map.of("vt", "2", "cpus", "2"), raised, WAIT);
            control.await("the JVM's own count 2", line -> line.get("cpus").equals("2"), WAIT);
            control.holds("vt", "1", FOLLOW_DEADLINE);
            Figures.print("container support on, quota 0.5 -> 2: scheduler (ms to follow)", jdk,
                    "vt " + agent.last("vt") + " after " + latency.get("vt") + " ms", "vt " + control.last("vt"));
            assertTrue(latency.get("vt") <= FOLLOW_DEADLINE.toMillis(), () -> latency + "; " + agent);

            long lowered = System.currentTimeMillis();
            quota(0.5, agentGroup, controlGroup);
            Map<String, Long> back = agent.latencies(Map.of("vt", "1"), lowered, WAIT);
            assertTrue(back.get("vt") <= FOLLOW_DEADLINE.toMillis(), () -> back + "; " + agent);
            assertEquals("1", control.last("vt"), "the control's scheduler never moved: " + control);
        }
    }

    /**
     * The common pool's parallelism is {@code max(1, cpus - 1)}: 1 for both 1 and 2 CPUs, so on this 2-CPU host no
     * real quota can move it. Explicit test seam: {@code root=} points the agent at a cgroup v2 fixture tree with 8
     * allowed CPUs whose {@code cpu.max} the test rewrites; the JVM and its common pool are real.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(mode = EnumSource.Mode.MATCH_ANY, names = JDKS)
    void theCommonPoolFollowsOnJava19AndLaterThroughAFixtureTree(TestJdks jdk, CgroupSandbox cgroups,
            @TempDir Path root) {
        writeFixture(root, "400000 100000");
        ForkedJvm jvm = jdk.jvm();
        String hostPool = String.valueOf(Math.max(1, Figures.hostCpus() - 1));
        try (ResizeRun control = ResizeRun.start("control", jvm);
                ResizeRun agent = ResizeRun.start("agent",
                        jvm.withAgent(TestJdks.agentJar(), "log=info,root=" + root))) {
            assertEquals("3", agent.last("pool"), "4 CPUs at start: " + agent);
            long raised = System.currentTimeMillis();
            writeFixture(root, "800000 100000");
            if (jdk.feature() >= SET_PARALLELISM) {
                Map<String, Long> latency = agent.latencies(Map.of("pool", "7", "cpus", "8"), raised, WAIT);
                Figures.print("common pool, fixture quota 4 -> 8 (ms to follow)", jdk,
                        "pool " + agent.last("pool") + " after " + latency.get("pool") + " ms",
                        "pool " + control.last("pool"));
                assertTrue(latency.get("pool") <= FOLLOW_DEADLINE.toMillis(), () -> latency + "; " + agent);
                writeFixture(root, "400000 100000");
                agent.latencies(Map.of("pool", "3"), System.currentTimeMillis(), WAIT);
            } else {
                agent.await("rewritten callers' 8", line -> line.get("cpus").equals("8"), WAIT);
                agent.holds("pool", "3", Duration.ofMillis(500));
                Figures.print("common pool, fixture quota 4 -> 8", jdk, "pool " + agent.last("pool"),
                        "pool " + control.last("pool"));
                assertTrue(agent.stderr().contains("not resized: common pool (no setParallelism before JDK 19)"),
                        agent::toString);
            }
            assertEquals(hostPool, control.last("pool"), control::toString);
        }
    }

    /**
     * A renamed jar puts itself on the boot class path only when it rewrites, after premain has loaded some of the
     * library through the application loader: the application's copy (and a child-first one) still reaches the agent's
     * watcher, through the {@code java.*}-typed hand-off, and no second watcher thread starts.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(mode = EnumSource.Mode.MATCH_ANY, names = "JDK25")
    void aRenamedJarFollowsToo(TestJdks jdk, CgroupSandbox cgroups, @TempDir Path directory) throws IOException {
        Path renamed = Files.copy(TestJdks.agentJar(), directory.resolve("container-limits-9.9.jar"));
        Cgroup group = cgroups.create(V1Controller.CPU).cpuQuota(0.5);
        ForkedJvm jvm = jdk.jvm().withOptions("-XX:-UseContainerSupport").through(Cgroup.joinThenExec(group))
                .withAgent(renamed, "log=info");
        try (ResizeRun agent = ResizeRun.start("renamed", jvm, renamed)) {
            agent.await("the MBean", line -> line.get("mbean").equals("1"), WAIT);
            long written = System.currentTimeMillis();
            quota(2.0, group);
            // The fallback's latency is printed, not bound: its listeners detect once more, in their own copy.
            Map<String, Long> raised = agent.latencies(Map.of("cpus", "2", "listener", "2", "isolated", "2",
                    "mbean", "2", "jfr", "2", "vt", "2"), written, WAIT);
            Figures.print("renamed jar, quota 0.5 -> 2: ms to each consumer", jdk, raised, "-");
            assertEquals("1", agent.last("watchers"), "one watcher, the agent's: " + agent);
        }
    }

    /** The CPU count of a {@link LiveLimitProgram} line ({@code "2 1"}: count, common pool). */
    private static String cpus(String line) {
        return line.split(" ")[0];
    }

    /** Writes both groups' quota and waits for all of the agent's consumers to show {@code cpus}; the latencies. */
    private static Map<String, Long> change(Cgroup agentGroup, Cgroup controlGroup, double quota, ResizeRun agent,
            String cpus, boolean vt) {
        long written = System.currentTimeMillis();
        quota(quota, agentGroup, controlGroup);
        Map<String, String> expected = new LinkedHashMap<>();
        for (String consumer : new String[] {"cpus", "listener", "isolated", "mbean", "jfr"}) {
            expected.put(consumer, cpus);
        }
        if (vt) {
            expected.put("vt", cpus);
        }
        Map<String, Long> latency = agent.latencies(expected, written, WAIT);
        for (Map.Entry<String, Long> e : latency.entrySet()) {
            assertTrue(e.getValue() <= FOLLOW_DEADLINE.toMillis(),
                    () -> e.getKey() + " took " + e.getValue() + " ms: " + latency + "; " + agent);
        }
        return latency;
    }

    private static void quota(double cpus, Cgroup... groups) {
        for (Cgroup group : groups) {
            group.cpuQuota(cpus);
        }
    }

    /** A cgroup v2 tree with 8 allowed CPUs and this {@code cpu.max}; the agent reads it through {@code root=}. */
    private static void writeFixture(Path root, String cpuMax) {
        try {
            Files.createDirectories(root.resolve("proc/self"));
            Files.createDirectories(root.resolve("sys/fs/cgroup"));
            Files.writeString(root.resolve("proc/self/cgroup"), "0::/\n");
            Files.writeString(root.resolve("proc/self/mountinfo"),
                    "30 23 0:26 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime - cgroup2 cgroup2 rw\n");
            Files.writeString(root.resolve("proc/self/status"), "Name:\tjava\nCpus_allowed_list:\t0-7\n");
            Files.writeString(root.resolve("proc/meminfo"), "MemTotal:       16777216 kB\n");
            Files.writeString(root.resolve("sys/fs/cgroup/cpu.max"), cpuMax + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
