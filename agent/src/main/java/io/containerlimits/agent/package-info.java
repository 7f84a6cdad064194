/**
 * The {@code -javaagent} entry point: detects at premain, sets the sizing properties the user has not set, warns
 * when the heap cannot fit the memory limit, installs the call-site rewrite, and starts the watcher that follows a
 * resize while the JVM runs (docs/design.md §4, §5).
 *
 * <p>Internal: not part of the API.
 */
package io.containerlimits.agent;
