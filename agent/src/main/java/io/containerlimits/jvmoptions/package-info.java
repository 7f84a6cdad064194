/**
 * Reads the JVM options the user gave, with HotSpot's meaning, for the agent and {@code flags}. Internal: not part of
 * the API.
 */
package io.containerlimits.jvmoptions;
