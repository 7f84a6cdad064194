package io.containerlimits.it.cgroup;

import java.util.concurrent.ForkJoinPool;

/**
 * Prints {@code Runtime.getRuntime().availableProcessors()} and the common pool's parallelism every 100 ms, one pair a
 * line ({@code 3 2}), until its stdin closes or {@link #MAX_RUN_MILLIS} pass: a JVM whose limit the test changes while
 * it runs.
 *
 * <p>The call site is in this class, so the agent's rewrite covers it like any application's.
 */
public final class LiveLimitProgram {

    /** Interval between two lines. */
    private static final long INTERVAL_MILLIS = 100;

    /** Ends the program even if nobody closes its stdin, so a lost test leaves nothing running for long. */
    private static final long MAX_RUN_MILLIS = 60_000;

    private LiveLimitProgram() {
    }

    public static void main(String[] args) throws InterruptedException {
        StdinEnd.watch();
        long end = System.currentTimeMillis() + MAX_RUN_MILLIS;
        while (!StdinEnd.closed() && System.currentTimeMillis() < end) {
            System.out.println(Runtime.getRuntime().availableProcessors() + " "
                    + ForkJoinPool.commonPool().getParallelism());
            System.out.flush();
            Thread.sleep(INTERVAL_MILLIS);
        }
    }
}
