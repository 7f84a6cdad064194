/**
 * Parses the {@code /proc} files detection reads beside the cgroup ones: the affinity and the host's memory. Internal:
 * not part of the API.
 */
package io.containerlimits.detect.proc;
