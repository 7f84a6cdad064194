package io.containerlimits;

import java.util.Locale;

/**
 * How a fractional CPU quota becomes a whole CPU count.
 *
 * <p>{@code CEIL} is the default because it is what HotSpot itself reports for a quota, so that on a JVM that already
 * detects correctly the agent changes nothing. {@code FLOOR} avoids throttling (automaxprocs, Rust, libuv);
 * {@code ROUND} rounds half up ({@code 2.5 -> 3}).
 */
public enum Rounding {
    /** Up: {@code 1.2 -> 2}. HotSpot's, .NET's and loky's choice. */
    CEIL {
        @Override
        public long apply(double cpus) {
            // The epsilon keeps 1.0000000001 (a quota/period double) from becoming 2.
            return (long) Math.ceil(cpus - EPSILON);
        }
    },
    /** Down: {@code 1.8 -> 1}. automaxprocs', Rust's and libuv's choice. */
    FLOOR {
        @Override
        public long apply(double cpus) {
            return (long) Math.floor(cpus + EPSILON);
        }
    },
    /** Half up: {@code 2.5 -> 3}, {@code 2.4 -> 2}. */
    ROUND {
        @Override
        public long apply(double cpus) {
            return (long) Math.floor(cpus + 0.5 + EPSILON);
        }
    };

    /** Tolerance for quota/period ratios that are whole numbers in decimal but not in binary. */
    static final double EPSILON = 1e-9;

    /** The whole count for {@code cpus} (may be 0 for a quota below one CPU; the minimum is applied by the policy). */
    public abstract long apply(double cpus);

    /** The lower-case name used in options ({@code ceil}, {@code floor}, {@code round}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The rounding named {@code text} (any case), or {@code null} when there is none of that name. */
    public static Rounding fromKey(String text) {
        for (Rounding r : values()) {
            if (r.key().equalsIgnoreCase(text.trim())) {
                return r;
            }
        }
        return null;
    }
}
