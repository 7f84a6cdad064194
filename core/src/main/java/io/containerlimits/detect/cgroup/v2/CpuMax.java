package io.containerlimits.detect.cgroup.v2;

import io.containerlimits.detect.Fields;
import io.containerlimits.detect.MalformedInputException;
import io.containerlimits.detect.Numbers;
import io.containerlimits.detect.cgroup.CpuQuota;
import java.util.Optional;

/**
 * The content of a cgroup v2 {@code cpu.max}: {@code $MAX $PERIOD} (Documentation/admin-guide/cgroup-v2.rst).
 *
 * <pre>
 * "200000 100000\n"  -> 2 CPUs
 * "max 100000\n"     -> no limit
 * "50000\n"          -> 0.5 CPUs (one field: the kernel's default period, 100000)
 * </pre>
 */
public final class CpuMax {

    /** The period the kernel uses when only the quota is written (and automaxprocs assumes for one field). */
    static final long DEFAULT_PERIOD = 100000L;

    /** {@code cpu.max} has a quota and at most a period. */
    private static final int MAX_FIELDS = 2;

    private CpuMax() {
        throw new UnsupportedOperationException();
    }

    /**
     * Parses {@code cpu.max} (surrounding white space ignored).
     *
     * @return the limit; empty when the quota is {@code max}
     * @throws MalformedInputException for a third field, a field that is not an integer, or a quota or period ≤ 0
     */
    public static Optional<CpuQuota> parse(String content) {
        MalformedInputException.requireText(content, "cpu.max");
        String trimmed = content.trim();
        String[] fields = Fields.split(trimmed);
        if (fields.length == 0 || fields.length > MAX_FIELDS) {
            throw new MalformedInputException("cpu.max: expected \"$MAX $PERIOD\"", content);
        }
        long period = fields.length == MAX_FIELDS ? Numbers.parseLong(fields[1], "cpu.max period") : DEFAULT_PERIOD;
        if (period <= 0) {
            throw new MalformedInputException("cpu.max: period must be positive", content);
        }
        if ("max".equals(fields[0])) {
            return Optional.empty();
        }
        long quota = Numbers.parseLong(fields[0], "cpu.max quota");
        if (quota <= 0) {
            throw new MalformedInputException("cpu.max: quota must be positive or max", content);
        }
        return Optional.of(new CpuQuota(quota, period));
    }
}
