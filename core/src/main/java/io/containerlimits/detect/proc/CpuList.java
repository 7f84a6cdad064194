package io.containerlimits.detect.proc;

import io.containerlimits.detect.MalformedInputException;
import io.containerlimits.detect.Numbers;
import java.util.BitSet;

/**
 * A kernel CPU list (cpuset(7) "list format"): {@code 0-3,8,10-11} is 7 CPUs.
 *
 * <p>Used for {@code Cpus_allowed_list} rather than {@code sched_getaffinity(2)}'s fixed 1024-bit mask, so machines
 * with more than 1024 CPUs count right.
 */
public final class CpuList {

    /**
     * CPU numbers from here up are rejected: the kernel's {@code NR_CPUS} is at most 8192 today, and a bound keeps a
     * hostile {@code 0-2147483647} from allocating a huge bit set.
     */
    static final int MAX_CPU_NUMBER = 1 << 20;

    private CpuList() {
        throw new UnsupportedOperationException();
    }

    /**
     * Counts the CPUs in {@code list} (surrounding white space ignored; a CPU listed twice counts once).
     *
     * @throws MalformedInputException as {@link #parse} does
     */
    public static int count(String list) {
        return parse(list).cardinality();
    }

    /**
     * The CPUs in {@code list} (surrounding white space ignored), one bit per CPU number.
     *
     * @throws MalformedInputException for an empty list, an empty element, a bound that is not a number, a range
     *                                 whose end is below its start, or a CPU number ≥ {@link #MAX_CPU_NUMBER}
     */
    public static BitSet parse(String list) {
        MalformedInputException.requireText(list, "cpu list");
        String trimmed = list.trim();
        if (trimmed.isEmpty()) {
            throw new MalformedInputException("cpu list: empty", list);
        }
        BitSet cpus = new BitSet();
        for (String element : trimmed.split(",", -1)) {
            int dash = element.indexOf('-');
            int first = cpu(dash < 0 ? element : element.substring(0, dash), list);
            int last = dash < 0 ? first : cpu(element.substring(dash + 1), list);
            if (last < first) {
                throw new MalformedInputException("cpu list: range ends before it starts", list);
            }
            cpus.set(first, last + 1);
        }
        return cpus;
    }

    private static int cpu(String text, String list) {
        if (text.isEmpty() || text.startsWith("-")) {
            throw new MalformedInputException("cpu list: not a CPU number", list);
        }
        long cpu = Numbers.parseLong(text, "cpu list");
        if (cpu >= MAX_CPU_NUMBER) {
            throw new MalformedInputException("cpu list: CPU number too large", list);
        }
        return (int) cpu;
    }
}
