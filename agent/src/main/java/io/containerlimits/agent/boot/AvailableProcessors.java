package io.containerlimits.agent.boot;

import java.util.concurrent.Callable;

/**
 * What rewritten {@code Runtime.availableProcessors()} call sites invoke instead.
 *
 * <p><b>Important</b>: the call-site rewriter spells this class's name and the descriptor of
 * {@link #availableProcessors(Runtime)} ({@code CallSiteRewriter.HELPER_OWNER}, {@code HELPER_DESCRIPTOR}); do not
 * rename or move either.
 *
 * <p>Boot-visible (the agent jar is on the boot class path), because rewritten JDK classes in {@code java.base} call
 * it. It and {@link Refresher} link only to {@code java.base}: the re-detection they run arrives as a
 * {@link Callable}, so nothing of the agent's own is resolved from here.
 *
 * <p>Limits can change while the JVM runs (Kubernetes in-place resize, {@code docker update}). With
 * {@link #follow(int, Callable)}, a daemon thread re-runs the detection at most once a second, and only while
 * rewritten code keeps calling; the caller itself only reads a volatile field and flags that it called.
 */
public final class AvailableProcessors {

    /** How often the count may be re-detected while callers keep asking, at most (Go's rate, docs/design.md §3). */
    static final long REFRESH_INTERVAL_MILLIS = 1000;

    /** The count to report; 0 until the agent sets one, and then callers get the JVM's own answer. */
    private static volatile int count;

    /** The thread that keeps {@link #count} current; {@code null} when the count is fixed. */
    private static volatile Refresher refresher;

    private AvailableProcessors() {
        throw new UnsupportedOperationException();
    }

    /** The replacement for {@code runtime.availableProcessors()}. Never blocks, never detects on this thread. */
    public static int availableProcessors(Runtime runtime) {
        Refresher r = refresher;
        if (r != null) {
            r.called();
        }
        int c = count;
        return c > 0 ? c : runtime.availableProcessors();
    }

    /** Sets a fixed count (a {@code cpus=} override never changes): stops any refresh. */
    public static synchronized void set(int cpus) {
        stopRefresh();
        count = cpus;
    }

    /**
     * Reports {@code initial} now and follows {@code redetect} from then on: while rewritten code keeps calling, a
     * daemon thread named {@value Refresher#THREAD_NAME} calls {@code redetect} at most once a second and publishes
     * its answer. An answer that is {@code null}, below 1 or thrown keeps the previous count.
     */
    public static void follow(int initial, Callable<Integer> redetect) {
        follow(initial, redetect, REFRESH_INTERVAL_MILLIS);
    }

    /** {@link #follow(int, Callable)} with another interval, for tests. */
    static synchronized void follow(int initial, Callable<Integer> redetect, long intervalMillis) {
        stopRefresh();
        count = initial;
        Refresher r = new Refresher(redetect, intervalMillis);
        refresher = r;
        r.start();
    }

    /** Called by {@code from} with a new answer; ignored once {@code from} has been replaced or stopped. */
    static synchronized void update(Refresher from, int cpus) {
        if (refresher == from) {
            count = cpus;
        }
    }

    /** The count rewritten callers get now, 0 when none is set (for tests). */
    public static int current() {
        return count;
    }

    /** Stops following and forgets the count: callers get the JVM's own answer again (for tests). */
    static synchronized void reset() {
        stopRefresh();
        count = 0;
    }

    private static void stopRefresh() {
        Refresher r = refresher;
        refresher = null;
        if (r != null) {
            r.stop();
        }
    }
}
