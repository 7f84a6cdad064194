package io.containerlimits.memory;

/** The memory limit cannot hold what was asked for; the message says what and by how much ({@code flags} exits 3). */
public final class CannotFitException extends Exception {

    private static final long serialVersionUID = 1L;

    CannotFitException(String message) {
        super(message);
    }
}
