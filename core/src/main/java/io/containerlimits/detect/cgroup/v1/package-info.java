/** Reads the CPU and memory limits of cgroup v1 hierarchies. Internal: not part of the API. */
package io.containerlimits.detect.cgroup.v1;
