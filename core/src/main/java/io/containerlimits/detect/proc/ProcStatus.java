package io.containerlimits.detect.proc;

import io.containerlimits.detect.MalformedInputException;

/**
 * {@code /proc/self/status} (proc(5)): {@code Name:\tvalue} lines.
 *
 * <pre>
 * Cpus_allowed:	ffff
 * Cpus_allowed_list:	0-15     -> "0-15"
 * </pre>
 *
 * <p>{@code Cpus_allowed_list} is the affinity of the reading thread: cpusets, {@code taskset}, the Kubernetes static
 * CPU manager all show here.
 */
public final class ProcStatus {

    /** The field name, colon included, so that {@code Cpus_allowed:} does not match. */
    private static final String CPUS_ALLOWED_LIST = "Cpus_allowed_list:";

    private ProcStatus() {
        throw new UnsupportedOperationException();
    }

    /**
     * The value of {@code Cpus_allowed_list}, trimmed (count it with {@link CpuList#count}).
     *
     * @throws MalformedInputException if there is no such line or its value is empty
     */
    public static String cpusAllowedList(String statusContent) {
        MalformedInputException.requireText(statusContent, "status");
        for (String line : statusContent.split("\n", -1)) {
            if (line.startsWith(CPUS_ALLOWED_LIST)) {
                String value = line.substring(CPUS_ALLOWED_LIST.length()).trim();
                if (value.isEmpty()) {
                    throw new MalformedInputException("status: empty Cpus_allowed_list", line);
                }
                return value;
            }
        }
        throw new MalformedInputException("status: no Cpus_allowed_list line", statusContent);
    }
}
