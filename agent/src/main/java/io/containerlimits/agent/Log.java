package io.containerlimits.agent;

import io.containerlimits.LogLevel;
import java.io.PrintStream;

/**
 * The agent's whole logging: lines on stderr, each starting with {@code container-limits}, filtered by the
 * {@code log=} level. Never stdout; no {@code java.util.logging} or {@code System.Logger}, which would initialise the
 * application's log manager from premain.
 */
final class Log {

    private final LogLevel level;
    private final PrintStream err;

    Log(LogLevel level, PrintStream err) {
        this.level = level;
        this.err = err;
    }

    /** Something the user can act on (a bad value, a heap that cannot fit): shown unless {@code log=off}. */
    void warn(String message) {
        print(LogLevel.WARN, LogLevel.PREFIX + message);
    }

    /** A line that already carries its prefix (the problem lines of {@code Settings.resolve}). */
    void warnLine(String line) {
        print(LogLevel.WARN, line);
    }

    /** The one summary line of {@code log=info}, printed as given. */
    void info(String line) {
        print(LogLevel.INFO, line);
    }

    /** Why: a decision and its reason. */
    void debug(String message) {
        print(LogLevel.DEBUG, LogLevel.PREFIX + message);
    }

    /** Where the lines go, for a class that needs its own {@code Log} (the boot copy of {@link Rewrite}). */
    PrintStream stream() {
        return err;
    }

    boolean isDebug() {
        return level.allows(LogLevel.DEBUG);
    }

    boolean isInfo() {
        return level.allows(LogLevel.INFO);
    }

    private void print(LogLevel of, String line) {
        if (level.allows(of)) {
            err.println(line);
        }
    }
}
