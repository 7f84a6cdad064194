package io.containerlimits.it.cgroup;

import java.io.IOException;
import java.io.InputStream;

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

    /** Set when stdin reached its end: the test is done with us. */
    private static volatile boolean stdinClosed;

    private LiveLimitProgram() {
    }

    public static void main(String[] args) throws InterruptedException {
        Thread watcher = new Thread(LiveLimitProgram::waitForEndOfStdin, "stdin watcher");
        watcher.setDaemon(true);
        watcher.start();
        long end = System.currentTimeMillis() + MAX_RUN_MILLIS;
        while (!stdinClosed && System.currentTimeMillis() < end) {
            System.out.println(Runtime.getRuntime().availableProcessors());
            System.out.flush();
            Thread.sleep(INTERVAL_MILLIS);
        }
    }

    private static void waitForEndOfStdin() {
        try {
            InputStream in = System.in;
            while (in.read() >= 0) {
                // ignore input: only its end matters
            }
        } catch (IOException e) {
            // a broken stdin counts as closed
        }
        stdinClosed = true;
    }
}
