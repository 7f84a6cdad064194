package io.containerlimits.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Bad input grown from good input: real seeds, edited by up to four {@link Mutation}s.
 *
 * <p>Shared by every parser's test so that each parser sees the same kinds of damage. An input is a seed plus zero to
 * {@link #MAX_EDITS} edits, each count equally likely: no edit leaves the seed valid, one edit makes a line that is
 * almost right (where parser bugs live), and {@link Mutation.Kind#NOISE}, {@link Mutation.Kind#TRUNCATE} at 0 and
 * {@link Mutation.Kind#GROW} give random, empty and 64 KiB inputs often enough to appear thousands of times in
 * 100,000 inputs. Edge cases, tried first: every valid edge case as it is, each token alone, and the first one under
 * the edits of the extreme codes. A failing input is simplified as text ({@link Simplify#text}).
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

    /** Codes whose edits are tried on the first valid input before any random one: the extremes of a long. */
    private static final List<Long> EXTREME_CODES = List.of(0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE);

    /**
     * Valid-looking and mutated versions of {@code seeds}.
     *
     * @param seeds real lines or file contents, at least one
     */
    static Gen<String> around(List<String> seeds) {
        return around(Gen.of(seeds));
    }

    /** As {@link #around(List)}, with the valid inputs coming from a generator (for example generated CPU lists). */
    static Gen<String> around(Gen<String> valid) {
        Gen<String> mutated = new Gen<>() {
            @Override
            public String next(RandomGenerator random) {
                String text = valid.next(random);
                for (int edits = random.nextInt(MAX_EDITS + 1); edits > 0; edits--) {
                    text = Mutation.decode(random.nextLong()).applyTo(text);
                }
                return text;
            }

            @Override
            public List<String> edgeCases() {
                List<String> edges = new ArrayList<>(valid.edgeCases());
                edges.addAll(TOKENS);
                if (!edges.isEmpty()) {
                    String first = edges.get(0);
                    EXTREME_CODES.forEach(code -> edges.add(Mutation.decode(code).applyTo(first)));
                }
                return edges;
            }
        };
        return mutated.simplifiedBy(Simplify::text);
    }

    /**
     * Mutations of whole files and of their one interesting line: edits spread over a 1.4 KB file would mostly land
     * on lines the parser skips.
     *
     * @param files          real files, whole
     * @param key            how the line the parser looks for starts, e.g. {@code "MemTotal:"}
     * @param generatedLines valid key lines with generated values
     */
    static Gen<String> aroundKeyLine(List<String> files, String key, Gen<String> generatedLines) {
        List<String> keyLines = files.stream().flatMap(String::lines).filter(line -> line.startsWith(key)).toList();
        return Gen.oneOf(around(files), around(keyLines), around(generatedLines)).simplifiedBy(Simplify::text);
    }

    /** See {@link #TOKENS}. */
    static List<String> tokens() {
        return TOKENS;
    }
}
