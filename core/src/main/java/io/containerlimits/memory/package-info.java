/** Shares a memory limit out between the JVM's heap, thread stacks, metaspace, code cache and direct memory. */
package io.containerlimits.memory;
