package io.containerlimits.agent;

import io.containerlimits.Finding;
import io.containerlimits.Limits;
import java.util.List;
import java.util.Locale;

/** Short texts about a {@link Limits} shared by the change line, the MBean and the JFR events. */
public final class LimitsText {

    private LimitsText() {
        throw new UnsupportedOperationException();
    }

    /** {@code quota: /sys/fs/cgroup/cpu.max (level 1 of 2 from the leaf) 50000/100000}, {@code affinity: ...}. */
    public static String cpuSource(Limits limits) {
        String source;
        switch (limits.cpuSource()) {
            case QUOTA:
                source = limits.cpuQuota().source();
                break;
            case AFFINITY:
                source = limits.affinityFinding().isFound() ? limits.affinityFinding().source() : "the JVM's own count";
                break;
            default:
                source = "cpus= setting";
                break;
        }
        return limits.cpuSource().name().toLowerCase(Locale.ROOT) + ": " + source;
    }

    /** Where the memory limit was read, or {@code none: <reason>} / {@code unknown: <reason>}. */
    public static String memorySource(Limits limits) {
        Finding<Long> memory = limits.memoryLimit();
        return memory.isFound() ? memory.source()
                : memory.status().name().toLowerCase(Locale.ROOT) + ": " + memory.reason();
    }

    /** {@code a, b, c}; {@code nothing} for none. */
    public static String list(List<String> items) {
        if (items.isEmpty()) {
            return "nothing";
        }
        StringBuilder text = new StringBuilder();
        for (String item : items) {
            text.append(text.length() == 0 ? "" : ", ").append(item);
        }
        return text.toString();
    }
}
