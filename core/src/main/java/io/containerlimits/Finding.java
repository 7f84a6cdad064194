package io.containerlimits;

/**
 * One detected value, or the reason there is none.
 *
 * <p>Detection never answers with a sentinel: a value is {@link Status#FOUND} (with the file and level it came from),
 * {@link Status#NONE} (the mechanism is there and says "no limit", e.g. {@code cpu.max} reads {@code max}), or
 * {@link Status#UNKNOWN} (nothing usable could be read; the reason says why, and the JVM's own value stands).
 *
 * <p>Immutable and thread-safe.
 *
 * @param <T> the value type ({@link Double} for CPUs, {@link Long} for bytes)
 */
public final class Finding<T> {

    /** What a {@link Finding} holds. */
    public enum Status {
        /** A value was read; {@link #source()} says where. */
        FOUND,
        /** Read successfully, and it says there is no limit. */
        NONE,
        /** Nothing usable could be read; {@link #reason()} says why. */
        UNKNOWN
    }

    private final Status status;
    private final T value;
    private final String source;
    private final String reason;

    private Finding(Status status, T value, String source, String reason) {
        this.status = status;
        this.value = value;
        this.source = source;
        this.reason = reason;
    }

    /** A value read from {@code source} (a file path, level, or "override"). */
    public static <T> Finding<T> found(T value, String source) {
        if (value == null) {
            throw new NullPointerException("value");
        }
        return new Finding<T>(Status.FOUND, value, source, null);
    }

    /** No limit, for the given reason (for example {@code "cpu.max reads max at every level"}). */
    public static <T> Finding<T> none(String reason) {
        return new Finding<T>(Status.NONE, null, null, reason);
    }

    /** Could not be determined, for the given reason (for example {@code "mountinfo: permission denied"}). */
    public static <T> Finding<T> unknown(String reason) {
        return new Finding<T>(Status.UNKNOWN, null, null, reason);
    }

    public Status status() {
        return status;
    }

    public boolean isFound() {
        return status == Status.FOUND;
    }

    /** The value; {@code null} unless {@link #isFound()}. */
    public T value() {
        return value;
    }

    /** Where the value came from; {@code null} unless {@link #isFound()}. */
    public String source() {
        return source;
    }

    /** Why there is no value; {@code null} when {@link #isFound()}. */
    public String reason() {
        return reason;
    }

    /** The value if found, else {@code fallback}. */
    public T orElse(T fallback) {
        return isFound() ? value : fallback;
    }

    @Override
    public String toString() {
        switch (status) {
            case FOUND:
                return value + " (" + source + ")";
            case NONE:
                return "none (" + reason + ")";
            default:
                return "unknown (" + reason + ")";
        }
    }
}
