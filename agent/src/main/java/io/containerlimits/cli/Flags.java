package io.containerlimits.cli;

import io.containerlimits.CpuSource;
import io.containerlimits.Limits;
import io.containerlimits.jvmoptions.UserJvmOptions;
import io.containerlimits.memory.CannotFitException;
import io.containerlimits.memory.MemoryCalculator;
import io.containerlimits.memory.UserMemoryOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM options {@code flags} prints, to be put in front of the user's own {@code JAVA_TOOL_OPTIONS}
 * (docs/design.md §6).
 *
 * <ul>
 *   <li>{@code -XX:ActiveProcessorCount=N} when a quota, an override or {@code cores=physical} decides the count,
 *       never for the affinity count alone (the JVM already sees that; libjvm#136), and not when the user already
 *       set it.</li>
 *   <li>When a memory limit is known: the sizes of {@link MemoryCalculator}, less those the user already chose.</li>
 * </ul>
 */
final class Flags {

    private Flags() {
        throw new UnsupportedOperationException();
    }

    /**
     * The options to add for {@code limits} around the user's options.
     *
     * @param origin where {@code user} came from, for messages
     * @throws CannotFitException when the memory limit cannot hold the user's sizes
     * @throws IllegalArgumentException when a user's memory option is not a size
     */
    static List<String> of(Limits limits, UserJvmOptions user, String origin, MemoryCalculator calculator)
            throws CannotFitException {
        List<String> options = cpuOptions(limits, user);
        if (limits.memoryLimit().isFound()) {
            UserMemoryOptions sizes = UserMemoryOptions.parse(user.tokens(), origin);
            options.addAll(calculator.calculate(limits.memoryLimit().value(), sizes).options());
        }
        return options;
    }

    /**
     * The CPU part alone: {@code -XX:ActiveProcessorCount=N} when anything but the affinity decides the count and the
     * user has not set it (a value of {@code -1} or {@code 0} is HotSpot's "not set"). Also what {@code flags} prints
     * when the memory part cannot fit, so that the count is not lost.
     */
    static List<String> cpuOptions(Limits limits, UserJvmOptions user) {
        List<String> options = new ArrayList<String>();
        boolean decided = limits.cpuSource() != CpuSource.AFFINITY;
        if (decided && user.activeProcessorCount() == null) {
            options.add(UserJvmOptions.ACTIVE_PROCESSOR_COUNT + limits.cpuCount());
        }
        return options;
    }
}
