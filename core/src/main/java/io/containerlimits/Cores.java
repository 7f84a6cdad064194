package io.containerlimits;

import java.util.Locale;

/**
 * What one CPU of the count stands for: a hardware thread (what the JVM counts) or a physical core.
 *
 * <p>On an SMT machine the two (or more) threads of a core share its execution units, so compute-bound pools often run
 * as fast, and more evenly, with one worker per core. {@code PHYSICAL} counts the distinct cores among the CPUs this
 * process may run on ({@code docs/design.md §4}).
 */
public enum Cores {
    /** Every CPU in the affinity counts: today's behaviour and the JVM's own. The default. */
    LOGICAL,
    /** Threads of one core count once: the physical cores among the allowed CPUs bound the count. */
    PHYSICAL;

    /** The lower-case name used in options ({@code logical}, {@code physical}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The value named {@code text} (any case, surrounding blanks ignored), or {@code null}. */
    public static Cores fromKey(String text) {
        for (Cores c : values()) {
            if (c.key().equalsIgnoreCase(text.trim())) {
                return c;
            }
        }
        return null;
    }
}
