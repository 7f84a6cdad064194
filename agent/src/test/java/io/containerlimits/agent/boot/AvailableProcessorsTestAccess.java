package io.containerlimits.agent.boot;

import java.util.concurrent.Callable;

/** Opens the helper's package-private test seams to tests in other packages. */
public final class AvailableProcessorsTestAccess {

    private AvailableProcessorsTestAccess() {
    }

    public static void reset() {
        AvailableProcessors.reset();
    }

    public static void follow(int initial, Callable<Integer> redetect, long intervalMillis) {
        AvailableProcessors.follow(initial, redetect, intervalMillis);
    }
}
