package io.containerlimits.fuzz;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Bad input grown from good input: real seeds, edited by up to four {@link Mutation}s.
 *
 * <p>Shared by every parser's property so that each parser sees the same kinds of damage. An input is a seed plus a
 * list of edits: an empty list leaves the seed valid, one edit makes a line that is almost right (where parser bugs
 * live), and {@link Mutation.Kind#NOISE}, {@link Mutation.Kind#TRUNCATE} at 0 and {@link Mutation.Kind#GROW} give
 * random, empty and 64 KiB inputs often enough to appear thousands of times in 100,000 tries.
 */
final class Mutations {

    /** At most this many edits per input: more than that and the line no longer looks like anything real. */
    private static final int MAX_EDITS = 4;

    /** The separators, escapes, numbers and characters that real parser bugs were made of. */
    private static final List<String> TOKENS = List.of(
            ":", "::", " ", "  ", "\t", "\n", "\r\n", "-", " - ", "--", ",", ",,", "/", "/..", "\\",
            "\\040", "\\011", "\\012", "\\134", "\\0", "\\7", "\\777", "\\400", "\\x", "\\\\",
            "0", "-1", "-0", "+1", "00", "1.5", "1e9", "0x10", "NaN", "Infinity", "max", "MAX", "kB",
            "2147483647", "2147483648", "-2147483648", "4294967296",
            "9223372036854775807", "9223372036854775808", "-9223372036854775808", "18446744073709551615",
            "99999999999999999999999999999999",
            "\u0000", "\u00e9", "\u0663", "\uff11", "\u2212", "\ud83d\ude00", "\ud800", "\ufeff");

    private Mutations() {
        throw new UnsupportedOperationException();
    }

    /**
     * Valid-looking and mutated versions of {@code seeds}.
     *
     * @param seeds real lines or file contents, at least one
     */
    static Arbitrary<String> around(List<String> seeds) {
        return around(Arbitraries.of(seeds));
    }

    /** As {@link #around(List)}, with the valid inputs coming from a generator (for example generated CPU lists). */
    static Arbitrary<String> around(Arbitrary<String> valid) {
        return Combinators.combine(valid, Arbitraries.longs().list().ofMaxSize(MAX_EDITS)).as(Mutations::apply);
    }

    /** {@code text} with every edit applied in order. */
    static String apply(String text, List<Long> edits) {
        String result = text;
        for (long edit : edits) {
            result = Mutation.decode(edit).applyTo(result);
        }
        return result;
    }

    /** See {@link #TOKENS}. */
    static List<String> tokens() {
        return TOKENS;
    }
}
