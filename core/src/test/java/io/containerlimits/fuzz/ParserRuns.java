package io.containerlimits.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containerlimits.detect.MalformedInputException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Counts the inputs each parser was really called with, and asserts the count at the end of a test class.
 *
 * <p>docs/design.md §7: a generated-input test must count what it ran. The figure asserted here comes from the calls
 * themselves, not from the loop that meant to make them: a generator that runs dry, a check that returns early or a
 * harness that stops short all show as a shortfall.
 */
final class ParserRuns {

    /** The floor for every parser; also how many inputs each parser gets unless {@code -Dfuzz.inputs} says more. */
    static final long REQUIRED_PER_PARSER = 100_000;

    private static final Map<String, LongAdder> RUNS = new ConcurrentHashMap<>();

    private ParserRuns() {
        throw new UnsupportedOperationException();
    }

    /**
     * Calls one parser on one input and counts the call. The parser's contract: it returns a value or throws
     * {@link MalformedInputException}. Anything else (a {@code NumberFormatException}, an index out of bounds, an
     * {@code OutOfMemoryError}) propagates and fails the check with the input that caused it.
     *
     * @param parser the name under which the call is counted, e.g. {@code "CpuMax.parse"}
     * @return the value, or empty when the parser declared the input malformed
     */
    static <T> Optional<T> call(String parser, Supplier<T> call) {
        RUNS.computeIfAbsent(parser, k -> new LongAdder()).increment();
        T value;
        try {
            value = call.get();
        } catch (MalformedInputException expected) {
            return Optional.empty();
        }
        if (value == null) {
            throw new AssertionError(parser + " returned null instead of a value or MalformedInputException");
        }
        return Optional.of(value);
    }

    /** How many inputs {@code parser} has been called with so far in this JVM. */
    static long count(String parser) {
        LongAdder runs = RUNS.get(parser);
        return runs == null ? 0 : runs.sum();
    }

    /** Prints each parser's figure, then fails unless every one reached {@code required}. */
    static void assertEachRan(long required, String... parsers) {
        StringBuilder shortfalls = new StringBuilder();
        for (String parser : parsers) {
            long count = count(parser);
            System.out.printf("fuzz: %-32s %,9d inputs%n", parser, count);
            if (count < required) {
                shortfalls.append(' ').append(parser).append('=').append(count);
            }
        }
        assertTrue(shortfalls.length() == 0, "each parser must run at least " + required + " inputs:" + shortfalls);
    }
}
