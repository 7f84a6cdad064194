/**
 * Reads the cgroup and {@code /proc} files under one root directory into a {@link Detection}, before any policy.
 * Internal: not part of the API.
 */
package io.containerlimits.detect;
