package io.containerlimits.fuzz;

import org.opentest4j.AssertionFailedError;

/**
 * A check failed on a generated input: the message says which check, which input, the seed that repeats it and the
 * simplest input that still fails; the cause is what that simplest input threw. The fields are for the negative
 * controls ({@code FuzzNegativeControlsTest}), which assert what the harness caught.
 */
final class FuzzFailure extends AssertionFailedError {

    private static final long serialVersionUID = 1L;

    private final long index;
    private final transient Object generated;
    private final transient Object simplest;

    FuzzFailure(String message, Throwable cause, long index, Object generated, Object simplest) {
        super(message, cause);
        this.index = index;
        this.generated = generated;
        this.simplest = simplest;
    }

    /** The failing input's position in the run, from 0 (edge cases first). */
    long index() {
        return index;
    }

    /** The input as the generator made it. */
    Object generated() {
        return generated;
    }

    /** The simplest variant of it that still failed the same way. */
    Object simplest() {
        return simplest;
    }
}
