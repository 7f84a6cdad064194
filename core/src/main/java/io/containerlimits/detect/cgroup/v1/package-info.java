/**
 * Reads the cgroup v1 files at each level: {@code cpu.cfs_quota_us} with {@code cpu.cfs_period_us},
 * {@code memory.limit_in_bytes} with {@code memory.stat}, and the swap and usage files reported beside the limit
 * (docs/design.md §3 step 5).
 *
 * <p>Internal: not part of the API.
 */
package io.containerlimits.detect.cgroup.v1;
