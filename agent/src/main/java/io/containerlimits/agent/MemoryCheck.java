package io.containerlimits.agent;

import io.containerlimits.Finding;
import io.containerlimits.memory.CannotFitException;
import io.containerlimits.memory.MemoryCalculator;
import io.containerlimits.memory.Region;
import io.containerlimits.memory.Sizes;
import io.containerlimits.memory.UserMemoryOptions;

/**
 * The one memory warning (docs/design.md §6): the heap the JVM may grow to, plus a native minimum, does not fit the
 * memory limit. Past the limit the kernel, not the JVM, ends the process: exit 137, no {@code OutOfMemoryError}, no
 * heap dump. Heap and GC are fixed before premain, so the agent can only say so, and say which line fixes it.
 *
 * <p>A default JVM that sees its limit never trips this: its heap is a quarter of the limit.
 */
final class MemoryCheck {

    /** Metaspace, code cache, thread stacks and GC structures need at least this much beside the heap. */
    static final long NATIVE_MINIMUM_BYTES = 64 * Sizes.MIB;

    private MemoryCheck() {
        throw new UnsupportedOperationException();
    }

    /**
     * True when the heap plus the native minimum exceeds a known limit.
     *
     * @param maxHeap {@code Runtime.maxMemory()} ({@code Long.MAX_VALUE} when the JVM has no heap bound)
     * @param limit   the memory limit: the {@code memory=} setting or the detected one
     */
    static boolean heapExceeds(long maxHeap, Finding<Long> limit) {
        return limit.isFound() && maxHeap != Long.MAX_VALUE && maxHeap + NATIVE_MINIMUM_BYTES > limit.value();
    }

    /** The warning for a heap that {@link #heapExceeds} the limit; {@code jar} is the agent's path for the fix. */
    static String warning(long maxHeap, Finding<Long> limit, String jar) {
        long bytes = limit.value();
        long heapMib = suggestedHeapMib(bytes);
        return "the heap may grow to " + Sizes.human(maxHeap) + " (Runtime.maxMemory()) but the memory limit is "
                + Sizes.human(bytes) + " (" + limit.source() + "): when the JVM outgrows the limit the kernel kills it "
                + "(exit 137) without an OutOfMemoryError. Fix: start the JVM with a heap that fits, "
                + (heapMib > 0 ? "e.g. -Xmx" + heapMib + "m, or " : "")
                + "JAVA_TOOL_OPTIONS=\"$(java -jar " + jar + " flags) $JAVA_TOOL_OPTIONS\"";
    }

    /**
     * The heap {@code flags} computes for this limit with its defaults, in MiB, so that the message and the command
     * agree; 0 when nothing fits. Loaded only when a warning is printed.
     */
    static long suggestedHeapMib(long limitBytes) {
        try {
            long heap = MemoryCalculator.defaults().calculate(limitBytes, UserMemoryOptions.none()).size(Region.HEAP);
            return heap / Sizes.MIB;
        } catch (CannotFitException e) {
            return 0;
        }
    }
}
