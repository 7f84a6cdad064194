package io.containerlimits.agent.boot;

/**
 * What rewritten {@code Runtime.availableProcessors()} call sites invoke instead. Boot-visible, links only to
 * {@code java.base}.
 *
 * <p>TODO(agent): follow limit changes (re-detection at most once a second, off the calling thread).
 */
public final class AvailableProcessors {

    /** The count to report; 0 means "not set, ask the JVM". */
    private static volatile int count;

    private AvailableProcessors() {
        throw new UnsupportedOperationException();
    }

    /** The replacement for {@code runtime.availableProcessors()}. */
    public static int availableProcessors(Runtime runtime) {
        int c = count;
        return c > 0 ? c : runtime.availableProcessors();
    }

    /** Sets the count rewritten callers see. */
    public static void set(int cpus) {
        count = cpus;
    }
}
