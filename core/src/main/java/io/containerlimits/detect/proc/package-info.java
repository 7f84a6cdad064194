/**
 * Parses the {@code /proc} files detection needs besides the cgroup ones: the affinity list of
 * {@code /proc/self/status} and {@code MemTotal} of {@code /proc/meminfo} (docs/design.md §3 steps 5 and 6).
 *
 * <p>Internal: not part of the API.
 */
package io.containerlimits.detect.proc;
