package io.containerlimits.fuzz;

import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Simplifications of a failing text, for {@link Gen#simplifiedBy}: the empty text, then the text with ever smaller
 * chunks cut out (halves, quarters, ... single characters). {@link Fuzz} keeps any candidate that still fails the
 * same way and starts over from it, so a 64 KiB input shrinks in a few dozen rounds to the characters that matter.
 */
final class Simplify {

    private Simplify() {
        throw new UnsupportedOperationException();
    }

    /** Candidates shorter than {@code failing}, shortest first. */
    static Stream<String> text(String failing) {
        if (failing.isEmpty()) {
            return Stream.empty();
        }
        Stream<Integer> chunkSizes = Stream.iterate(Math.max(1, failing.length() / 2), size -> size > 0,
                size -> size / 2);
        return Stream.concat(Stream.of(""), chunkSizes.flatMap(size -> IntStream
                .iterate(0, start -> start < failing.length(), start -> start + size)
                .mapToObj(start -> failing.substring(0, start)
                        + failing.substring(Math.min(failing.length(), start + size)))));
    }
}
