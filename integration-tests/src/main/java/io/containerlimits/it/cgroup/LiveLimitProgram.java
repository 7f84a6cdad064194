package io.containerlimits.it.cgroup;

/**
 * Prints {@code Runtime.getRuntime().availableProcessors()} every 100 ms, one number a line, until its stdin closes
 * or {@link #MAX_RUN_MILLIS} pass: a JVM whose limit the test changes while it runs.
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
            System.out.println(Runtime.getRuntime().availableProcessors());
            System.out.flush();
            Thread.sleep(INTERVAL_MILLIS);
        }
    }
}
