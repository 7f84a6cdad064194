package io.containerlimits.cli;

import io.containerlimits.Finding;
import io.containerlimits.Limits;
import io.containerlimits.Quantities;
import io.containerlimits.Settings;
import io.containerlimits.Version;
import io.containerlimits.memory.Sizes;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code report} subcommand: a short human report, one aligned line per value.
 *
 * <pre>
 * container-limits 0.1.0 on Java 17.0.15
 * CPUs           2            quota 1.5, rounded ceil, min 1, capped by affinity 4
 *   quota        1.5          /sys/fs/cgroup/app/cpu.max (level 1 of 2 from the leaf) 150000/100000
 * ...
 * </pre>
 */
final class Report {

    /** Width of the label column. */
    private static final int LABEL = 15;
    /** Width of the value column. */
    private static final int VALUE = 12;

    private Report() {
        throw new UnsupportedOperationException();
    }

    /** The report lines; {@code verbose} adds the detection notes. */
    static List<String> of(Limits limits, JvmValues jvm, String agentLine, boolean verbose) {
        Settings settings = limits.settings();
        List<String> lines = new ArrayList<String>();
        lines.add("container-limits " + Version.get() + " on Java " + jvm.javaVersion()
                + ("/".equals(settings.root()) ? "" : ", root " + settings.root()));
        lines.add(line("CPUs", String.valueOf(limits.cpuCount()), limits.cpuDerivation()));
        lines.add(line("  quota", cpuFinding(limits.cpuQuota())));
        lines.add(line("  affinity", String.valueOf(limits.affinity()), limits.affinityFinding().isFound()
                ? limits.affinityFinding().source()
                : "the JVM's own count: " + limits.affinityFinding().reason()));
        lines.add(line("  physical", countFinding(limits.physicalCores())));
        lines.add(line("  cgroup", text(limits.cpuCgroup())));
        lines.add(line("  this JVM", String.valueOf(jvm.availableProcessors()), "Runtime.availableProcessors()"));
        lines.add(line("Memory limit", bytesFinding(limits.memoryLimit())));
        if (settings.memory() != null) {
            lines.add(line("  detected", bytesFinding(limits.detectedMemoryLimit())));
        }
        lines.add(line("  high", bytesFinding(limits.memoryHigh())));
        lines.add(line("  swap", bytesFinding(limits.swapLimit())));
        lines.add(line("  usage", bytesFinding(limits.memoryUsage())));
        lines.add(line("  cgroup", text(limits.memoryCgroup())));
        lines.add(line("  this JVM", Sizes.human(jvm.maxMemory()), "Runtime.maxMemory(): the heap"));
        lines.add(line("Agent", agentLine));
        if (verbose) {
            for (String note : limits.detection().notes()) {
                lines.add(line("  note", note));
            }
        }
        return lines;
    }

    private static String countFinding(Finding<Integer> f) {
        return f.isFound() ? pad(String.valueOf(f.value()), VALUE) + " " + f.source() : describeMissing(f);
    }

    private static String cpuFinding(Finding<Double> f) {
        return f.isFound() ? pad(Quantities.formatCpus(f.value()), VALUE) + " " + f.source() : describeMissing(f);
    }

    private static String bytesFinding(Finding<Long> f) {
        if (!f.isFound()) {
            return describeMissing(f);
        }
        String human = Sizes.human(f.value());
        // The exact byte count too, unless the human form already is one ("0 B").
        return pad(human, VALUE) + " " + (human.endsWith(" B") ? "" : f.value() + " B, ") + f.source();
    }

    private static String describeMissing(Finding<?> f) {
        return pad(f.status() == Finding.Status.NONE ? "none" : "unknown", VALUE) + " " + f.reason();
    }

    private static String text(String value) {
        return value == null ? "none" : value;
    }

    private static String line(String label, String value, String detail) {
        return line(label, pad(value, VALUE) + " " + detail);
    }

    private static String line(String label, String rest) {
        // Trailing blanks only: the indent of a sub-line is part of the layout.
        return (pad(label, LABEL) + rest).replaceAll("\\s+$", "");
    }

    private static String pad(String s, int width) {
        StringBuilder sb = new StringBuilder(s);
        while (sb.length() < width) {
            sb.append(' ');
        }
        return sb.toString();
    }
}
