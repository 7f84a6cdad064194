package io.containerlimits.agent.boot;

/** Opens the helper's package-private test seam to tests in other packages. */
public final class AvailableProcessorsTestAccess {

    private AvailableProcessorsTestAccess() {
    }

    public static void reset() {
        AvailableProcessors.reset();
    }
}
