package io.containerlimits.agent;

import io.containerlimits.Finding;
import io.containerlimits.Limits;
import io.containerlimits.Quantities;
import java.util.List;

/**
 * The {@code log=info} line for one change:
 * <pre>
 * limits changed: cpus 1 -> 2 (quota 0.5 -> 2), memory 256 MiB; resized: availableProcessors() callers 2,
 *     common pool 1 -> 1, virtual-thread scheduler 1 -> 2; not resized: none
 * </pre>
 * (one line in reality).
 */
final class ChangeLine {

    private ChangeLine() {
        throw new UnsupportedOperationException();
    }

    static String of(Limits previous, Limits current, List<String> resized, List<String> notResized) {
        StringBuilder line = new StringBuilder("limits changed: cpus ");
        line.append(previous.cpuCount());
        if (previous.cpuCount() != current.cpuCount()) {
            line.append(" -> ").append(current.cpuCount());
        }
        Finding<Double> quota = current.cpuQuota();
        if (previous.cpuQuota().isFound() || quota.isFound()) {
            line.append(" (quota ").append(quota(previous.cpuQuota())).append(" -> ").append(quota(quota)).append(')');
        }
        line.append(", memory ").append(Summary.memory(previous.memoryLimit()));
        if (!Summary.memory(previous.memoryLimit()).equals(Summary.memory(current.memoryLimit()))) {
            line.append(" -> ").append(Summary.memory(current.memoryLimit()));
        }
        return line.append("; resized: ").append(LimitsText.list(resized)).append("; not resized: ")
                .append(LimitsText.list(notResized))
                .toString();
    }

    private static String quota(Finding<Double> quota) {
        return quota.isFound() ? Quantities.formatCpus(quota.value()) : "none";
    }

}
