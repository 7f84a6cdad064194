package io.containerlimits.cli.flags;

import io.containerlimits.CpuSource;
import io.containerlimits.Limits;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM options {@code flags} prints, to be put in front of the user's own {@code JAVA_TOOL_OPTIONS}
 * (docs/design.md §6).
 *
 * <ul>
 *   <li>{@code -XX:ActiveProcessorCount=N} when a quota or an override decides the count, never for the affinity
 *       count alone (the JVM already sees that; libjvm#136), and not when the user already set it.</li>
 *   <li>When a memory limit is known: the sizes of {@link MemoryCalculator}, less those the user already chose.</li>
 * </ul>
 */
public final class Flags {

    /** The option that fixes the JVM's CPU count. */
    static final String ACTIVE_PROCESSOR_COUNT = "-XX:ActiveProcessorCount=";

    private Flags() {
        throw new UnsupportedOperationException();
    }

    /**
     * The options to add for {@code limits} around the user's {@code userOptions} (tokenized
     * {@code JAVA_TOOL_OPTIONS}).
     *
     * @param origin where {@code userOptions} came from, for messages
     * @throws CannotFitException when the memory limit cannot hold the user's sizes
     * @throws IllegalArgumentException when a user's memory option is not a size
     */
    public static List<String> of(Limits limits, List<String> userOptions, String origin, MemoryCalculator calculator)
            throws CannotFitException {
        List<String> options = cpuOptions(limits, userOptions);
        if (limits.memoryLimit().isFound()) {
            UserMemoryOptions user = UserMemoryOptions.parse(userOptions, origin);
            options.addAll(calculator.calculate(limits.memoryLimit().value(), user).options());
        }
        return options;
    }

    /**
     * The CPU part alone: {@code -XX:ActiveProcessorCount=N} when a quota or an override decides the count and the
     * user has not set it. Also what {@code flags} prints when the memory part cannot fit, so that the count is not lost.
     */
    public static List<String> cpuOptions(Limits limits, List<String> userOptions) {
        List<String> options = new ArrayList<String>();
        boolean decided = limits.cpuSource() == CpuSource.QUOTA || limits.cpuSource() == CpuSource.OVERRIDE;
        boolean userSet = false;
        for (String token : userOptions) {
            userSet |= token.startsWith(ACTIVE_PROCESSOR_COUNT);
        }
        if (decided && !userSet) {
            options.add(ACTIVE_PROCESSOR_COUNT + limits.cpuCount());
        }
        return options;
    }
}
