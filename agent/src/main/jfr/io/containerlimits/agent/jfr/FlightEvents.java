package io.containerlimits.agent.jfr;

import io.containerlimits.Limits;
import io.containerlimits.agent.ChangeObserver;
import io.containerlimits.agent.LimitsText;
import java.util.List;
import jdk.jfr.FlightRecorder;

/**
 * The agent's JFR events: {@link LimitsChangedEvent} on each change and {@link LimitsEvent} periodically. Created
 * reflectively by the agent, only once {@code FlightRecorder.isInitialized()} on 11+, so that no {@code jdk.jfr} type
 * is resolved before JFR runs, and never on JDK 8.
 *
 * <p>Compiled against the JDK 11+ API with {@code -source 8 -target 8} (the agent jar is Java 8 bytecode;
 * {@code --release 8} has no {@code jdk.jfr}).
 */
public final class FlightEvents implements ChangeObserver, Runnable {

    private volatile Limits current;

    public FlightEvents() {
        FlightRecorder.register(LimitsChangedEvent.class);
        FlightRecorder.addPeriodicEvent(LimitsEvent.class, this);
    }

    @Override
    public void detected(Limits limits) {
        current = limits;
    }

    @Override
    public void changed(Limits previous, Limits now, List<String> resized, List<String> notResized) {
        current = now;
        LimitsChangedEvent event = new LimitsChangedEvent();
        if (event.isEnabled()) {
            event.oldCpus = previous.cpuCount();
            event.newCpus = now.cpuCount();
            event.oldCpuQuota = quota(previous);
            event.newCpuQuota = quota(now);
            event.oldMemoryLimit = memory(previous);
            event.newMemoryLimit = memory(now);
            event.resized = LimitsText.list(resized);
            event.notResized = LimitsText.list(notResized);
            event.commit();
        }
    }

    /** The periodic hook: the limits of the last detection. */
    @Override
    public void run() {
        Limits limits = current;
        LimitsEvent event = new LimitsEvent();
        if (limits != null && event.isEnabled()) {
            event.cpus = limits.cpuCount();
            event.cpuQuota = quota(limits);
            event.memoryLimit = memory(limits);
            event.cpuSource = LimitsText.cpuSource(limits);
            event.memorySource = LimitsText.memorySource(limits);
            event.commit();
        }
    }

    private static double quota(Limits limits) {
        return limits.cpuQuota().isFound() ? limits.cpuQuota().value() : Double.NaN;
    }

    private static long memory(Limits limits) {
        return limits.memoryLimit().isFound() ? limits.memoryLimit().value() : -1;
    }
}
