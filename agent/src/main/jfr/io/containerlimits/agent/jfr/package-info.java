/**
 * The agent's JFR events {@code io.containerlimits.LimitsChanged} and {@code io.containerlimits.Limits}, compiled
 * against the JDK 11+ API as Java 8 bytecode and loaded only once JFR runs (docs/design.md §5).
 *
 * <p>Internal: the events are the API, not these classes.
 */
package io.containerlimits.agent.jfr;
