/**
 * The MBean {@code io.containerlimits:type=ContainerLimits}, registered by the agent's watcher once the platform MBean
 * server exists (docs/design.md §5).
 *
 * <p>Internal: its attributes and notifications are the API, not these classes.
 */
package io.containerlimits.agent.jmx;
