package io.containerlimits.agent.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AvailableProcessorsTest {

    private static final long INTERVAL_MILLIS = 50;
    private static final Runtime RUNTIME = Runtime.getRuntime();

    /** A detection whose answer the test changes, counting how often it ran. */
    private static final class FakeDetection implements Callable<Integer> {
        final AtomicInteger answer;
        final AtomicInteger runs = new AtomicInteger();

        FakeDetection(int initial) {
            answer = new AtomicInteger(initial);
        }

        @Override
        public Integer call() {
            runs.incrementAndGet();
            return answer.get();
        }
    }

    @AfterEach
    void reset() {
        AvailableProcessors.reset();
    }

    @Test
    void withoutACountCallersGetTheJvmsAnswer() {
        assertEquals(RUNTIME.availableProcessors(), AvailableProcessors.availableProcessors(RUNTIME));
    }

    @Test
    void fixedCountIsReturnedAndStartsNoThread() throws Exception {
        AvailableProcessors.set(5);
        assertEquals(5, AvailableProcessors.availableProcessors(RUNTIME));
        assertEquals(0, refreshThreads(0), "a cpus= override never changes: nothing to refresh");
    }

    @Test
    void followedCountChangesWithinAboutAnInterval() throws Exception {
        FakeDetection detection = new FakeDetection(3);
        AvailableProcessors.follow(3, detection, INTERVAL_MILLIS);
        assertEquals(3, AvailableProcessors.availableProcessors(RUNTIME));

        detection.answer.set(7); // the quota in the cgroup changed
        long deadline = System.nanoTime() + 20 * INTERVAL_MILLIS * 1_000_000;
        int seen = 3;
        while (seen != 7 && System.nanoTime() < deadline) {
            seen = AvailableProcessors.availableProcessors(RUNTIME);
            Thread.sleep(5);
        }
        assertEquals(7, seen, "a caller that keeps calling sees the new count");
    }

    @Test
    void detectionRunsAtMostOncePerIntervalWhileCalled() throws Exception {
        FakeDetection detection = new FakeDetection(2);
        AvailableProcessors.follow(2, detection, INTERVAL_MILLIS);
        long start = System.nanoTime();
        while (System.nanoTime() - start < 10 * INTERVAL_MILLIS * 1_000_000) {
            AvailableProcessors.availableProcessors(RUNTIME);
        }
        int runs = detection.runs.get();
        assertTrue(runs >= 3 && runs <= 12, "10 intervals of busy calling: about one detection each, got " + runs);
    }

    @Test
    void detectionDoesNotRunWhileNobodyCalls() throws Exception {
        FakeDetection detection = new FakeDetection(2);
        AvailableProcessors.follow(2, detection, INTERVAL_MILLIS);
        AvailableProcessors.availableProcessors(RUNTIME);
        Thread.sleep(4 * INTERVAL_MILLIS); // one detection for the call, then idle
        int afterCall = detection.runs.get();
        Thread.sleep(6 * INTERVAL_MILLIS);
        assertEquals(afterCall, detection.runs.get(), "no calls, no detection");
        assertTrue(afterCall >= 1, "the call woke the thread");

        AvailableProcessors.availableProcessors(RUNTIME);
        Thread.sleep(4 * INTERVAL_MILLIS);
        assertTrue(detection.runs.get() > afterCall, "the next call wakes it again");
    }

    @Test
    void failedOrEmptyDetectionKeepsTheCount() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        AvailableProcessors.follow(4, () -> {
            if (runs.incrementAndGet() % 2 == 0) {
                throw new IllegalStateException("cgroup file vanished");
            }
            return null;
        }, INTERVAL_MILLIS);
        long start = System.nanoTime();
        while (System.nanoTime() - start < 5 * INTERVAL_MILLIS * 1_000_000) {
            assertEquals(4, AvailableProcessors.availableProcessors(RUNTIME));
        }
        assertTrue(runs.get() >= 2, "both failure kinds were tried");
    }

    @Test
    void refreshThreadIsADaemonWithAName() throws Exception {
        AvailableProcessors.follow(2, new FakeDetection(2), INTERVAL_MILLIS);
        assertEquals(1, refreshThreads(1));
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals(Refresher.THREAD_NAME)) {
                assertTrue(thread.isDaemon(), "never keeps the JVM alive");
            }
        }
    }

    @Test
    void setStopsFollowing() throws Exception {
        FakeDetection detection = new FakeDetection(9);
        AvailableProcessors.follow(2, detection, INTERVAL_MILLIS);
        AvailableProcessors.set(6);
        for (int i = 0; i < 20; i++) {
            assertEquals(6, AvailableProcessors.availableProcessors(RUNTIME));
            Thread.sleep(INTERVAL_MILLIS / 5);
        }
        assertEquals(0, detection.runs.get(), "the stopped refresher never published");
    }

    /** Live refresh threads, after waiting up to 2 s for {@code expected} (a stopped one may still be exiting). */
    private static int refreshThreads(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + 2_000_000_000L;
        int count;
        do {
            count = 0;
            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                if (thread.getName().equals(Refresher.THREAD_NAME) && thread.isAlive()) {
                    count++;
                }
            }
            if (count != expected) {
                Thread.sleep(10);
            }
        } while (count != expected && System.nanoTime() < deadline);
        return count;
    }
}
