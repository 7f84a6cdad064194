/**
 * Reads the cgroup v2 files at each level: {@code cpu.max}, {@code memory.max}, and {@code memory.high},
 * {@code memory.swap.max} and {@code memory.current}, which are reported beside the limit (docs/design.md §3 step 5).
 *
 * <p>Internal: not part of the API.
 */
package io.containerlimits.detect.cgroup.v2;
