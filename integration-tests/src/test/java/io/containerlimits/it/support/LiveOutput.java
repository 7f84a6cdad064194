package io.containerlimits.it.support;

import java.time.Duration;
import java.util.Optional;

/** A program still running, forked or in a container: its stdout lines as they come, its stderr so far. */
public interface LiveOutput extends AutoCloseable {

    /** The next stdout line, waiting up to {@code timeout}; empty when none came in time. */
    Optional<String> nextLine(Duration timeout);

    /** What the program wrote to stderr so far. */
    String stderr();

    /** Ends the program. */
    @Override
    void close();
}
