package io.containerlimits.it.v2vm;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.containerlimits.it.docker.HeapHog;
import io.containerlimits.it.probe.ProbeResult;
import io.containerlimits.it.support.TestJdks;
import io.containerlimits.testsupport.JvmRun;
import io.containerlimits.testsupport.StrictJson;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.Executable;

/**
 * The assertions on one JDK's runs in one layout, as named tests: {@code jdk17 v2 6.12 cpu.max 0.5 agent vs
 * control}. Every agent row has its control in the same layout: the same JVM with {@code -XX:-UseContainerSupport}
 * and no agent, which reports the guest's {@value CgroupV2GuestTest#GUEST_CPUS} CPUs (the agent's run hides the
 * limits from the JVM the same way, so what it reports is the agent's doing).
 *
 * @param kernel  the kernel's label, {@code 6.12}
 * @param jdk     the JDK
 * @param results what the guest left
 */
record GuestRows(String kernel, TestJdks jdk, GuestResults results) {

    static final long MIB = 1L << 20;
    /** A process the kernel killed with SIGKILL, as the shell reports it. */
    static final int KILLED = 137;
    /** The first JDK whose common pool can be resized ({@code ForkJoinPool.setParallelism}). */
    static final int SET_PARALLELISM = 19;
    /** LiveLimitProgram lines (100 ms each) after the rewrite by which the agent must have followed it. */
    static final int SETTLE_LINES = 25;
    /** Physical cores of the guest that runs the topology layout: 1 socket, 2 cores of 2 threads (BACKPORTS). */
    static final int TOPOLOGY_CORES = 2;
    /** The 256 MiB the quota-0.5, nsmount, unshare and hog groups allow. */
    static final long LIMIT_256M = 256 * MIB;

    /** The rows of {@code layout}. */
    List<DynamicTest> of(Layout layout) {
        return switch (layout) {
            case QUOTA_HALF -> List.of(
                    row("cpu.max 0.5 agent vs control", () -> cpuAgainstControl(layout, 1)),
                    row("memory.max 256M agent vs control", () -> memoryAgainstControl(layout, LIMIT_256M)),
                    row("memory.max 256M cpu.max 0.5 JVM alone, json and the agent's warning", this::blindCheck));
            case QUOTA_ONE_AND_A_HALF -> List.of(
                    row("cpu.max 1.5 ceil agent vs control", () -> cpuAgainstControl(layout, 2)),
                    row("cpu.max 1.5 floor agent vs control", this::floorAgainstControl));
            case PARENT -> List.of(
                    row("cpu.max 0.5 on the parent of an unlimited child agent vs control",
                            () -> cpuAgainstControl(layout, 1)),
                    row("memory.max 384M on the parent of a 1G child agent vs control",
                            () -> memoryAgainstControl(layout, 384 * MIB)));
            case HIGH_AND_SWAP -> List.of(
                    row("memory.high 256M below memory.max 512M agent vs control", this::highAgainstControl),
                    row("memory.swap.max 64M agent vs control", this::swapAgainstControl));
            case CPUSET -> List.of(row("cpuset.cpus 1-2 agent vs control", this::cpusetAgainstControl));
            case NAMESPACE_MOUNT -> List.of(row("cgroup namespace with cgroup2 mounted inside cpu.max 0.5 "
                    + "memory.max 256M agent vs control", this::namespaceAgainstControl));
            case NAMESPACE_NO_MOUNT -> List.of(row("cgroup namespace without a fresh mount (unshare -C) cpu.max 0.5 "
                    + "memory.max 256M agent vs control", this::unshareAgainstControl));
            case TOPOLOGY -> List.of(row("1 socket 2 cores 2 threads cores=physical agent vs control",
                    this::physicalAgainstControl));
            case KUBEPODS -> List.of(row("kubepods pod cpu.max 0.5 memory.max 256M over container 1.5 512M "
                    + "agent vs control", this::kubepodsAgainstControl));
            case LIVE -> List.of(row("cpu.max 2 rewritten to 0.5 while running agent vs control",
                    this::liveAgainstControl));
            case HOG -> List.of(row("memory.max 256M heap hog with flags vs alone", this::hogWithFlagsVsAlone));
        };
    }

    private DynamicTest row(String scenario, Executable check) {
        return DynamicTest.dynamicTest(jdk.label() + " v2 " + kernel + " " + scenario, check);
    }

    private void cpuAgainstControl(Layout layout, int cpus) {
        ProbeResult agent = probe(layout, Layout.Variant.AGENT);
        ProbeResult control = probe(layout, Layout.Variant.CONTROL);
        JsonNode json = json(layout);
        figure(layout.key() + " CPUs", CpuFigures.of(agent), CpuFigures.of(control));
        assertAll(
                () -> assertEquals(CpuFigures.sizedFor(cpus, agent), CpuFigures.of(agent), () -> "agent: " + agent),
                () -> assertEquals(guestSized(control), CpuFigures.of(control), () -> "control: " + control),
                () -> assertEquals(String.valueOf(cpus), published(agent, "cpus"),
                        () -> "published count: " + agent),
                () -> assertEquals(cpus, StrictJson.number(json, "cpu.count"), "json cpu.count"),
                () -> assertTrue(control.publishedProperties().isEmpty(), () -> "control: " + control));
    }

    private void floorAgainstControl() {
        ProbeResult floor = probe(Layout.QUOTA_ONE_AND_A_HALF, Layout.Variant.FLOOR);
        ProbeResult control = probe(Layout.QUOTA_ONE_AND_A_HALF, Layout.Variant.CONTROL);
        figure("quota 1.5 rounding=floor CPUs", CpuFigures.of(floor), CpuFigures.of(control));
        assertAll(
                () -> assertEquals(CpuFigures.sizedFor(1, floor), CpuFigures.of(floor), () -> "agent: " + floor),
                () -> assertEquals(guestSized(control), CpuFigures.of(control), () -> "control: " + control),
                () -> assertEquals(1.5, StrictJson.number(json(Layout.QUOTA_ONE_AND_A_HALF), "cpu.quota"),
                        "json quota"));
    }

    private void memoryAgainstControl(Layout layout, long limit) {
        ProbeResult agent = probe(layout, Layout.Variant.AGENT);
        ProbeResult control = probe(layout, Layout.Variant.CONTROL);
        JsonNode json = json(layout);
        figure(layout.key() + " memory published", published(agent, "memory"), "none");
        assertAll(
                () -> assertEquals(String.valueOf(limit), published(agent, "memory"),
                        () -> "agent: " + agent),
                () -> assertTrue(control.publishedProperties().isEmpty(), () -> "control: " + control),
                () -> assertEquals(limit, StrictJson.number(json, "memory.limit"), "json memory.limit"));
    }

    /**
     * What the JVM alone makes of 256 MiB and half a CPU (kernels after 6.12 blind JVMs without JDK-8349988), and
     * that {@code json} and the agent still find both limits. The agent's JVM cannot see the limit
     * ({@code -XX:-UseContainerSupport}), as a blind JVM cannot, so its heap is sized from the guest's memory and the
     * agent must warn, naming {@code flags}.
     */
    private void blindCheck() {
        JvmRun alone = results.run(jdk, Layout.QUOTA_HALF, Layout.Variant.ALONE);
        JvmRun agent = results.run(jdk, Layout.QUOTA_HALF, Layout.Variant.AGENT);
        JsonNode json = json(Layout.QUOTA_HALF);
        ProbeResult seen = probe(Layout.QUOTA_HALF, Layout.Variant.ALONE);
        System.out.println("FIGURE " + jdk.label() + " v2 " + kernel + " | JVM alone in 256 MiB, 0.5 CPU: "
                + javaVersion(json) + " availableProcessors " + seen.availableProcessors() + ", maxMemory "
                + Long.parseLong(seen.get("maxMemory")) / MIB + " MiB, -XshowSettings:system Memory Limit "
                + shownMemoryLimit(alone) + (isBlind(seen) ? ": BLIND" : ": sees the container"));
        List<String> warnings = agent.stderrLines().stream().filter(line -> line.startsWith("container-limits: "))
                .toList();
        assertAll(
                () -> assertEquals(0, alone.exitCode(), alone::toString),
                () -> assertEquals(0.5, StrictJson.number(json, "cpu.quota"), "json cpu.quota"),
                () -> assertEquals(LIMIT_256M, StrictJson.number(json, "memory.limit"), "json memory.limit"),
                () -> assertEquals("0.5", published(probe(Layout.QUOTA_HALF, Layout.Variant.AGENT), "cpu.quota"),
                        agent::toString),
                () -> assertEquals(1, warnings.size(), () -> "one warning from the agent: " + agent),
                () -> assertTrue(warnings.get(0).contains("256 MiB") && warnings.get(0).contains(" flags)"),
                        () -> "the warning names the limit and the fix (flags): " + warnings));
    }

    /** A JVM that sized itself from the guest (4 CPUs, or a heap above the 256 MiB limit) saw no container. */
    static boolean isBlind(ProbeResult alone) {
        return alone.availableProcessors() == CgroupV2GuestTest.GUEST_CPUS
                || Long.parseLong(alone.get("maxMemory")) > LIMIT_256M;
    }

    /** The "Memory Limit:" line of {@code -XshowSettings:system} (on stderr), or {@code none}. */
    static String shownMemoryLimit(JvmRun alone) {
        return alone.stderr().lines().map(String::trim).filter(line -> line.startsWith("Memory Limit:"))
                .map(line -> line.substring("Memory Limit:".length()).trim()).findFirst().orElse("none");
    }

    private void highAgainstControl() {
        ProbeResult agent = probe(Layout.HIGH_AND_SWAP, Layout.Variant.AGENT);
        ProbeResult control = probe(Layout.HIGH_AND_SWAP, Layout.Variant.CONTROL);
        JsonNode json = json(Layout.HIGH_AND_SWAP);
        figure("memory.high 256M, max 512M: published limit", published(agent, "memory"), "none");
        assertAll(
                () -> assertEquals(String.valueOf(512 * MIB), published(agent, "memory"),
                        () -> "memory.high is not the limit: " + agent),
                () -> assertTrue(control.publishedProperties().isEmpty(), () -> "control: " + control),
                () -> assertEquals(512 * MIB, StrictJson.number(json, "memory.limit"), "json memory.limit"),
                () -> assertEquals(256 * MIB, StrictJson.number(json, "memory.high"), "json memory.high"));
    }

    private void swapAgainstControl() {
        ProbeResult agent = probe(Layout.HIGH_AND_SWAP, Layout.Variant.AGENT);
        ProbeResult control = probe(Layout.HIGH_AND_SWAP, Layout.Variant.CONTROL);
        JsonNode json = json(Layout.HIGH_AND_SWAP);
        assertAll(
                () -> assertEquals(64 * MIB, StrictJson.number(json, "memory.swap"), "json memory.swap"),
                () -> assertEquals(String.valueOf(512 * MIB), published(agent, "memory"),
                        () -> "swap is not added to the limit: " + agent),
                () -> assertTrue(control.publishedProperties().isEmpty(), () -> "control: " + control));
    }

    /** The JVM honours an affinity itself, even without container support: the agent's difference is publishing. */
    private void cpusetAgainstControl() {
        ProbeResult agent = probe(Layout.CPUSET, Layout.Variant.AGENT);
        ProbeResult control = probe(Layout.CPUSET, Layout.Variant.CONTROL);
        JsonNode json = json(Layout.CPUSET);
        figure("cpuset 1-2 CPUs", CpuFigures.of(agent), CpuFigures.of(control));
        assertAll(
                () -> assertEquals(CpuFigures.sizedFor(2, agent), CpuFigures.of(agent), () -> "agent: " + agent),
                () -> assertEquals(CpuFigures.sizedFor(2, control), CpuFigures.of(control),
                        () -> "control: " + control),
                () -> assertEquals("2", published(agent, "cpus"), agent::toString),
                () -> assertFalse(agent.publishedProperties().containsKey("container.limits.cpu.quota"),
                        () -> "no quota: " + agent),
                () -> assertTrue(control.publishedProperties().isEmpty(), () -> "control: " + control),
                () -> assertEquals(2, StrictJson.number(json, "cpu.affinity"), "json cpu.affinity"),
                () -> assertEquals(2, StrictJson.number(json, "cpu.count"), "json cpu.count"));
    }

    private void namespaceAgainstControl() {
        cpuAgainstControl(Layout.NAMESPACE_MOUNT, 1);
        JsonNode json = json(Layout.NAMESPACE_MOUNT);
        assertAll(
                () -> assertEquals("v2 /sys/fs/cgroup", StrictJson.at(json, "cpu.cgroup").asText(),
                        "inside its namespace the group is the mount's root"),
                () -> assertEquals(LIMIT_256M, StrictJson.number(json, "memory.limit"), "json memory.limit"));
    }

    /**
     * {@code unshare -C} without a fresh mount: {@code 0::/} and a mount root of {@code /..}. The agent and
     * {@code json} find the group by its {@code cgroup.procs}; the JVM alone (in the table) misses it.
     */
    private void unshareAgainstControl() {
        cpuAgainstControl(Layout.NAMESPACE_NO_MOUNT, 1);
        JsonNode json = json(Layout.NAMESPACE_NO_MOUNT);
        ProbeResult agent = probe(Layout.NAMESPACE_NO_MOUNT, Layout.Variant.AGENT);
        String group = "/sys/fs/cgroup/container-limits-test-" + Layout.NAMESPACE_NO_MOUNT.key() + "-"
                + jdk.feature() + "-";
        assertAll(
                () -> assertEquals("v2 " + group + Layout.Variant.CONTROL.key(),
                        StrictJson.at(json, "cpu.cgroup").asText(), "json: the group the search found"),
                () -> assertEquals(LIMIT_256M, StrictJson.number(json, "memory.limit"), "json memory.limit"),
                () -> assertEquals(String.valueOf(LIMIT_256M), published(agent, "memory"), agent::toString));
    }

    /**
     * The guest's 4 CPUs are 2 cores of 2 threads: {@code json} counts 2 physical cores, the agent with
     * {@code cores=physical} sizes the JVM for 2, the control keeps 4.
     */
    private void physicalAgainstControl() {
        ProbeResult physical = probe(Layout.TOPOLOGY, Layout.Variant.PHYSICAL);
        ProbeResult control = probe(Layout.TOPOLOGY, Layout.Variant.CONTROL);
        JsonNode json = json(Layout.TOPOLOGY);
        figure("topology 2 cores x 2 threads, cores=physical CPUs", CpuFigures.of(physical), CpuFigures.of(control));
        figure("topology json cpu.physicalCores / cpu.count", StrictJson.number(json, "cpu.physicalCores"),
                StrictJson.number(json, "cpu.count"));
        assertAll(
                () -> assertEquals(CpuFigures.sizedFor(TOPOLOGY_CORES, physical), CpuFigures.of(physical),
                        () -> "agent: " + physical),
                () -> assertEquals(guestSized(control), CpuFigures.of(control), () -> "control: " + control),
                () -> assertEquals(TOPOLOGY_CORES, StrictJson.number(json, "cpu.physicalCores"),
                        () -> "json cpu.physicalCores; the guest's topology: " + results.topology()),
                () -> assertEquals(CgroupV2GuestTest.GUEST_CPUS, StrictJson.number(json, "cpu.count"),
                        "json cpu.count: logical by default"));
    }

    private void kubepodsAgainstControl() {
        cpuAgainstControl(Layout.KUBEPODS, 1);
        ProbeResult agent = probe(Layout.KUBEPODS, Layout.Variant.AGENT);
        JsonNode json = json(Layout.KUBEPODS);
        assertAll(
                () -> assertEquals(String.valueOf(LIMIT_256M), published(agent, "memory"),
                        () -> "the pod's limit, not the container's 512 MiB: " + agent),
                () -> assertTrue(StrictJson.at(json, "cpu.quotaSource").asText()
                        .contains("-pod0f1e2d3c_4b5a_4978_8a9b_0c1d2e3f4a5b.slice/cpu.max"), "json: the pod's quota"),
                () -> assertTrue(StrictJson.at(json, "cpu.cgroup").asText().endsWith(".scope"),
                        "json: the container's scope is the process's group"));
    }

    /**
     * The agent follows a lowered quota while the JVM runs ({@code LiveLimitProgram}, a line every 100 ms: count and
     * common pool): 3 CPUs and a pool of 2, then 1 and a pool of 1 (on 19+, where the watcher resizes the common pool;
     * earlier JDKs keep 2). With the guest's 4 CPUs a start count of 3 is one the agent corrects, and both pools differ
     * from 1, which a 2-CPU machine cannot show. The control keeps the guest's 4 and 3.
     */
    private void liveAgainstControl() {
        List<int[]> agent = liveLines(Layout.Variant.AGENT);
        List<int[]> control = liveLines(Layout.Variant.CONTROL);
        int rewrite = results.liveLinesBeforeRewrite(jdk, Layout.Variant.AGENT);
        int poolAfter = jdk.feature() >= SET_PARALLELISM ? 1 : 2;
        // the agent re-reads at most once a second: 25 lines (2.5 s or more) after the rewrite it must have followed
        List<int[]> before = agent.subList(0, Math.min(rewrite, agent.size()));
        List<int[]> after = agent.subList(Math.min(rewrite + SETTLE_LINES, agent.size()), agent.size());
        List<int[]> since = agent.subList(Math.min(rewrite, agent.size()), agent.size());
        int firstOne = -1;
        for (int i = 0; i < since.size() && firstOne < 0; i++) {
            firstOne = since.get(i)[0] == 1 && since.get(i)[1] == poolAfter ? i : -1;
        }
        figure("live: lines (100 ms each) from the rewrite to the agent's 1 CPU, pool " + poolAfter, firstOne,
                "never");
        assertAll(
                () -> assertFalse(before.isEmpty(), "lines before the rewrite"),
                () -> assertTrue(before.stream().allMatch(n -> n[0] == 3 && n[1] == 2),
                        () -> "3 CPUs, pool 2 before: " + show(before)),
                () -> assertFalse(after.isEmpty(), () -> "lines 2.5 s after the rewrite: " + show(agent)),
                () -> assertTrue(after.stream().allMatch(n -> n[0] == 1 && n[1] == poolAfter),
                        () -> "1 CPU, pool " + poolAfter + " after: " + show(after)),
                () -> assertFalse(control.isEmpty(), "control lines"),
                () -> assertTrue(control.stream().allMatch(n -> n[0] == CgroupV2GuestTest.GUEST_CPUS
                        && n[1] == CgroupV2GuestTest.GUEST_CPUS - 1),
                        () -> "control: the guest's count and pool throughout: " + show(control)));
    }

    /** Count and common pool of each line. */
    private List<int[]> liveLines(Layout.Variant variant) {
        JvmRun run = results.run(jdk, Layout.LIVE, variant);
        assertEquals(0, run.exitCode(), run::toString);
        return run.stdout().lines().filter(line -> !line.isBlank())
                .map(line -> Arrays.stream(line.trim().split(" ")).mapToInt(Integer::parseInt).toArray()).toList();
    }

    private static String show(List<int[]> lines) {
        return lines.stream().map(Arrays::toString).toList().toString();
    }

    /**
     * With what {@code flags} prints the hog gets the JVM's own {@code OutOfMemoryError}; alone, a JVM that saw the
     * limit does too, and one that did not (its heap above 256 MiB) is killed by the kernel, exit 137.
     */
    private void hogWithFlagsVsAlone() {
        JvmRun withFlags = results.run(jdk, Layout.HOG, Layout.Variant.HOG_FLAGS);
        JvmRun alone = results.run(jdk, Layout.HOG, Layout.Variant.HOG_ALONE);
        boolean blind = isBlind(probe(Layout.QUOTA_HALF, Layout.Variant.ALONE));
        figure("heap hog in 256 MiB: with flags / alone", hogOutcome(withFlags), hogOutcome(alone));
        assertAll(
                () -> assertTrue(results.hogFlags().contains("-Xmx"), () -> "flags sized a heap: "
                        + results.hogFlags()),
                () -> assertEquals(HeapHog.EXIT_OUT_OF_MEMORY, withFlags.exitCode(), withFlags::toString),
                () -> assertEquals(blind ? KILLED : HeapHog.EXIT_OUT_OF_MEMORY, alone.exitCode(),
                        () -> (blind ? "blind: the kernel's kill" : "sees the limit: its own OutOfMemoryError") + "\n"
                                + alone));
    }

    /** {@code OutOfMemoryError after 90 MiB} or {@code killed (exit 137)}. */
    static String hogOutcome(JvmRun run) {
        return run.stdout().lines().filter(line -> line.contains("OutOfMemoryError")).findFirst()
                .map(line -> "OutOfMemoryError" + line.substring(line.lastIndexOf(" after ")))
                .orElse("killed (exit " + run.exitCode() + ")");
    }

    private ProbeResult probe(Layout layout, Layout.Variant variant) {
        return probe(results.run(jdk, layout, variant));
    }

    /** The probe line of a run that must have ended well. */
    static ProbeResult probe(JvmRun run) {
        assertEquals(0, run.exitCode(), run::toString);
        return ProbeResult.parse(run.stdout(), run::toString);
    }

    /** What the jar's {@code json} reported in the layout: the control's JVM ran it. */
    private JsonNode json(Layout layout) {
        return json(results.run(jdk, layout, Layout.Variant.CONTROL));
    }

    /** The {@code JSON} line GuestProbe printed after the probe's. */
    static JsonNode json(JvmRun control) {
        String marker = GuestProbe.JSON + "\t";
        return StrictJson.tree(control.stdout().lines().filter(line -> line.startsWith(marker)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no json line in " + control))
                .substring(marker.length()));
    }

    /** The full version the JVM reported in {@code json} ({@code 1.8.0_504}, {@code 21.0.13.1}). */
    static String javaVersion(JsonNode json) {
        return StrictJson.at(json, "jvm.javaVersion").asText();
    }

    /** A {@code container.limits.<key>} property the agent published, or {@code null}. */
    static String published(ProbeResult probe, String key) {
        return probe.publishedProperties().get("container.limits." + key);
    }

    private static CpuFigures guestSized(ProbeResult probe) {
        return CpuFigures.sizedFor(CgroupV2GuestTest.GUEST_CPUS, probe);
    }

    private void figure(String what, Object agent, Object control) {
        System.out.println("FIGURE " + jdk.label() + " v2 " + kernel + " | " + what + " | agent " + agent
                + " | control " + Objects.toString(control));
    }
}
