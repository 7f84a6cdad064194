/**
 * Shares a memory limit out between the JVM's heap, thread stacks, metaspace, code cache and direct memory
 * (docs/design.md §6).
 */
package io.containerlimits.memory;
