/**
 * Finds each controller's cgroup hierarchy for this process and walks it for the tightest limit. Internal: not part of
 * the API.
 */
package io.containerlimits.detect.cgroup;
