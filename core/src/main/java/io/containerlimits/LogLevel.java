package io.containerlimits;

/** How much the agent prints on stderr. Nothing is ever printed on stdout. */
public enum LogLevel {
    /** Nothing at all, not even warnings. */
    OFF,
    /** Only actionable warnings (default): a bad option value, a heap that cannot fit the memory limit. */
    WARN,
    /** One line at start: version, what was detected, what was applied. */
    INFO,
    /** Also why: each decision and the file it came from. */
    DEBUG;

    /**
     * The start of every line the agent and the command line print on stderr, so that a user can tell whose message it
     * is (the {@code log=info} summary alone carries the version after the name).
     */
    public static final String PREFIX = "container-limits: ";

    /** The level named {@code text} (any case), or {@code null} when there is none of that name. */
    public static LogLevel fromKey(String text) {
        for (LogLevel l : values()) {
            if (l.name().equalsIgnoreCase(text.trim())) {
                return l;
            }
        }
        return null;
    }

    /** True when a message of {@code level} is printed at this setting. */
    public boolean allows(LogLevel level) {
        return level != OFF && this != OFF && level.ordinal() <= ordinal();
    }
}
