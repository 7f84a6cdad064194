/**
 * Locates a controller's cgroup directories from {@code /proc/self/cgroup} and {@code /proc/self/mountinfo} and walks
 * them from the leaf to the mount point, whatever the cgroup version (docs/design.md §3 steps 1 to 5).
 *
 * <p>Internal: not part of the API.
 */
package io.containerlimits.detect.cgroup;
