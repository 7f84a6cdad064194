package io.containerlimits.detect.cgroup;

import io.containerlimits.detect.MalformedInputException;
import io.containerlimits.detect.Numbers;
import java.util.OptionalLong;

/**
 * The content of a cgroup memory file that holds one size in bytes: v2 {@code memory.max}, {@code memory.high},
 * {@code memory.swap.max}, {@code memory.current}; v1 {@code memory.limit_in_bytes},
 * {@code memory.memsw.limit_in_bytes}, {@code memory.usage_in_bytes}.
 *
 * <pre>
 * "1073741824\n"           -> 1073741824
 * "max\n"                  -> no limit (v2)
 * "9223372036854771712\n"  -> no limit (v1: LONG_MAX rounded down to a page, what "-1" reads back as)
 * </pre>
 */
public final class MemoryValue {

    /**
     * Sizes from here up mean "no limit": 2^62 is far beyond any real machine and below every kernel sentinel
     * (v1's 0x7FFFFFFFFFFFF000 for 4 KiB pages, and its variants for larger pages).
     */
    public static final long UNLIMITED_FROM = 1L << 62;

    private MemoryValue() {
        throw new UnsupportedOperationException();
    }

    /**
     * Parses the content of a memory file (surrounding white space ignored).
     *
     * @return the size in bytes; empty for {@code max}, a value ≤ 0, or one ≥ {@link #UNLIMITED_FROM} (an integer
     *         too large for a long included): each of these means no limit
     * @throws MalformedInputException if the content is neither {@code max} nor an integer
     */
    public static OptionalLong parse(String content) {
        MalformedInputException.requireText(content, "memory value");
        String value = content.trim();
        if ("max".equals(value) || Numbers.isHugeInteger(value)) {
            return OptionalLong.empty();
        }
        long bytes = Numbers.parseLong(value, "memory value");
        return bytes <= 0 || bytes >= UNLIMITED_FROM ? OptionalLong.empty() : OptionalLong.of(bytes);
    }
}
