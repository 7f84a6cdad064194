package io.containerlimits.it.docker;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.containerlimits.it.probe.ProbeResult;
import io.containerlimits.it.support.Prerequisites;
import io.containerlimits.it.support.TestJdks;
import io.containerlimits.testsupport.StrictJson;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The agent in real containers under real Docker limits, on the five JDKs under test: each row of the matrix is one
 * container that runs {@code Probe} on each JDK, with the agent and without it (the control). JDK 17 and 25 run every
 * row, 8, 11 and 21 the rows where JDKs differ ({@link TestJdks#FULL_MATRIX}).
 *
 * <p>Every row asserts the numbers the JVM ends up using (available processors, the common pool, a new
 * {@code ForkJoinPool}, the work-stealing pool, the virtual-thread scheduler from 21 on), the
 * {@code container.limits.*} properties, and what {@code java -jar container-limits.jar json} reports in the same
 * container. HotSpot sees a plain {@code --cpus} limit by itself, so rows that test detection run the JVM with
 * {@code -XX:-UseContainerSupport}, or an override, to make the agent's work visible against the control. Where the
 * right answer is "change nothing" (no limits, shares), the row shows that no pool property is set, while the
 * half-CPU row shows that it is.
 */
class DockerMatrixTest {

    /** The JVM option that hides every cgroup limit from HotSpot, so that only the agent can apply it. */
    private static final String NO_CONTAINER_SUPPORT = "-XX:-UseContainerSupport";

    /** 256 MiB, the memory limit of the memory rows. */
    private static final long MEMORY_LIMIT = 256L << 20;

    /** Properties the agent sets only when its CPU count differs from the JVM's own. */
    private static final List<String> POOL_PROPERTIES = List.of("java.util.concurrent.ForkJoinPool.common.parallelism",
            "jdk.virtualThreadScheduler.parallelism", "io.netty.availableProcessors",
            "io.grpc.netty.shaded.io.netty.availableProcessors", "reactor.schedulers.defaultPoolSize",
            "JETTY_AVAILABLE_PROCESSORS");

    /** The CPUs the host lets this test run on: what an unlimited container gets. */
    private static final int HOST_CPUS = Runtime.getRuntime().availableProcessors();

    /** No limits: the agent alone and the control; the agent given twice on the full matrix. */
    private static final ContainerRow UNLIMITED = new ContainerRow(ContainerFlags.none(),
            on -> on.inFullMatrix()
                    ? List.of(ContainerJvm.probe("agent", on, ContainerJvm.agent("")),
                            ContainerJvm.control("control", on),
                            // Both ask for log=info, so that each start that applies prints its one summary line.
                            ContainerJvm.probe("twice", on, Map.of("JAVA_TOOL_OPTIONS", ContainerJvm.agent("log=info")),
                                    ContainerJvm.agent("log=info")))
                    : List.of(ContainerJvm.probe("agent", on, ContainerJvm.agent("")),
                            ContainerJvm.control("control", on)));

    /**
     * Half a CPU, hidden from the JVM (the agent alone sees it); on the full matrix also overridden to 4 by argument
     * and environment.
     */
    private static final ContainerRow HALF_CPU = new ContainerRow(ContainerFlags.cpus(0.5),
            on -> on.inFullMatrix()
                    ? List.of(ContainerJvm.probe("agent-no-support", on, ContainerJvm.agent(""), NO_CONTAINER_SUPPORT),
                            ContainerJvm.control("control-no-support", on, NO_CONTAINER_SUPPORT),
                            ContainerJvm.probe("cpus-argument", on, ContainerJvm.agent("cpus=4")),
                            ContainerJvm.probe("cpus-environment", on, Map.of("CONTAINER_LIMITS_CPUS", "4"),
                                    ContainerJvm.agent("")),
                            ContainerJvm.probe("cpus-millicores", on, Map.of("CONTAINER_LIMITS_CPUS", "4000m"),
                                    ContainerJvm.agent("")),
                            ContainerJvm.control("control", on))
                    : List.of(ContainerJvm.probe("agent-no-support", on, ContainerJvm.agent(""), NO_CONTAINER_SUPPORT),
                            ContainerJvm.control("control-no-support", on, NO_CONTAINER_SUPPORT)));

    /** A fractional quota, rounded both ways (full matrix). */
    private static final ContainerRow ONE_AND_A_HALF_CPUS = new ContainerRow(ContainerFlags.cpus(1.5),
            on -> !on.inFullMatrix() ? List.of()
                    : List.of(ContainerJvm.probe("floor", on, ContainerJvm.agent("rounding=floor"),
                                    NO_CONTAINER_SUPPORT),
                            ContainerJvm.probe("ceil", on, ContainerJvm.agent(""), NO_CONTAINER_SUPPORT),
                            ContainerJvm.control("control", on, NO_CONTAINER_SUPPORT)));

    /** A quota of 3 CPUs, above what the host has (full matrix). */
    private static final ContainerRow QUOTA_OF_THREE = new ContainerRow(ContainerFlags.cpuQuota(300_000, 100_000),
            on -> !on.inFullMatrix() ? List.of()
                    : List.of(ContainerJvm.probe("agent", on, ContainerJvm.agent("")),
                            ContainerJvm.control("control", on)));

    /** Pinned to CPU 1 (full matrix). */
    private static final ContainerRow CPUSET_OF_ONE = new ContainerRow(ContainerFlags.cpusetCpus("1"),
            on -> !on.inFullMatrix() ? List.of()
                    : List.of(ContainerJvm.probe("agent", on, ContainerJvm.agent(""), NO_CONTAINER_SUPPORT),
                            ContainerJvm.control("control", on, NO_CONTAINER_SUPPORT)));

    /** Half the default CPU weight. */
    private static final ContainerRow SHARES = new ContainerRow(ContainerFlags.cpuShares(512),
            on -> List.of(ContainerJvm.probe("agent", on, ContainerJvm.agent("")),
                    ContainerJvm.control("control", on)));

    /** 256 MiB without swap, seen by the JVM or hidden from it. */
    private static final ContainerRow MEMORY = new ContainerRow(ContainerFlags.memoryWithoutSwap(MEMORY_LIMIT),
            on -> List.of(ContainerJvm.probe("agent", on, ContainerJvm.agent("")),
                    ContainerJvm.probe("agent-no-support", on, ContainerJvm.agent(""), NO_CONTAINER_SUPPORT),
                    ContainerJvm.control("control-no-support", on, NO_CONTAINER_SUPPORT)));

    /** Half a CPU and 256 MiB in a private cgroup namespace, where the cgroup paths are {@code /}. */
    private static final ContainerRow PRIVATE_CGROUP_NAMESPACE = new ContainerRow(
            ContainerFlags.privateCgroupNamespace().and(ContainerFlags.cpus(0.5))
                    .and(ContainerFlags.memoryWithoutSwap(MEMORY_LIMIT)),
            on -> List.of(ContainerJvm.probe("agent", on, ContainerJvm.agent(""), NO_CONTAINER_SUPPORT),
                    ContainerJvm.control("control", on, NO_CONTAINER_SUPPORT)));

    @BeforeAll
    static void engineAndImage() {
        JdkContainer.requireEngineAndImage();
        Prerequisites.require(HOST_CPUS >= 2, "a host with at least 2 CPUs (the matrix pins CPU 1, caps at 0.5)");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestJdks.class)
    void withoutLimitsTheAgentOnlyPublishes(TestJdks jdk) {
        ProbeResult agent = UNLIMITED.probe("agent", jdk);
        ProbeResult control = UNLIMITED.probe("control", jdk);

        assertSizedFor(agent, HOST_CPUS, jdk);
        assertSizedFor(control, HOST_CPUS, jdk);
        assertNoPoolProperties(agent);
        assertPublished(agent, HOST_CPUS, OptionalDouble.empty(), OptionalLong.empty());
        assertNothingPublished(control);
        assertCli(agent, HOST_CPUS, OptionalDouble.empty(), OptionalLong.empty());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestJdks.class)
    void halfACpuIsOneCpuEverywhereWhereTheJvmCannotSeeIt(TestJdks jdk) {
        ProbeResult agent = HALF_CPU.probe("agent-no-support", jdk);
        ProbeResult control = HALF_CPU.probe("control-no-support", jdk);

        assertSizedFor(agent, 1, jdk);
        assertPoolProperties(agent, 1, jdk, true);
        assertPublished(agent, 1, OptionalDouble.of(0.5), OptionalLong.empty());
        assertCli(agent, 1, OptionalDouble.of(0.5), OptionalLong.empty());
        assertSizedFor(control, HOST_CPUS, jdk);
        assertNothingPublished(control);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TestJdks.class, mode = EnumSource.Mode.MATCH_ANY, names = TestJdks.FULL_MATRIX)
    void oneAndAHalfCpusRoundDownWithFloorAndUpByDefault(TestJdks jdk) {
        ProbeResult floor = ONE_AND_A_HALF_CPUS.probe("floor", jdk);
        ProbeResult ceil = ONE_AND_A_HALF_CPUS.probe("ceil", jdk);
        ProbeResult control = ONE_AND_A_HALF_CPUS.probe("control", jdk);

        assertSizedFor(floor, 1, jdk);
        assertPoolProperties(floor, 1, jdk, true);
        assertPublished(floor, 1, OptionalDouble.of(1.5), OptionalLong.empty());
        assertSizedFor(ceil, 2, jdk);
        assertPublished(ceil, 2, OptionalDouble.of(1.5), OptionalLong.empty());
        // The command line does not see the agent's arguments: it applies the default, ceil.
        assertCli(floor, 2, OptionalDouble.of(1.5), OptionalLong.empty());
        assertSizedFor(control, HOST_CPUS, jdk);
        assertNothingPublished(control);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TestJdks.class, mode = EnumSource.Mode.MATCH_ANY, names = TestJdks.FULL_MATRIX)
    void aQuotaAboveTheCpusIsBoundByAffinity(TestJdks jdk) {
        ProbeResult agent = QUOTA_OF_THREE.probe("agent", jdk);
        ProbeResult control = QUOTA_OF_THREE.probe("control", jdk);

        int expected = Math.min(3, HOST_CPUS);
        assertSizedFor(agent, expected, jdk);
        assertNoPoolProperties(agent);
        assertPublished(agent, expected, OptionalDouble.of(3.0), OptionalLong.empty());
        assertCli(agent, expected, OptionalDouble.of(3.0), OptionalLong.empty());
        assertSizedFor(control, expected, jdk);
        assertNothingPublished(control);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TestJdks.class, mode = EnumSource.Mode.MATCH_ANY, names = TestJdks.FULL_MATRIX)
    void aCpusetOfOneCpuIsOneCpu(TestJdks jdk) {
        ProbeResult agent = CPUSET_OF_ONE.probe("agent", jdk);
        ProbeResult control = CPUSET_OF_ONE.probe("control", jdk);

        assertSizedFor(agent, 1, jdk);
        // HotSpot reads affinity even without container support: the count already agrees, so no pool property.
        assertNoPoolProperties(agent);
        assertPublished(agent, 1, OptionalDouble.empty(), OptionalLong.empty());
        assertCli(agent, 1, OptionalDouble.empty(), OptionalLong.empty());
        assertSizedFor(control, 1, jdk);
        assertNothingPublished(control);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestJdks.class)
    void sharesAreNotALimit(TestJdks jdk) {
        ProbeResult agent = SHARES.probe("agent", jdk);
        ProbeResult control = SHARES.probe("control", jdk);

        // JDK 8 still counts shares as CPUs (512 of 1024: one); later JDKs dropped that (JDK-8281181).
        int jvmAlone = jdk == TestJdks.JDK8 ? 1 : HOST_CPUS;
        assertSizedFor(agent, HOST_CPUS, jdk);
        if (jvmAlone == HOST_CPUS) {
            assertNoPoolProperties(agent);
        } else {
            assertPoolProperties(agent, HOST_CPUS, jdk, true);
        }
        assertPublished(agent, HOST_CPUS, OptionalDouble.empty(), OptionalLong.empty());
        assertCli(agent, HOST_CPUS, OptionalDouble.empty(), OptionalLong.empty());
        assertSizedFor(control, jvmAlone, jdk);
        assertNothingPublished(control);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestJdks.class)
    void aMemoryLimitIsPublishedWithAndWithoutContainerSupport(TestJdks jdk) {
        ContainerScript.Output withSupport = MEMORY.output("agent", jdk);
        ContainerScript.Output withoutSupport = MEMORY.output("agent-no-support", jdk);
        ProbeResult control = MEMORY.probe("control-no-support", jdk);

        for (ContainerScript.Output output : List.of(withSupport, withoutSupport)) {
            ProbeResult agent = output.probe();
            assertPublished(agent, HOST_CPUS, OptionalDouble.empty(), OptionalLong.of(MEMORY_LIMIT));
            assertCli(agent, HOST_CPUS, OptionalDouble.empty(), OptionalLong.of(MEMORY_LIMIT));
            assertNoPoolProperties(agent);
        }
        // HotSpot alone sizes the heap from the limit; without container support it takes a quarter of the host.
        assertTrue(Long.parseLong(withSupport.probe().get("maxMemory")) < MEMORY_LIMIT, withSupport::toString);
        assertTrue(Long.parseLong(control.get("maxMemory")) > MEMORY_LIMIT,
                () -> "control without container support sizes its heap from the host: " + control);
        assertNothingPublished(control);
        // Only the JVM whose heap cannot fit gets the agent's warning, which names the limit.
        assertEquals("", agentLines(withSupport), withSupport::toString);
        assertTrue(agentLines(withoutSupport).contains("256 MiB"), () -> "a heap warning: " + withoutSupport);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestJdks.class)
    void aPrivateCgroupNamespaceShowsTheSameLimits(TestJdks jdk) {
        ProbeResult agent = PRIVATE_CGROUP_NAMESPACE.probe("agent", jdk);
        ProbeResult control = PRIVATE_CGROUP_NAMESPACE.probe("control", jdk);

        assertSizedFor(agent, 1, jdk);
        assertPoolProperties(agent, 1, jdk, true);
        assertPublished(agent, 1, OptionalDouble.of(0.5), OptionalLong.of(MEMORY_LIMIT));
        assertCli(agent, 1, OptionalDouble.of(0.5), OptionalLong.of(MEMORY_LIMIT));
        assertSizedFor(control, HOST_CPUS, jdk);
        assertNothingPublished(control);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TestJdks.class, mode = EnumSource.Mode.MATCH_ANY, names = TestJdks.FULL_MATRIX)
    void anOverrideWinsOverTheQuotaFromArgumentsAndEnvironment(TestJdks jdk) {
        for (String run : List.of("cpus-argument", "cpus-environment", "cpus-millicores")) {
            ProbeResult agent = HALF_CPU.probe(run, jdk);
            assertSizedFor(agent, 4, jdk);
            assertEquals(3, agent.commonPool(), () -> run + ": common pool of 4 CPUs: " + agent);
            assertPoolProperties(agent, 4, jdk, false);
            assertPublished(agent, 4, OptionalDouble.of(0.5), OptionalLong.empty());
        }
        // The command line reads the same environment variable, not the agent's arguments.
        assertCli(HALF_CPU.probe("cpus-environment", jdk), 4, OptionalDouble.of(0.5), OptionalLong.empty());
        assertCli(HALF_CPU.probe("cpus-millicores", jdk), 4, OptionalDouble.of(0.5), OptionalLong.empty());
        assertCli(HALF_CPU.probe("cpus-argument", jdk), 1, OptionalDouble.of(0.5), OptionalLong.empty());
        // HotSpot alone sees the quota: one CPU.
        ProbeResult control = HALF_CPU.probe("control", jdk);
        assertSizedFor(control, 1, jdk);
        assertNothingPublished(control);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TestJdks.class, mode = EnumSource.Mode.MATCH_ANY, names = TestJdks.FULL_MATRIX)
    void anAgentGivenTwiceIsAppliedOnceWithoutError(TestJdks jdk) {
        ContainerScript.Output twice = UNLIMITED.output("twice", jdk);
        ProbeResult agent = twice.probe();

        assertSizedFor(agent, HOST_CPUS, jdk);
        assertNoPoolProperties(agent);
        assertPublished(agent, HOST_CPUS, OptionalDouble.empty(), OptionalLong.empty());
        List<String> stderr = twice.stderr().lines().filter(line -> !line.startsWith("Picked up JAVA_TOOL_OPTIONS:"))
                .toList();
        assertEquals(1, stderr.size(), () -> "one summary line, nothing else: " + twice);
        assertTrue(stderr.get(0).startsWith("container-limits ") && stderr.get(0).contains("cpus=" + HOST_CPUS),
                () -> "the summary line: " + twice);
    }

    /** The lines on a run's standard error that the agent printed. */
    private static String agentLines(ContainerScript.Output output) {
        return output.stderr().lines().filter(line -> line.startsWith("container-limits")).reduce("",
                (all, line) -> all + line + "\n");
    }

    /** Every CPU-sized number the JVM ends up with agrees with {@code cpus}, as the JDK itself would size it. */
    private static void assertSizedFor(ProbeResult probe, int cpus, TestJdks jdk) {
        assertAll("sized for " + cpus + " CPUs: " + probe,
                () -> assertEquals(cpus, probe.intValue("availableProcessors"), "availableProcessors"),
                () -> assertEquals(Math.max(1, cpus - 1), probe.intValue("commonPool"), "common pool"),
                () -> assertEquals(cpus, probe.intValue("newForkJoinPool"), "new ForkJoinPool()"),
                () -> assertEquals(cpus, probe.intValue("workStealingPool"), "work-stealing pool"),
                () -> {
                    if (jdk.feature() >= 21) {
                        assertEquals(cpus, probe.intValue("vtScheduler"), "virtual-thread scheduler");
                    }
                });
    }

    /**
     * The agent set the pool and library properties for {@code cpus}, as docs/design.md §4 lists them. A count the
     * agent follows ({@code followed}: detected, not {@code cpus=}) leaves the common pool's property unset on 19+,
     * where the rewritten constructor sizes the pool and {@code setParallelism} must stay allowed
     * ({@link #assertSizedFor} checks the pool itself).
     */
    private static void assertPoolProperties(ProbeResult probe, int cpus, TestJdks jdk, boolean followed) {
        assertAll("pool properties for " + cpus + " CPUs: " + probe,
                () -> assertEquals(followed && jdk.feature() >= 19 ? Optional.empty()
                        : Optional.of(String.valueOf(Math.max(1, cpus - 1))),
                        probe.property("java.util.concurrent.ForkJoinPool.common.parallelism"), "common pool"),
                () -> assertEquals(jdk.feature() >= 21 ? Optional.of(String.valueOf(cpus)) : Optional.empty(),
                        probe.property("jdk.virtualThreadScheduler.parallelism"), "virtual-thread scheduler"),
                () -> assertEquals(Optional.of(String.valueOf(cpus)), probe.property("io.netty.availableProcessors"),
                        "Netty"));
    }

    /** The agent's count equals the JVM's: it set none of the pool or library properties. */
    private static void assertNoPoolProperties(ProbeResult probe) {
        for (String property : POOL_PROPERTIES) {
            assertFalse(probe.property(property).isPresent(), () -> property + " should not be set: " + probe);
        }
    }

    /** The agent published its count, the quota and the memory limit, and its version. */
    private static void assertPublished(ProbeResult probe, int cpus, OptionalDouble quota, OptionalLong memory) {
        Map<String, String> properties = probe.publishedProperties();
        assertAll("published container.limits.*: " + properties,
                () -> assertEquals(String.valueOf(cpus), properties.get("container.limits.cpus"), "cpus"),
                () -> assertEquals(quota, parseDouble(properties.get("container.limits.cpu.quota")), "cpu.quota"),
                () -> assertEquals(memory, parseLong(properties.get("container.limits.memory")), "memory"),
                () -> assertTrue(properties.containsKey("container.limits.version"), "version"));
    }

    /** Without the agent nothing is published: the properties the rows check come from the agent alone. */
    private static void assertNothingPublished(ProbeResult control) {
        assertEquals(Map.of(), control.publishedProperties(), () -> "control without the agent: " + control);
    }

    /** What {@code java -jar container-limits.jar json} reported in the same container. */
    private static void assertCli(ProbeResult probe, int cpus, OptionalDouble quota, OptionalLong memory) {
        JsonNode json = StrictJson.tree(probe.get("cliJson"));
        assertAll("cli json: " + json,
                () -> assertEquals(cpus, StrictJson.number(json, "cpu.count"), "cpu.count"),
                () -> assertEquals(quota, optionalNumber(json, "cpu.quota"), "cpu.quota"),
                () -> assertEquals(memory.isPresent() ? OptionalDouble.of(memory.getAsLong()) : OptionalDouble.empty(),
                        optionalNumber(json, "memory.limit"), "memory.limit"));
    }

    /** The number at {@code path}, empty where the document says {@code null}. */
    private static OptionalDouble optionalNumber(JsonNode json, String path) {
        return StrictJson.at(json, path).isNull() ? OptionalDouble.empty()
                : OptionalDouble.of(StrictJson.number(json, path));
    }

    /** A property's value as a number, empty when it was not set. */
    private static OptionalDouble parseDouble(String value) {
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(value));
    }

    /** A property's value as a number, empty when it was not set. */
    private static OptionalLong parseLong(String value) {
        return value == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(value));
    }
}
