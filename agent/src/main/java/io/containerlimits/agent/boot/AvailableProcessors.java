package io.containerlimits.agent.boot;

/**
 * What rewritten {@code Runtime.availableProcessors()} call sites invoke instead.
 *
 * <p><b>Important</b>: the call-site rewriter spells this class's name and the descriptor of
 * {@link #availableProcessors(Runtime)} ({@code CallSiteRewriter.HELPER_OWNER}, {@code HELPER_DESCRIPTOR}); do not
 * rename or move either.
 *
 * <p>Boot-visible (the agent jar is on the boot class path), because rewritten JDK classes in {@code java.base} call
 * it, and it links only to {@code java.base}.
 *
 * <p>Limits can change while the JVM runs (Kubernetes in-place resize, {@code docker update}): the agent's watcher
 * thread re-detects at most once a second and {@link #set}s the new count; a caller only reads a volatile field.
 */
public final class AvailableProcessors {

    /** The count to report; 0 until the agent sets one, and then callers get the JVM's own answer. */
    private static volatile int count;

    private AvailableProcessors() {
        throw new UnsupportedOperationException();
    }

    /** The replacement for {@code runtime.availableProcessors()}. Never blocks, never detects on this thread. */
    public static int availableProcessors(Runtime runtime) {
        int c = count;
        return c > 0 ? c : runtime.availableProcessors();
    }

    /** The count rewritten callers get from now on (at start, and on each change the watcher sees). */
    public static void set(int cpus) {
        count = cpus;
    }

    /** The count rewritten callers get now, 0 when none is set (for tests and reports). */
    public static int current() {
        return count;
    }

    /** Forgets the count: callers get the JVM's own answer again (for tests). */
    static void reset() {
        count = 0;
    }
}
