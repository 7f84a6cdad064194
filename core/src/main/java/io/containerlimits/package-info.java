/**
 * The public API: {@link ContainerLimits#detect()} and the values it returns ({@link Limits} and the value types it
 * is made of), shaped by {@link Settings} (docs/design.md §2, §4); {@link ContainerLimits#watch} for the changes while
 * the JVM runs.
 */
package io.containerlimits;
