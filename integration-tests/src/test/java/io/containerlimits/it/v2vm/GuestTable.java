package io.containerlimits.it.v2vm;

import io.containerlimits.it.probe.ProbeResult;
import io.containerlimits.it.support.TestJdks;
import io.containerlimits.testsupport.JvmRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The README's table, one kernel's part: per JDK and layout, what the JVM alone reported and what it reported with
 * the agent (or, for the hog, with {@code flags}), written to {@code table.tsv} in the kernel's result directory from
 * the guest's raw results, whether or not the rows' assertions pass. {@code integration-tests/v2vm/readme-table.sh}
 * turns the files of the last run into the README's Markdown.
 *
 * <p>Columns: kernel, JDK, Java version, scenario, JVM alone, with the agent.
 */
final class GuestTable {

    private GuestTable() {
        throw new UnsupportedOperationException("static holder");
    }

    /** Writes {@code table.tsv} for the layouts of {@code plan} that have a JVM-alone run. */
    static void write(String kernel, GuestResults results, List<GuestPlan> plan) {
        List<String> lines = new ArrayList<>();
        for (GuestPlan step : plan) {
            try {
                cells(step.layout(), step.jdk(), results).ifPresent(cells -> lines.add(kernel + "\t"
                        + step.jdk().feature() + "\t" + javaVersion(step.jdk(), results) + "\t" + cells));
            } catch (RuntimeException e) {
                lines.add(kernel + "\t" + step.jdk().feature() + "\t?\t" + step.layout().key() + "\tno result\t"
                        + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        try {
            Files.write(results.directory().resolve("table.tsv"), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code scenario<TAB>alone<TAB>agent}, or nothing for a layout without a JVM-alone run. */
    private static Optional<String> cells(Layout layout, TestJdks jdk, GuestResults results) {
        String scenario = switch (layout) {
            case QUOTA_HALF -> "cpu.max 0.5, memory.max 256M";
            case PARENT -> "parent cpu.max 0.5, memory.max 384M; child unlimited, 1G";
            case NAMESPACE_MOUNT -> "cgroup namespace, cgroup2 mounted inside; cpu.max 0.5, memory.max 256M";
            case NAMESPACE_NO_MOUNT -> "cgroup namespace without a fresh mount (unshare -C); cpu.max 0.5, "
                    + "memory.max 256M";
            case KUBEPODS -> "kubepods: pod cpu.max 0.5, memory.max 256M; container 1.5, 512M";
            case HOG -> "heap hog in memory.max 256M";
            default -> null;
        };
        if (scenario == null) {
            return Optional.empty();
        }
        if (layout == Layout.HOG) {
            return Optional.of(scenario + "\t" + GuestRows.hogOutcome(run(results, jdk, layout,
                    Layout.Variant.HOG_ALONE)) + "\twith flags: " + GuestRows.hogOutcome(run(results, jdk, layout,
                    Layout.Variant.HOG_FLAGS)));
        }
        ProbeResult alone = GuestRows.probe(run(results, jdk, layout, Layout.Variant.ALONE));
        ProbeResult agent = GuestRows.probe(run(results, jdk, layout, Layout.Variant.AGENT));
        long limit = Long.parseLong(GuestRows.published(agent, "memory"));
        long heap = Long.parseLong(alone.get("maxMemory"));
        // what the agent found is the reference: a JVM that counts other CPUs, or whose heap alone could outgrow the
        // limit, missed a limit
        boolean misses = alone.availableProcessors() != agent.availableProcessors() || heap > limit;
        return Optional.of(scenario + "\t" + CpuFigures.of(alone).summary() + ", heap " + heap / GuestRows.MIB + " MiB"
                + (misses ? " (misses the limit)" : "") + "\t" + CpuFigures.of(agent).summary() + ", limit "
                + limit / GuestRows.MIB + " MiB");
    }

    private static String javaVersion(TestJdks jdk, GuestResults results) {
        return GuestRows.javaVersion(GuestRows.json(run(results, jdk, Layout.QUOTA_HALF, Layout.Variant.CONTROL)));
    }

    private static JvmRun run(GuestResults results, TestJdks jdk, Layout layout, Layout.Variant variant) {
        return results.run(jdk, layout, variant);
    }
}
