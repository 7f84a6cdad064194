package io.containerlimits.fuzz;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Bad input grown from good input: real seeds, the same seeds edited by a few {@link Mutation}s, and plain noise.
 *
 * <p>Shared by every parser's property so that each parser sees the same kinds of damage. The weights keep most
 * inputs close to a real line (where parser bugs live: a line that is almost right) while still sending empty,
 * random, unicode and 64 KiB inputs often enough to appear thousands of times in 100,000 tries.
 */
final class Mutations {

    /** At most this many edits per input: more than that and the line no longer looks like anything real. */
    private static final int MAX_EDITS = 4;

    private Mutations() {
        throw new UnsupportedOperationException();
    }

    /**
     * Valid-looking and mutated versions of {@code seeds}, plus noise.
     *
     * @param seeds real lines or file contents, at least one
     */
    static Arbitrary<String> around(List<String> seeds) {
        return around(Arbitraries.of(seeds));
    }

    /** As {@link #around(List)}, with the valid inputs coming from a generator (for example generated CPU lists). */
    static Arbitrary<String> around(Arbitrary<String> valid) {
        Arbitrary<String> edited = Combinators.combine(valid, mutation().list().ofMinSize(1).ofMaxSize(MAX_EDITS))
                .as(Mutations::apply);
        return Arbitraries.frequencyOf(
                Tuple.of(2, valid),
                Tuple.of(12, edited),
                Tuple.of(1, noise()));
    }

    /** {@code text} with every edit applied in order. */
    static String apply(String text, List<Mutation> edits) {
        String result = text;
        for (Mutation edit : edits) {
            result = edit.applyTo(result);
        }
        return result;
    }

    /**
     * One edit. {@link Mutation.Kind#GROW} is rare (about 1 in 200) because each costs 64 KiB of parsing. Kinds are
     * weighted in one flat {@code frequency}: nested {@code frequencyOf} layers cost jqwik several times the
     * generation time, which matters at 100,000 tries.
     */
    static Arbitrary<Mutation> mutation() {
        Arbitrary<Mutation.Kind> kind = Arbitraries.frequency(
                Tuple.of(32, Mutation.Kind.FLIP),
                Tuple.of(24, Mutation.Kind.TRUNCATE),
                Tuple.of(48, Mutation.Kind.INSERT),
                Tuple.of(24, Mutation.Kind.REPLACE),
                Tuple.of(24, Mutation.Kind.DELETE),
                Tuple.of(16, Mutation.Kind.DUPLICATE),
                Tuple.of(32, Mutation.Kind.RENUMBER),
                Tuple.of(1, Mutation.Kind.GROW));
        return Combinators.combine(kind, Arbitraries.integers(), payload()).as(Mutation::new);
    }

    /**
     * What an edit inserts: mostly the characters and numbers that break /proc parsers, sometimes any UTF-16 units
     * (lone surrogates included; {@code strings().all()} is twice as slow to generate).
     */
    static Arbitrary<String> payload() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.of(tokens())),
                Tuple.of(1, Arbitraries.strings().withCharRange('\u0000', '\uffff').ofMaxLength(6)));
    }

    /** The separators, escapes, numbers and characters that real parser bugs were made of. */
    static List<String> tokens() {
        return List.of(
                ":", "::", " ", "  ", "\t", "\n", "\r\n", "-", " - ", "--", ",", ",,", "/", "/..", "\\",
                "\\040", "\\011", "\\012", "\\134", "\\0", "\\7", "\\777", "\\400", "\\x", "\\\\",
                "0", "-1", "-0", "+1", "00", "1.5", "1e9", "0x10", "NaN", "Infinity", "max", "MAX", "kB",
                "2147483647", "2147483648", "-2147483648", "4294967296",
                "9223372036854775807", "9223372036854775808", "-9223372036854775808", "18446744073709551615",
                "99999999999999999999999999999999",
                "\u0000", "\u00e9", "\u0663", "\uff11", "\u2212", "\ud83d\ude00", "\ud800", "\ufeff");
    }

    /** Input with no real shape at all: empty, whitespace, random characters, a long run of one token. */
    static Arbitrary<String> noise() {
        return Arbitraries.oneOf(
                Arbitraries.of("", " ", "\n", "\t", ":", "-", "\\", " - "),
                Arbitraries.strings().withCharRange('\u0000', '\uffff').ofMaxLength(40),
                Arbitraries.strings().withChars("0123456789:-, \\\n").ofMaxLength(40),
                Combinators.combine(Arbitraries.of(tokens()), Arbitraries.integers().between(1, 5_000))
                        .as(String::repeat));
    }
}
