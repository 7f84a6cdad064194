/**
 * Reads the JVM options the user gave, with HotSpot's meaning, for the agent and {@code flags} (docs/design.md §4,
 * §6).
 *
 * <p>Internal: not part of the API.
 */
package io.containerlimits.jvmoptions;
