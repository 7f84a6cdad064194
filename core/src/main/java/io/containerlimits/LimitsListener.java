package io.containerlimits;

/**
 * Told when the container's limits change while the JVM runs (Kubernetes in-place resize, {@code docker update}).
 * Register with {@link ContainerLimits#watch(LimitsListener)}.
 *
 * <p>Called on the watcher's daemon thread, one change at a time, at most once a second. Return quickly: every other
 * listener waits. An exception goes to that thread's uncaught-exception handler and does not stop the watcher.
 */
public interface LimitsListener {

    /**
     * The CPU count, its source, the quota, the affinity or the memory limit differ from the last detection.
     *
     * @param previous the limits before the change
     * @param current  the limits now
     */
    void limitsChanged(Limits previous, Limits current);
}
