package io.containerlimits.it.cgroup;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containerlimits.it.probe.ProbeResult;
import io.containerlimits.it.probe.Probes;
import io.containerlimits.it.support.TestJdks;
import io.containerlimits.testsupport.ForkedJvm;
import io.containerlimits.testsupport.JvmRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The agent's options and its manners in forked JVMs, no cgroup needed (issue 4): an override beats the host, a
 * user's own JVM setting beats the agent, and odd ways of attaching it still work. Each test pairs with a control.
 */
class AgentOptionsTest {

    /** The common pool property the JDK reads once, at first use of the pool. */
    private static final String COMMON_POOL_PROPERTY = "java.util.concurrent.ForkJoinPool.common.parallelism";

    /** The agent jar the build just produced. */
    private static final Path JAR = TestJdks.agentJar();

    /** The line the JVM itself prints on stderr when it takes options from the environment. */
    private static final String PICKED_UP = "Picked up JAVA_TOOL_OPTIONS:";

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestJdks.class)
    void cpusFourSizesEveryPoolForFourAndTheCommonPoolForThree(TestJdks jdk) {
        int hostCpus = Figures.hostCpus();

        ProbeResult agent = Probes.probe(jdk.jvm().withAgent(JAR, "cpus=4"));
        ProbeResult control = Probes.probe(jdk.jvm());

        Figures.print("cpus=4: availableProcessors", jdk, agent.availableProcessors(), control.availableProcessors());
        Figures.print("cpus=4: commonPool", jdk, agent.commonPool(), control.commonPool());
        assertAll(agent.cpuSizedFields().stream().map(field -> (Executable) () ->
                assertEquals(4, agent.intValue(field), () -> field + " with cpus=4: " + agent)));
        assertEquals(3, agent.commonPool(), () -> "common pool with cpus=4: " + agent);
        assertEquals(hostCpus - 1, control.commonPool(), () -> "common pool without the agent: " + control);
        assertEquals(hostCpus, control.availableProcessors(), () -> "without the agent: " + control);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TestJdks.class, mode = EnumSource.Mode.MATCH_ANY, names = TestJdks.FULL_MATRIX)
    void aUserCommonPoolParallelismIsKept(TestJdks jdk) {
        ForkedJvm jvm = jdk.jvm().withAgent(JAR, "cpus=4");

        ProbeResult user = Probes.probe(jvm.withOptions("-D" + COMMON_POOL_PROPERTY + "=7"));
        ProbeResult control = Probes.probe(jvm);

        Figures.print("cpus=4 with -D...common.parallelism=7: commonPool", jdk, user.commonPool(),
                control.commonPool());
        assertEquals(7, user.commonPool(), () -> "the user's parallelism: " + user);
        assertEquals(3, control.commonPool(), () -> "the agent's parallelism without the user's: " + control);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestJdks.class)
    void activeProcessorCountGivenToTheJvmIsLeftAlone(TestJdks jdk) {
        ForkedJvm jvm = jdk.jvm().withAgent(JAR, "cpus=1");

        ProbeResult flag = Probes.probe(jvm.withOptions("-XX:ActiveProcessorCount=3"));
        ProbeResult control = Probes.probe(jvm);

        Figures.print("cpus=1 with -XX:ActiveProcessorCount=3: availableProcessors", jdk,
                flag.availableProcessors(), control.availableProcessors());
        assertEquals(3, flag.availableProcessors(), () -> "the JVM flag wins: " + flag);
        assertTrue(flag.property(COMMON_POOL_PROPERTY).isEmpty(), () -> "no pool property expected: " + flag);
        assertEquals(1, control.availableProcessors(), () -> "cpus=1 without the flag: " + control);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestJdks.class)
    void aRenamedJarStillWorks(TestJdks jdk, @TempDir Path directory) throws IOException {
        int hostCpus = Figures.hostCpus();
        Path renamed = Files.copy(JAR, directory.resolve("cl-renamed.jar"));

        ProbeResult agent = Probes.probe(jdk.jvm().withAgent(renamed, "cpus=4"));
        ProbeResult control = Probes.probe(jdk.jvm());

        Figures.print("renamed jar, cpus=4: availableProcessors", jdk, agent.availableProcessors(),
                control.availableProcessors());
        assertEquals(4, agent.availableProcessors(), () -> "renamed jar with cpus=4: " + agent);
        assertEquals(hostCpus, control.availableProcessors(), () -> "without the agent: " + control);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TestJdks.class, mode = EnumSource.Mode.MATCH_ANY, names = TestJdks.FULL_MATRIX)
    void theAgentGivenTwiceAppliesOnceWithoutComplaint(TestJdks jdk) {
        int hostCpus = Figures.hostCpus();
        String option = ForkedJvm.javaagentOption(JAR, "cpus=4");

        JvmRun twice = Probes.run(jdk.jvm().withAgent(JAR, "cpus=4").withEnvironment("JAVA_TOOL_OPTIONS", option));
        ProbeResult control = Probes.probe(jdk.jvm());

        assertEquals(0, twice.exitCode(), twice::toString);
        ProbeResult agent = Probes.result(twice);
        Figures.print("agent twice (-javaagent + JAVA_TOOL_OPTIONS), cpus=4: availableProcessors/commonPool", jdk,
                agent.availableProcessors() + "/" + agent.commonPool(),
                control.availableProcessors() + "/" + control.commonPool());
        assertEquals(4, agent.availableProcessors(), twice::toString);
        assertEquals(3, agent.commonPool(), twice::toString);
        assertEquals(List.of(PICKED_UP + " " + option), twice.stderrLines(), "only the JVM's own line on stderr");
        assertEquals(hostCpus, control.availableProcessors(), () -> "without the agent: " + control);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TestJdks.class, mode = EnumSource.Mode.MATCH_ANY, names = TestJdks.FULL_MATRIX)
    void aGarbageValueStillStartsTheJvmWithOneLineNamingIt(TestJdks jdk) {
        int hostCpus = Figures.hostCpus();

        JvmRun run = Probes.run(jdk.jvm().withAgent(JAR, "cpus=banana"));
        assertEquals(0, run.exitCode(), run::toString);

        Figures.print("cpus=banana: exit/availableProcessors/stderr lines", jdk,
                run.exitCode() + "/" + Probes.result(run).availableProcessors() + "/" + run.stderrLines().size(),
                "0/" + hostCpus + "/0");
        assertEquals(1, run.stderrLines().size(), () -> "one line on stderr: " + run);
        assertTrue(run.stderrLines().get(0).contains("banana"), () -> "the line names the bad value: " + run);
        assertEquals(hostCpus, Probes.result(run).availableProcessors(), () -> "the JVM's own count stands: " + run);
    }
}
