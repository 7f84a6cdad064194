/**
 * Finds this process's cgroup CPU quota, memory limit and CPU affinity by reading the kernel's files under one root
 * directory (docs/design.md §3).
 *
 * <p>Internal: not part of the API.
 */
package io.containerlimits.detect;
