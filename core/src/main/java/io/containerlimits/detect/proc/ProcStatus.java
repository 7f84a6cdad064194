package io.containerlimits.detect.proc;

import io.containerlimits.detect.MalformedInputException;
import io.containerlimits.detect.Numbers;

/**
 * {@code /proc/self/status} (proc(5)): {@code Name:\tvalue} lines.
 *
 * <pre>
 * Pid:	4242                  -> 4242
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

    /** The process id, colon included, so that {@code PPid:}, {@code TracerPid:} and {@code NSpid:} do not match. */
    private static final String PID = "Pid:";

    private ProcStatus() {
        throw new UnsupportedOperationException();
    }

    /**
     * The value of {@code Cpus_allowed_list}, trimmed (count it with {@link CpuList#count}).
     *
     * @throws MalformedInputException if there is no such line or its value is empty
     */
    public static String cpusAllowedList(String statusContent) {
        return value(statusContent, CPUS_ALLOWED_LIST);
    }

    /**
     * The value of {@code Pid}: this process's id in the pid namespace of the {@code /proc} it was read from, as
     * {@code cgroup.procs} lists it to this process.
     *
     * @throws MalformedInputException if there is no such line or its value is not a positive integer
     */
    public static long pid(String statusContent) {
        String value = value(statusContent, PID);
        long pid = Numbers.parseLong(value, "status: Pid");
        if (pid <= 0) {
            throw new MalformedInputException("status: Pid is not positive", value);
        }
        return pid;
    }

    /** The trimmed value of the line that starts with {@code field} (colon included). */
    private static String value(String statusContent, String field) {
        MalformedInputException.requireText(statusContent, "status");
        for (String line : statusContent.split("\n", -1)) {
            if (line.startsWith(field)) {
                String value = line.substring(field.length()).trim();
                if (value.isEmpty()) {
                    throw new MalformedInputException("status: empty " + field, line);
                }
                return value;
            }
        }
        throw new MalformedInputException("status: no " + field + " line", statusContent);
    }
}
