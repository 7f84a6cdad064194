package io.containerlimits.it.docker;

import java.util.ArrayList;
import java.util.List;

/**
 * Allocates heap one MiB at a time and holds on to it, printing its progress, until the JVM throws
 * {@link OutOfMemoryError} (then it exits with {@value #EXIT_OUT_OF_MEMORY}) or the kernel kills it (137).
 *
 * <p>Which of the two ends it shows whether the heap fits the container's memory limit: a heap larger than the
 * limit is never full before the cgroup is.
 */
public final class HeapHog {

    /** Its own exit status after an {@link OutOfMemoryError}: the JVM, not the kernel, ended it. */
    public static final int EXIT_OUT_OF_MEMORY = 3;

    /** The first line it prints starts with this, then {@code Runtime.maxMemory()} in bytes. */
    public static final String MAX_HEAP = "HeapHog max heap ";

    /** Progress lines start with this, then the MiB it holds. */
    public static final String HOLDING = "HeapHog holding MiB ";

    /** One chunk, a MiB. */
    private static final int CHUNK = 1 << 20;

    /** The page size to touch each chunk by, so that the memory is really used. */
    private static final int PAGE = 4096;

    /** How many chunks between progress lines. */
    private static final int REPORT_EVERY = 16;

    private HeapHog() {
    }

    public static void main(String[] args) {
        System.out.println(MAX_HEAP + Runtime.getRuntime().maxMemory());
        List<byte[]> held = new ArrayList<>();
        try {
            while (true) {
                byte[] chunk = new byte[CHUNK];
                for (int i = 0; i < chunk.length; i += PAGE) {
                    chunk[i] = 1;
                }
                held.add(chunk);
                if (held.size() % REPORT_EVERY == 0) {
                    System.out.println(HOLDING + held.size());
                }
            }
        } catch (OutOfMemoryError expected) {
            int mebibytes = held.size();
            held.clear();
            System.out.println("HeapHog " + expected + " after " + mebibytes + " MiB");
            System.exit(EXIT_OUT_OF_MEMORY);
        }
    }
}
