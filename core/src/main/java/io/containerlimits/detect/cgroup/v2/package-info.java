/** Reads the CPU and memory limits of the cgroup v2 hierarchy. Internal: not part of the API. */
package io.containerlimits.detect.cgroup.v2;
