package io.containerlimits.it.v2vm;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containerlimits.it.cgroup.JvmRun;
import io.containerlimits.it.probe.ProbeResult;
import io.containerlimits.it.support.TinyJson;
import java.util.ArrayList;
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
record GuestRows(String kernel, GuestJdk jdk, GuestResults results) {

    static final long MIB = 1L << 20;
    /** The 256 MiB the quota-0.5, nsmount and hog groups allow. */
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
        Object json = json(layout);
        figure(layout.key() + " CPUs", CpuFigures.of(agent), CpuFigures.of(control));
        assertAll(
                () -> assertEquals(CpuFigures.sizedFor(cpus, jdk), CpuFigures.of(agent), () -> "agent: " + agent),
                () -> assertEquals(guestSized(), CpuFigures.of(control), () -> "control: " + control),
                () -> assertEquals(String.valueOf(cpus), agent.publishedProperties().get("container.limits.cpus"),
                        () -> "published count: " + agent),
                () -> assertEquals(cpus, TinyJson.number(json, "cpu.count"), "json cpu.count"),
                () -> assertTrue(control.publishedProperties().isEmpty(), () -> "control publishes nothing: " + control));
    }

    private void floorAgainstControl() {
        ProbeResult floor = probe(Layout.QUOTA_ONE_AND_A_HALF, Layout.Variant.FLOOR);
        ProbeResult control = probe(Layout.QUOTA_ONE_AND_A_HALF, Layout.Variant.CONTROL);
        figure("quota 1.5 rounding=floor CPUs", CpuFigures.of(floor), CpuFigures.of(control));
        assertAll(
                () -> assertEquals(CpuFigures.sizedFor(1, jdk), CpuFigures.of(floor), () -> "agent: " + floor),
                () -> assertEquals(guestSized(), CpuFigures.of(control), () -> "control: " + control),
                () -> assertEquals(1.5, TinyJson.number(json(Layout.QUOTA_ONE_AND_A_HALF), "cpu.quota"), "json quota"));
    }

    private void memoryAgainstControl(Layout layout, long limit) {
        ProbeResult agent = probe(layout, Layout.Variant.AGENT);
        ProbeResult control = probe(layout, Layout.Variant.CONTROL);
        Object json = json(layout);
        figure(layout.key() + " memory published", agent.publishedProperties().get("container.limits.memory"), "none");
        assertAll(
                () -> assertEquals(String.valueOf(limit), agent.publishedProperties().get("container.limits.memory"),
                        () -> "agent: " + agent),
                () -> assertTrue(control.publishedProperties().isEmpty(), () -> "control: " + control),
                () -> assertEquals(limit, TinyJson.number(json, "memory.limit"), "json memory.limit"));
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
        Object json = json(Layout.QUOTA_HALF);
        ProbeResult seen = alone.probe();
        System.out.println("FIGURE " + jdk.label() + " v2 " + kernel + " | JVM alone in 256 MiB, 0.5 CPU: "
                + seen.get("javaVersion") + " availableProcessors " + seen.availableProcessors() + ", maxMemory "
                + Long.parseLong(seen.get("maxMemory")) / MIB + " MiB, -XshowSettings:system Memory Limit "
                + shownMemoryLimit(alone) + (isBlind(seen) ? ": BLIND" : ": sees the container"));
        List<String> warnings = agent.stderrLines().stream().filter(line -> line.startsWith("container-limits: "))
                .toList();
        assertAll(
                () -> assertEquals(0, alone.exitCode(), alone::toString),
                () -> assertEquals(0.5, TinyJson.number(json, "cpu.quota"), "json cpu.quota"),
                () -> assertEquals(LIMIT_256M, TinyJson.number(json, "memory.limit"), "json memory.limit"),
                () -> assertEquals("0.5", agent.probe().publishedProperties().get("container.limits.cpu.quota"),
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
        Object json = json(Layout.HIGH_AND_SWAP);
        figure("memory.high 256M, max 512M: published limit", agent.publishedProperties().get(
                "container.limits.memory"), "none");
        assertAll(
                () -> assertEquals(String.valueOf(512 * MIB), agent.publishedProperties().get("container.limits.memory"),
                        () -> "memory.high is not the limit: " + agent),
                () -> assertTrue(control.publishedProperties().isEmpty(), () -> "control: " + control),
                () -> assertEquals(512 * MIB, TinyJson.number(json, "memory.limit"), "json memory.limit"),
                () -> assertEquals(256 * MIB, TinyJson.number(json, "memory.high"), "json memory.high"));
    }

    private void swapAgainstControl() {
        ProbeResult agent = probe(Layout.HIGH_AND_SWAP, Layout.Variant.AGENT);
        ProbeResult control = probe(Layout.HIGH_AND_SWAP, Layout.Variant.CONTROL);
        Object json = json(Layout.HIGH_AND_SWAP);
        assertAll(
                () -> assertEquals(64 * MIB, TinyJson.number(json, "memory.swap"), "json memory.swap"),
                () -> assertEquals(String.valueOf(512 * MIB), agent.publishedProperties().get("container.limits.memory"),
                        () -> "swap is not added to the limit: " + agent),
                () -> assertTrue(control.publishedProperties().isEmpty(), () -> "control: " + control));
    }

    /** The JVM honours an affinity itself, even without container support: the agent's difference is publishing. */
    private void cpusetAgainstControl() {
        ProbeResult agent = probe(Layout.CPUSET, Layout.Variant.AGENT);
        ProbeResult control = probe(Layout.CPUSET, Layout.Variant.CONTROL);
        Object json = json(Layout.CPUSET);
        figure("cpuset 1-2 CPUs", CpuFigures.of(agent), CpuFigures.of(control));
        assertAll(
                () -> assertEquals(CpuFigures.sizedFor(2, jdk), CpuFigures.of(agent), () -> "agent: " + agent),
                () -> assertEquals(CpuFigures.sizedFor(2, jdk), CpuFigures.of(control), () -> "control: " + control),
                () -> assertEquals("2", agent.publishedProperties().get("container.limits.cpus"), agent::toString),
                () -> assertFalse(agent.publishedProperties().containsKey("container.limits.cpu.quota"),
                        () -> "no quota: " + agent),
                () -> assertTrue(control.publishedProperties().isEmpty(), () -> "control: " + control),
                () -> assertEquals(2, TinyJson.number(json, "cpu.affinity"), "json cpu.affinity"),
                () -> assertEquals(2, TinyJson.number(json, "cpu.count"), "json cpu.count"));
    }

    private void namespaceAgainstControl() {
        cpuAgainstControl(Layout.NAMESPACE_MOUNT, 1);
        Object json = json(Layout.NAMESPACE_MOUNT);
        assertAll(
                () -> assertEquals("v2 /sys/fs/cgroup", TinyJson.at(json, "cpu.cgroup"),
                        "inside its namespace the group is the mount's root"),
                () -> assertEquals(LIMIT_256M, TinyJson.number(json, "memory.limit"), "json memory.limit"));
    }

    private void kubepodsAgainstControl() {
        cpuAgainstControl(Layout.KUBEPODS, 1);
        ProbeResult agent = probe(Layout.KUBEPODS, Layout.Variant.AGENT);
        Object json = json(Layout.KUBEPODS);
        assertAll(
                () -> assertEquals(String.valueOf(LIMIT_256M), agent.publishedProperties().get("container.limits.memory"),
                        () -> "the pod's limit, not the container's 512 MiB: " + agent),
                () -> assertTrue(String.valueOf(TinyJson.at(json, "cpu.quotaSource"))
                        .contains("-pod0f1e2d3c_4b5a_4978_8a9b_0c1d2e3f4a5b.slice/cpu.max"), "json: the pod's quota"),
                () -> assertTrue(String.valueOf(TinyJson.at(json, "cpu.cgroup")).endsWith(".scope"),
                        "json: the container's scope is the process's group"));
    }

    /** The agent follows a lowered quota while the JVM runs; the control keeps the guest's count. */
    private void liveAgainstControl() {
        List<long[]> agent = liveLines(Layout.Variant.AGENT);
        List<long[]> control = liveLines(Layout.Variant.CONTROL);
        long rewritten = results.liveRewrittenAt(jdk, Layout.Variant.AGENT);
        // the agent re-reads at most once a second; a 0.5 quota under emulation may delay the loop a little more
        long settled = rewritten + 2500;
        List<Long> before = agent.stream().filter(l -> l[0] < rewritten).map(l -> l[1]).toList();
        List<Long> after = agent.stream().filter(l -> l[0] >= settled).map(l -> l[1]).toList();
        long firstChange = agent.stream().filter(l -> l[0] >= rewritten && l[1] == 1).mapToLong(l -> l[0] - rewritten)
                .findFirst().orElse(-1);
        figure("live: ms from the rewrite to the agent's 1", firstChange, "never");
        assertAll(
                () -> assertFalse(before.isEmpty(), "lines before the rewrite"),
                () -> assertTrue(before.stream().allMatch(n -> n == 2), () -> "2 CPUs before: " + before),
                () -> assertFalse(after.isEmpty(), "lines 2.5 s after the rewrite"),
                () -> assertTrue(after.stream().allMatch(n -> n == 1), () -> "1 CPU after: " + after),
                () -> assertTrue(control.stream().allMatch(l -> l[1] == CgroupV2GuestTest.GUEST_CPUS),
                        "control: the guest's count throughout"));
    }

    private List<long[]> liveLines(Layout.Variant variant) {
        JvmRun run = results.run(jdk, Layout.LIVE, variant);
        assertEquals(0, run.exitCode(), run::toString);
        List<long[]> lines = new ArrayList<>();
        run.stdout().lines().filter(line -> line.startsWith(GuestProbe.LIVE + "\t")).forEach(line -> {
            String[] fields = line.split("\t");
            lines.add(new long[] {Long.parseLong(fields[1]), Long.parseLong(fields[2])});
        });
        return lines;
    }

    /**
     * With what {@code flags} prints the hog gets the JVM's own {@code OutOfMemoryError}; alone, a JVM that saw the
     * limit does too, and one that did not (its heap above 256 MiB) is killed by the kernel, exit 137.
     */
    private void hogWithFlagsVsAlone() {
        JvmRun withFlags = results.run(jdk, Layout.HOG, Layout.Variant.HOG_FLAGS);
        JvmRun alone = results.run(jdk, Layout.HOG, Layout.Variant.HOG_ALONE);
        boolean blind = isBlind(results.run(jdk, Layout.QUOTA_HALF, Layout.Variant.ALONE).probe());
        figure("heap hog in 256 MiB: with flags / alone", hogOutcome(withFlags), hogOutcome(alone));
        assertAll(
                () -> assertTrue(results.hogFlags().contains("-Xmx"), () -> "flags sized a heap: " + results.hogFlags()),
                () -> assertEquals(0, withFlags.exitCode(), withFlags::toString),
                () -> assertTrue(withFlags.stdout().startsWith(GuestProbe.HOG + "\tOutOfMemoryError"),
                        withFlags::toString),
                () -> assertEquals(blind ? 137 : 0, alone.exitCode(),
                        () -> (blind ? "blind: the kernel's kill" : "sees the limit: its own OutOfMemoryError") + "\n"
                                + alone),
                () -> assertEquals(!blind, alone.stdout().startsWith(GuestProbe.HOG + "\tOutOfMemoryError"),
                        alone::toString));
    }

    /** {@code OutOfMemoryError at 90 MiB} or {@code killed (exit 137)}. */
    static String hogOutcome(JvmRun run) {
        String[] fields = run.stdout().trim().split("\t");
        return fields.length == 3 ? fields[1] + " at " + fields[2] + " MiB" : "killed (exit " + run.exitCode() + ")";
    }

    private ProbeResult probe(Layout layout, Layout.Variant variant) {
        JvmRun run = results.run(jdk, layout, variant);
        assertEquals(0, run.exitCode(), run::toString);
        return run.probe();
    }

    /** What the jar's {@code json} reported in the layout (the control's JVM ran it). */
    private Object json(Layout layout) {
        return TinyJson.parse(probe(layout, Layout.Variant.CONTROL).get("json"));
    }

    private CpuFigures guestSized() {
        return CpuFigures.sizedFor(CgroupV2GuestTest.GUEST_CPUS, jdk);
    }

    private void figure(String what, Object agent, Object control) {
        System.out.println("FIGURE " + jdk.label() + " v2 " + kernel + " | " + what + " | agent " + agent
                + " | control " + Objects.toString(control));
    }
}
