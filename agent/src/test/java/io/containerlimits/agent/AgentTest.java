package io.containerlimits.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containerlimits.ContainerLimits;
import io.containerlimits.Limits;
import io.containerlimits.LogLevel;
import io.containerlimits.Settings;
import io.containerlimits.agent.boot.AvailableProcessors;
import io.containerlimits.agent.boot.AvailableProcessorsTestAccess;
import io.containerlimits.jvmoptions.UserJvmOptions;
import io.containerlimits.watch.Feed;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What premain applies, for given settings, detection and JVM count; no global state is touched. */
class AgentTest {

    private static final long GIB = 1L << 30;
    private static final byte[] PLAIN_CMDLINE = "java\0-cp\0app.jar\0Main\0".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path temp;

    private final Properties properties = new Properties();
    private Agent agent;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<ClassFileTransformer> transformers = new ArrayList<>();
    private final Instrumentation instrumentation = (Instrumentation) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {Instrumentation.class}, (proxy, method, args) -> {
                if (method.getName().equals("addTransformer")) {
                    transformers.add((ClassFileTransformer) args[0]);
                }
                return method.getReturnType() == boolean.class ? Boolean.FALSE : null;
            });

    @AfterEach
    void resetHelper() {
        AvailableProcessorsTestAccess.reset();
    }

    /** Runs the agent after detection; {@code String.class} stands for a premain class the boot loader defined. */
    private void run(String arguments, int jvmCpus, long maxHeap, int javaFeature, byte[] cmdline) {
        Settings settings = Settings.resolve(arguments + ",root=" + temp, Map.of(), new ArrayList<>());
        Limits limits = ContainerLimits.detect(settings);
        Log log = new Log(settings.log(), new PrintStream(err, true, StandardCharsets.UTF_8));
        agent = new Agent(settings, Map.of(), instrumentation, String.class, log, properties, javaFeature,
                UserJvmOptions.of(Map.of(), cmdline));
        agent.run(limits, jvmCpus, maxHeap);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void equalCountSetsNothingButThePublishedValues() {
        run("cpus=2", 2, GIB / 4, 21, PLAIN_CMDLINE);
        Map<Object, Object> expected = new HashMap<>();
        expected.put("container.limits.cpus", "2");
        expected.put("container.limits.version", properties.getProperty("container.limits.version"));
        assertEquals(expected, new HashMap<>(properties), "no pool property when the JVM already reports 2");
        assertTrue(transformers.isEmpty(), "no transformer either");
        assertEquals("", stderr(), "quiet by default");
    }

    @Test
    void differentCountSetsEveryCpuPropertyAndInstallsTheRewrite() {
        run("cpus=4", 2, GIB / 4, 21, PLAIN_CMDLINE);
        assertEquals("3", properties.get("java.util.concurrent.ForkJoinPool.common.parallelism"), "max(1, 4 - 1)");
        assertEquals("4", properties.get("jdk.virtualThreadScheduler.parallelism"));
        assertEquals("4", properties.get("io.netty.availableProcessors"));
        assertEquals("4", properties.get("io.grpc.netty.shaded.io.netty.availableProcessors"));
        assertEquals("4", properties.get("reactor.schedulers.defaultPoolSize"));
        assertEquals("4", properties.get("JETTY_AVAILABLE_PROCESSORS"));
        assertEquals("4", properties.get("container.limits.cpus"));
        assertEquals(1, transformers.size(), "the call-site rewrite");
        assertEquals(4, AvailableProcessors.current(), "rewritten callers get the count");
        assertEquals("", stderr());
    }

    @Test
    void oneCpuGivesCommonPoolParallelismOne() {
        run("cpus=1", 2, GIB / 4, 17, PLAIN_CMDLINE);
        assertEquals("1", properties.get("java.util.concurrent.ForkJoinPool.common.parallelism"), "max(1, 1 - 1)");
    }

    @Test
    void virtualThreadPropertyOnlyOnJava21AndLater() {
        run("cpus=4", 2, GIB / 4, 17, PLAIN_CMDLINE);
        assertNull(properties.get("jdk.virtualThreadScheduler.parallelism"), "no virtual threads on 17");
        assertEquals("3", properties.get("java.util.concurrent.ForkJoinPool.common.parallelism"));
    }

    @Test
    void userSetPropertiesAreNeverOverwritten() {
        properties.setProperty("io.netty.availableProcessors", "8");
        properties.setProperty("java.util.concurrent.ForkJoinPool.common.parallelism", "5");
        properties.setProperty("container.limits.cpus", "16");
        run("cpus=4,log=debug", 2, GIB / 4, 21, PLAIN_CMDLINE);
        assertEquals("8", properties.get("io.netty.availableProcessors"));
        assertEquals("5", properties.get("java.util.concurrent.ForkJoinPool.common.parallelism"));
        assertEquals("16", properties.get("container.limits.cpus"));
        assertEquals("4", properties.get("reactor.schedulers.defaultPoolSize"), "the rest is still set");
        assertTrue(stderr().contains("leaving io.netty.availableProcessors=8: set by user"), stderr());
    }

    @Test
    void rewriteFalseSetsPropertiesButInstallsNoTransformer() {
        run("cpus=4,rewrite=false", 2, GIB / 4, 21, PLAIN_CMDLINE);
        assertEquals("3", properties.get("java.util.concurrent.ForkJoinPool.common.parallelism"));
        assertTrue(transformers.isEmpty());
        assertEquals(0, AvailableProcessors.current());
    }

    @Test
    void activeProcessorCountLeavesEverythingCpuRelatedAloneButStillPublishes() {
        byte[] cmdline = "java\0-XX:ActiveProcessorCount=2\0-cp\0app.jar\0Main\0".getBytes(StandardCharsets.UTF_8);
        run("cpus=4,log=info", 2, GIB / 4, 21, cmdline);
        assertEquals("4", properties.get("container.limits.cpus"), "detected and published");
        assertFalse(properties.containsKey("java.util.concurrent.ForkJoinPool.common.parallelism"));
        assertFalse(properties.containsKey("io.netty.availableProcessors"));
        assertTrue(transformers.isEmpty());
        assertTrue(stderr().contains("-XX:ActiveProcessorCount=2 given"), stderr());
    }

    @Test
    void anActiveProcessorCountOfMinusOneIsNotSetSoTheCountIsApplied() {
        byte[] cmdline = "java\0-XX:ActiveProcessorCount=-1\0-cp\0app.jar\0Main\0".getBytes(StandardCharsets.UTF_8);
        run("cpus=4", 2, GIB / 4, 21, cmdline);
        assertEquals("3", properties.get("java.util.concurrent.ForkJoinPool.common.parallelism"), "HotSpot's default");
        assertEquals(1, transformers.size());
    }

    @Test
    void quotaFromTheCgroupIsPublishedWithMemory() {
        FixtureRoot.cgroupV2(temp, "50000 100000", "268435456");
        run("log=info", 2, 64L << 20, 17, PLAIN_CMDLINE);
        assertEquals("1", properties.get("container.limits.cpus"), "0.5 CPUs rounded up");
        assertEquals("0.5", properties.get("container.limits.cpu.quota"));
        assertEquals("268435456", properties.get("container.limits.memory"));
        assertEquals("1", properties.get("java.util.concurrent.ForkJoinPool.common.parallelism"));
        String line = stderr().trim();
        assertFalse(line.contains("\n"), "log=info is one line: " + line);
        assertTrue(line.startsWith("container-limits "), line);
        // The report's derivation (CpuPolicyTest), then where the quota was read.
        assertTrue(line.contains(": cpus=1 (quota 0.5, rounded ceil, min 1, capped by affinity 2), quota=0.5 "
                + "(/sys/fs/cgroup/cpu.max (level 1 of 1 from the leaf) 50000/100000), memory="), line);
        assertTrue(line.contains("memory=256 MiB; applied: common pool 1, rewrite on, properties "), line);
        assertEquals(Follow.CALLERS, agent.resizable(), "JDK 17: only rewritten callers follow");
    }

    @Test
    void onJava19AndLaterAFollowedCountLeavesTheCommonPoolPropertyToTheRewrite() {
        FixtureRoot.cgroupV2(temp, "50000 100000", "268435456");
        run("log=info", 2, 64L << 20, 21, PLAIN_CMDLINE);
        assertFalse(properties.containsKey("java.util.concurrent.ForkJoinPool.common.parallelism"),
                "the property would forbid setParallelism; the rewritten constructor sizes the pool");
        assertEquals("1", properties.get("jdk.virtualThreadScheduler.parallelism"), "resizable all the same");
        assertEquals("1", properties.get("io.netty.availableProcessors"));
        assertEquals(1, AvailableProcessors.current());
        assertTrue(stderr().contains("applied: common pool 1 (by the rewrite), rewrite on, properties "), stderr());
        assertEquals(Follow.CALLERS | Follow.COMMON_POOL | Follow.VIRTUAL_THREADS, agent.resizable());
    }

    @Test
    void aFixedCountOrFollowFalseKeepsTheCommonPoolPropertyOnJava19AndLater() {
        run("cpus=4", 2, GIB / 4, 25, PLAIN_CMDLINE);
        assertEquals("3", properties.get("java.util.concurrent.ForkJoinPool.common.parallelism"), "cpus= never moves");
        properties.clear();
        FixtureRoot.cgroupV2(temp, "50000 100000", "268435456");
        run("follow=false", 2, GIB / 4, 25, PLAIN_CMDLINE);
        assertEquals("1", properties.get("java.util.concurrent.ForkJoinPool.common.parallelism"), "follow=false");
        properties.clear();
        run("rewrite=false", 2, GIB / 4, 25, PLAIN_CMDLINE);
        assertEquals("1", properties.get("java.util.concurrent.ForkJoinPool.common.parallelism"),
                "without the rewrite only the property sizes the pool");
        assertEquals(Follow.VIRTUAL_THREADS, agent.resizable(), "the virtual-thread scheduler still follows");
    }

    @Test
    void anEqualCountLeavesBothPoolsResizableAndAUserPropertyFixesItsPool() {
        run("", 2, GIB / 4, 25, PLAIN_CMDLINE);
        assertEquals(Follow.COMMON_POOL | Follow.VIRTUAL_THREADS, agent.resizable(), "nothing set, nothing fixed");
        properties.clear();
        properties.setProperty("jdk.virtualThreadScheduler.parallelism", "3");
        run("", 2, GIB / 4, 25, PLAIN_CMDLINE);
        assertEquals(Follow.COMMON_POOL, agent.resizable(), "the user's scheduler property");
        properties.clear();
        run("", 2, GIB / 4, 17, PLAIN_CMDLINE);
        assertEquals(0, agent.resizable(), "JDK 17: nothing to resize without the rewrite");
    }

    @Test
    void theInfoLineWritesSizesAsTheReportDoes() {
        // 1.25 GiB: one decimal rounded half up, the report's rule (ReportTest), not "1.25 GiB".
        run("memory=1280m,log=info", 2, 64L << 20, 21, PLAIN_CMDLINE);
        assertTrue(stderr().contains(", memory=1.3 GiB; applied: "), stderr());
    }

    @Test
    void theInfoLineSaysWhyThereIsNoQuotaAndWhenTheAffinityIsTheJvmsOwn() throws IOException {
        FixtureRoot.cgroupV2(temp, "max 100000", "max");
        Files.delete(temp.resolve("proc/self/status"));
        run("log=info", 2, GIB / 4, 21, PLAIN_CMDLINE);
        int jvm = Runtime.getRuntime().availableProcessors();
        assertTrue(stderr().contains(": cpus=" + jvm + " (affinity: no quota applies), quota=none (cpu.max: no limit"
                + " at any of 1 levels from /sys/fs/cgroup), affinity=" + jvm
                + " (the JVM's count: /proc/self/status: "), stderr());
        assertTrue(stderr().contains(", memory=no limit; applied: "), stderr());
    }

    @Test
    void noQuotaAndNoLimitPublishesNeitherValue() {
        FixtureRoot.cgroupV2(temp, "max 100000", "max");
        run("", 2, GIB, 21, PLAIN_CMDLINE);
        assertFalse(properties.containsKey("container.limits.cpu.quota"));
        assertFalse(properties.containsKey("container.limits.memory"));
        assertEquals("2", properties.get("container.limits.cpus"), "the affinity count");
    }

    @Test
    void heapThatCannotFitWarnsOnceWithTheFix() {
        run("memory=512m", 2, GIB, 21, PLAIN_CMDLINE);
        String warning = stderr();
        assertEquals(1, warning.lines().count(), warning);
        assertTrue(warning.startsWith("container-limits: the heap may grow to 1 GiB"), warning);
        assertTrue(warning.contains("memory limit is 512 MiB"), warning);
        assertTrue(warning.contains("exit 137") && warning.contains("without an OutOfMemoryError"), warning);
        // 210 MiB: what flags computes for 512 MiB, so that the message and the command agree.
        assertTrue(warning.contains("-Xmx210m") && warning.contains(" flags) $JAVA_TOOL_OPTIONS"), warning);
    }

    @Test
    void heapThatFitsDoesNotWarn() {
        run("memory=512m", 2, 128L << 20, 21, PLAIN_CMDLINE);
        assertEquals("", stderr());
    }

    @Test
    void logOffSilencesTheMemoryWarning() {
        run("memory=512m,log=off", 2, GIB, 21, PLAIN_CMDLINE);
        assertEquals("", stderr());
    }

    @Test
    void badValueIsOneLineAndIgnored() {
        Agent.start("cpus=lots,follow=false,root=" + temp, Map.of(), instrumentation, String.class,
                new PrintStream(err, true, StandardCharsets.UTF_8), properties,
                UserJvmOptions.of(Map.of(), PLAIN_CMDLINE));
        assertEquals(1, stderr().lines().count(), stderr());
        assertTrue(stderr().startsWith("container-limits: ignoring agent argument cpus=lots"), stderr());
        assertTrue(properties.containsKey("container.limits.cpus"), "the agent still ran, on detection");
    }

    @Test
    void badEnvironmentValueIsReportedToo() {
        Agent.start("follow=false,root=" + temp, Map.of("CONTAINER_LIMITS_MEMORY", "a lot"), instrumentation,
                String.class,
                new PrintStream(err, true, StandardCharsets.UTF_8), properties,
                UserJvmOptions.of(Map.of(), PLAIN_CMDLINE));
        assertTrue(stderr().contains("CONTAINER_LIMITS_MEMORY"), stderr());
    }

    @Test
    void enabledFalseSetsNothing() {
        FixtureRoot.cgroupV2(temp, "50000 100000", "268435456");
        Agent.start("root=" + temp, Map.of("CONTAINER_LIMITS_ENABLED", "false", "CONTAINER_LIMITS_LOG", "debug"),
                instrumentation, String.class, new PrintStream(err, true, StandardCharsets.UTF_8), properties, null);
        assertTrue(properties.isEmpty(), "nothing published");
        assertTrue(transformers.isEmpty());
        assertEquals("container-limits: enabled=false: nothing read, nothing set", stderr().trim());
    }

    @Test
    void logLevelDebugSaysWhyAndInfoDoesNotAtWarn() {
        run("cpus=4,log=debug", 2, GIB / 4, 21, PLAIN_CMDLINE);
        assertTrue(stderr().contains("container-limits: set java.util.concurrent.ForkJoinPool.common.parallelism=3"),
                stderr());
        assertEquals(LogLevel.WARN, Settings.defaults().log(), "the default prints only warnings");
    }

    /** Premain as the JVM runs it, on a core fixture tree; returns the properties it set. */
    private Properties start(String arguments, Map<String, String> environment, String fixture) {
        Properties set = new Properties();
        Agent.start(arguments + ",root=" + Paths.get("..", "core", "src", "test", "resources", "fixtures", fixture,
                "root"), environment, instrumentation, String.class, new PrintStream(err, true, StandardCharsets.UTF_8),
                set, UserJvmOptions.of(Map.of(), PLAIN_CMDLINE));
        return set;
    }

    @Test
    void coresPhysicalSizesForThePhysicalCoresOfTheAffinity() {
        // 8 logical CPUs in 4 two-thread cores, all allowed; the control is the same start without cores=physical.
        Properties physical = start("cores=physical,log=info", Map.of(), "smt-all-threads-allowed");
        assertEquals("4", physical.get("container.limits.cpus"));
        assertEquals("3", physical.get("java.util.concurrent.ForkJoinPool.common.parallelism"), "max(1, 4 - 1)");
        assertEquals("4", physical.get("io.netty.availableProcessors"));
        assertTrue(stderr().contains("cpus=4 (cores=physical: the physical cores of the 8 allowed CPUs), quota=none"),
                stderr());
        assertTrue(stderr().contains(", physicalCores=4 (/sys/devices/system/cpu/cpuN/topology/core_cpus_list of 8"
                + " allowed CPUs), memory="), stderr());
        Properties logical = start("log=off", Map.of(), "smt-all-threads-allowed");
        assertEquals("8", logical.get("container.limits.cpus"));
        assertEquals("7", logical.get("java.util.concurrent.ForkJoinPool.common.parallelism"));
    }

    @Test
    void coresPhysicalFromTheEnvironmentAndAnExplicitCountStillWins() {
        assertEquals("2", start("", Map.of("CONTAINER_LIMITS_CORES", "physical"), "smt-two-cores-both-threads")
                .get("container.limits.cpus"));
        assertEquals("3", start("cpus=3", Map.of("CONTAINER_LIMITS_CORES", "physical"), "smt-two-cores-both-threads")
                .get("container.limits.cpus"));
        assertEquals("", stderr());
    }

    @Test
    void aBadCoresValueIsOneLineAndIgnored() {
        Properties set = start("cores=threads", Map.of(), "smt-two-cores-both-threads");
        assertEquals("container-limits: ignoring agent argument cores=threads: expected logical or physical\n",
                stderr());
        assertEquals("4", set.get("container.limits.cpus"), "the logical count");
    }

    @Test
    void unknownPhysicalCoresWarnOnceAndTheLogicalCountStands() {
        Properties set = start("cores=physical", Map.of(), "topology-missing");
        assertEquals("8", set.get("container.limits.cpus"));
        assertEquals("container-limits: cores=physical: physical cores unknown (/sys/devices/system/cpu/cpu0/topology:"
                + " no core_cpus_list, thread_siblings_list or core_id); counting logical CPUs\n", stderr());
    }

    @Test
    void theTopologyIsReadOnlyForCoresPhysical() {
        start("log=debug", Map.of(), "smt-all-threads-allowed");
        assertFalse(stderr().contains("physical cores"), "cores=logical reads no topology file:\n" + stderr());
        err.reset();
        start("log=debug,cores=physical", Map.of(), "smt-all-threads-allowed");
        assertTrue(stderr().contains("container-limits: detection: physical cores: 4 by "), stderr());
    }

    @Test
    void theWatchApiARenamedJarLoadsFirstIsTheWholeWatchPackage() throws Exception {
        Set<String> compiled = new TreeSet<>();
        Path core = Path.of(Feed.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        // core's classes directory in a module build, its jar in a reactor's verify
        try (FileSystem jar = Files.isDirectory(core) ? null : FileSystems.newFileSystem(core, (ClassLoader) null)) {
            Path watch = (jar == null ? core : jar.getPath("/")).resolve("io/containerlimits/watch");
            try (Stream<Path> files = Files.list(watch)) {
                files.map(f -> f.getFileName().toString().replace("/", ""))
                        .filter(name -> name.endsWith(".class") && !name.equals("package-info.class"))
                        .forEach(name -> compiled.add("io.containerlimits.watch." + name.replace(".class", "")));
            }
        }
        compiled.add("io.containerlimits.LimitsListener");
        compiled.add("io.containerlimits.Watch");
        assertEquals(compiled, new TreeSet<>(List.of(Agent.WATCH_API)));
    }

    @Test
    void javaFeatureReadsOldAndNewVersionStrings() {
        assertEquals(8, Agent.javaFeature("1.8"));
        assertEquals(17, Agent.javaFeature("17"));
        assertEquals(25, Agent.javaFeature("25"));
        assertEquals(8, Agent.javaFeature(null));
    }
}
