/**
 * The {@code -javaagent} entry point: detects at premain, sets the sizing properties the user has not set, warns
 * when the heap cannot fit the memory limit, and installs the call-site rewrite (docs/design.md §4, §5).
 *
 * <p>Internal: not part of the API.
 */
package io.containerlimits.agent;
