package io.containerlimits.memory;

/** Writes byte counts for people ({@code 94 MiB}) and for JVM options ({@code 94M}, {@code 30665K}). */
public final class Sizes {

    /** Bytes in a KiB. */
    public static final long KIB = 1024L;
    /** Bytes in a MiB. */
    public static final long MIB = 1024L * KIB;
    /** Bytes in a GiB. */
    public static final long GIB = 1024L * MIB;

    private Sizes() {
        throw new UnsupportedOperationException();
    }

    /**
     * A JVM size option value: whole MiB as {@code M}, else whole KiB as {@code K} (rounded up, so that the JVM never
     * gets less than was calculated), e.g. {@code 98566144 -> "94M"}, {@code 31400000 -> "30665K"}.
     */
    public static String jvm(long bytes) {
        if (bytes % MIB == 0) {
            return bytes / MIB + "M";
        }
        return ceilDiv(bytes, KIB) + "K";
    }

    /**
     * For people, in the report, the agent's log and messages alike: the largest binary unit the size reaches, one
     * decimal rounded half up, no trailing {@code .0}. {@code 268435456 -> "256 MiB"}, {@code 31400960 -> "29.9 MiB"},
     * {@code 1342177280 -> "1.3 GiB"} (1.25), {@code 300 -> "300 B"}.
     */
    public static String human(long bytes) {
        if (bytes >= GIB) {
            return scaled(bytes, GIB, " GiB");
        }
        if (bytes >= MIB) {
            return scaled(bytes, MIB, " MiB");
        }
        if (bytes >= KIB) {
            return scaled(bytes, KIB, " KiB");
        }
        return bytes + " B";
    }

    /** {@code bytes} rounded up to a multiple of {@code unit}. */
    static long roundUp(long bytes, long unit) {
        return ceilDiv(bytes, unit) * unit;
    }

    /** {@code bytes} rounded down to a multiple of {@code unit}. */
    static long roundDown(long bytes, long unit) {
        return bytes / unit * unit;
    }

    private static long ceilDiv(long value, long unit) {
        return (value + unit - 1) / unit;
    }

    /**
     * In whole tenths of {@code unit}, by integer arithmetic: no {@code String.format}, whose {@code Formatter} would
     * load regular expressions into the agent's premain when it prints a size.
     */
    private static String scaled(long bytes, long unit, String name) {
        long tenths = bytes / unit * 10 + (bytes % unit * 10 + unit / 2) / unit;
        return tenths % 10 == 0 ? tenths / 10 + name : tenths / 10 + "." + tenths % 10 + name;
    }
}
