package io.containerlimits.it.cgroup;

import java.io.IOException;
import java.io.InputStream;

/**
 * Whether a forked program's stdin has reached its end: the test closes it when it is done with the program, so that
 * the program ends on its own. {@link #watch()} starts a daemon thread that reads stdin to its end.
 */
public final class StdinEnd {

    /** Set when stdin reached its end (or broke). */
    private static volatile boolean closed;

    private StdinEnd() {
    }

    /** Starts reading stdin to its end on a daemon thread. */
    public static void watch() {
        Thread reader = new Thread(StdinEnd::readToEnd, "stdin watcher");
        reader.setDaemon(true);
        reader.start();
    }

    /** True once stdin has reached its end. */
    public static boolean closed() {
        return closed;
    }

    private static void readToEnd() {
        try {
            InputStream in = System.in;
            while (in.read() >= 0) {
                // ignore input: only its end matters
            }
        } catch (IOException e) {
            // a broken stdin counts as closed
        }
        closed = true;
    }
}
