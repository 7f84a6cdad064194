/**
 * The command line, {@code java -jar container-limits.jar [report|json|flags]}: parses the options, runs detection
 * and prints the report, the JSON or the JVM options (docs/design.md §2, §4, §6).
 *
 * <p>Internal: not part of the API.
 */
package io.containerlimits.cli;
