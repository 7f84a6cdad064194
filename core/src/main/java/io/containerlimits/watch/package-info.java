/**
 * The JVM's one watcher of limits that change while it runs ({@link io.containerlimits.ContainerLimits#watch}): the
 * agent's, reached also from another copy of this library through {@code java.*} types only, or a thread of its own
 * (docs/design.md §3, §5).
 *
 * <p>Internal: not part of the API; the agent's seam.
 */
package io.containerlimits.watch;
