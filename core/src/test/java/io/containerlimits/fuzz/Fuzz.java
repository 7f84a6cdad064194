package io.containerlimits.fuzz;

import io.containerlimits.detect.MalformedInputException;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * Runs a check over generated inputs: a generator's edge cases first, then random draws, all from one seed, so that
 * the same seed gives the same inputs in the same order on any machine.
 *
 * <p>The seed is {@link #DEFAULT_SEED} unless {@code -Dfuzz.seed=N} says otherwise (printed once per run; Maven passes
 * {@code -D} on to the test JVM): the test command is repeatable, and another seed explores other inputs. Each check
 * draws from its own stream, derived from the seed and the check's name, so adding a check changes no other one's
 * inputs. On the first failure the input is simplified (for at most {@link #SIMPLIFY_MILLIS} ms) and reported with
 * the seed, the input's number and both the input as generated and its simplest failing form: a {@link FuzzFailure}.
 */
final class Fuzz {

    /** The seed when {@code fuzz.seed} is not set. Any value will do; it only has to stay the same. */
    static final long DEFAULT_SEED = 20_250_611L;

    static final String SEED_PROPERTY = "fuzz.seed";

    /** Raises (or, to see the count assertions fail, lowers) the inputs per parser: {@code -Dfuzz.inputs=1000000}. */
    static final String INPUTS_PROPERTY = "fuzz.inputs";

    /** Simplification stops after this long or {@link #SIMPLIFY_ATTEMPTS} tries, keeping the simplest so far. */
    private static final long SIMPLIFY_MILLIS = 10_000;

    private static final int SIMPLIFY_ATTEMPTS = 20_000;

    /** What a report shows of an input that is not a string (a string is quoted and cut like a parser message). */
    private static final int SHOWN_CHARS = 5_000;

    static final long SEED = longProperty(SEED_PROPERTY, DEFAULT_SEED);

    static {
        System.out.printf("fuzz: seed %d (-D%s=N for other inputs)%n", SEED, SEED_PROPERTY);
    }

    private Fuzz() {
        throw new UnsupportedOperationException();
    }

    /** {@code fuzz.inputs}, or {@code standard} when it is not set. */
    static long inputs(long standard) {
        return longProperty(INPUTS_PROPERTY, standard);
    }

    /**
     * Calls {@code check} on {@code count} inputs of {@code gen} (its edge cases first) and stops at the first one
     * that throws anything.
     *
     * @param name names the check in reports and derives its random stream, e.g. {@code "CpuMax.parse"}
     * @return the number of inputs checked, {@code count}
     * @throws FuzzFailure for the first input that failed, simplified
     */
    static <T> long forAll(String name, long count, Gen<T> gen, Consumer<? super T> check) {
        RandomGenerator random = new SplittableRandom(SEED ^ name.hashCode());
        List<T> edgeCases = gen.edgeCases();
        for (long index = 0; index < count; index++) {
            T input = index < edgeCases.size() ? edgeCases.get((int) index) : gen.next(random);
            Throwable failure = failureOf(check, input);
            if (failure != null) {
                throw simplified(name, index, count, gen, check, input, failure);
            }
        }
        return count;
    }

    /** What {@code check} threw for {@code input}, or null. Errors too: a stack overflow is a parser bug. */
    private static <T> Throwable failureOf(Consumer<? super T> check, T input) {
        try {
            check.accept(input);
            return null;
        } catch (Throwable failure) {
            return failure;
        }
    }

    /** Greedy: take the first simpler candidate that fails with the same class of throwable, start over from it. */
    private static <T> FuzzFailure simplified(String name, long index, long count, Gen<T> gen,
            Consumer<? super T> check, T input, Throwable failure) {
        long deadline = System.nanoTime() + SIMPLIFY_MILLIS * 1_000_000;
        T simplest = input;
        Throwable simplestFailure = failure;
        int steps = 0;
        int attempts = 0;
        boolean progress = true;
        while (progress) {
            progress = false;
            Iterator<T> candidates = gen.simplify(simplest).iterator();
            while (candidates.hasNext() && attempts < SIMPLIFY_ATTEMPTS && System.nanoTime() < deadline) {
                T candidate = candidates.next();
                attempts++;
                Throwable candidateFailure = failureOf(check, candidate);
                if (candidateFailure != null && candidateFailure.getClass() == failure.getClass()) {
                    simplest = candidate;
                    simplestFailure = candidateFailure;
                    steps++;
                    progress = true;
                    break;
                }
            }
        }
        String message = String.format("%s failed on input %,d of %,d with %s (seed %d; repeat with -D%s=%d)%n"
                        + "  simplest failing input (%d simplifications): %s%n  as generated: %s",
                name, index + 1, count, simplestFailure, SEED, SEED_PROPERTY, SEED, steps, show(simplest),
                show(input));
        return new FuzzFailure(message, simplestFailure, index, input, simplest);
    }

    /** A string quoted with its control characters escaped; anything else by {@code toString}, both cut short. */
    static String show(Object input) {
        if (input instanceof String text) {
            return MalformedInputException.quote(text);
        }
        String shown = String.valueOf(input);
        return shown.length() <= SHOWN_CHARS ? shown
                : shown.substring(0, SHOWN_CHARS) + "... (" + shown.length() + " chars)";
    }

    /** A long system property (decimal, or hex as {@code 0x...}); a value that is not a number fails loudly. */
    private static long longProperty(String name, long fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : Long.decode(value.trim());
    }
}
