package io.containerlimits.agent.boot;

import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;

/**
 * The daemon thread behind {@link AvailableProcessors#follow(int, Callable)}: re-detects the CPU count at most once
 * per interval, and only while rewritten code keeps calling.
 *
 * <pre>
 * loop:  park until a caller has called since the last detection   (idle: costs nothing)
 *        clear the flag, re-detect, publish
 *        sleep one interval                                          (rate limit)
 * </pre>
 *
 * A caller's whole cost is {@link #called()}: two volatile reads, and a volatile write plus an unpark only on the
 * first call after a quiet interval. A limit written to the cgroup is therefore seen by callers that keep calling
 * within about one interval; after a quiet spell the first call still gets the old count and wakes the thread, so the
 * calls right after it see the new one. Lost wake-ups are impossible: the caller writes {@code calledSinceDetection}
 * before reading {@code idle}, and the thread writes {@code idle} before re-reading {@code calledSinceDetection}.
 */
final class Refresher implements Runnable {

    /** The thread's name, as {@code jstack} shows it. */
    static final String THREAD_NAME = "container-limits-refresh";

    private final Callable<Integer> redetect;
    private final long intervalMillis;
    private final Thread thread;
    private volatile boolean calledSinceDetection;
    private volatile boolean idle;
    private volatile boolean stopped;

    Refresher(Callable<Integer> redetect, long intervalMillis) {
        this.redetect = redetect;
        this.intervalMillis = intervalMillis;
        this.thread = new Thread(this, THREAD_NAME);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** The caller's side: flag the call, wake the thread if it sleeps. */
    void called() {
        if (!calledSinceDetection) {
            calledSinceDetection = true;
        }
        if (idle) {
            idle = false;
            LockSupport.unpark(thread);
        }
    }

    void stop() {
        stopped = true;
        thread.interrupt();
    }

    @Override
    public void run() {
        try {
            while (!stopped) {
                awaitCall();
                if (stopped) {
                    return;
                }
                calledSinceDetection = false;
                publish(detect());
                Thread.sleep(intervalMillis);
            }
        } catch (InterruptedException e) {
            // stop() interrupts: the count is fixed or replaced, nothing is left to do
        }
    }

    private void awaitCall() {
        while (!calledSinceDetection && !stopped) {
            idle = true;
            if (!calledSinceDetection && !stopped) {
                LockSupport.park(this);
            }
            idle = false;
        }
    }

    /** The new count, or 0 to keep the old one: a detection that fails must not change what callers see. */
    private int detect() {
        try {
            Integer cpus = redetect.call();
            return cpus == null ? 0 : cpus;
        } catch (Throwable t) {
            return 0;
        }
    }

    private void publish(int cpus) {
        if (cpus > 0) {
            AvailableProcessors.update(this, cpus);
        }
    }
}
