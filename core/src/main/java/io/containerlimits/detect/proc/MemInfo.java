package io.containerlimits.detect.proc;

import io.containerlimits.detect.Fields;
import io.containerlimits.detect.MalformedInputException;
import io.containerlimits.detect.Numbers;

/**
 * {@code /proc/meminfo} (proc(5)): {@code Name:   value kB} lines.
 *
 * <pre>
 * MemTotal:       24609060 kB   -> 25199677440 bytes
 * </pre>
 *
 * <p>The host's RAM: the ceiling of {@code MemoryFileReader.belowHostMemory}.
 */
public final class MemInfo {

    /** The field name, colon included. */
    private static final String MEM_TOTAL = "MemTotal:";

    /** The unit the kernel prints (it means KiB). */
    private static final String KIB = "kB";

    /** Bytes per kB in {@code /proc/meminfo}. */
    private static final long BYTES_PER_KIB = 1024L;

    private MemInfo() {
        throw new UnsupportedOperationException();
    }

    /**
     * {@code MemTotal} in bytes.
     *
     * @throws MalformedInputException if there is no such line, it is not {@code <number> kB}, it is not positive,
     *                                 or it does not fit a long in bytes
     */
    public static long memTotal(String meminfoContent) {
        MalformedInputException.requireText(meminfoContent, "meminfo");
        for (String line : meminfoContent.split("\n", -1)) {
            if (line.startsWith(MEM_TOTAL)) {
                String[] fields = Fields.split(line.substring(MEM_TOTAL.length()).trim());
                if (fields.length != 2 || !KIB.equals(fields[1])) {
                    throw new MalformedInputException("meminfo: expected \"MemTotal: <n> kB\"", line);
                }
                long kib = Numbers.parseLong(fields[0], "meminfo MemTotal");
                if (kib <= 0 || kib > Long.MAX_VALUE / BYTES_PER_KIB) {
                    throw new MalformedInputException("meminfo: MemTotal out of range", line);
                }
                return kib * BYTES_PER_KIB;
            }
        }
        throw new MalformedInputException("meminfo: no MemTotal line", meminfoContent);
    }
}
