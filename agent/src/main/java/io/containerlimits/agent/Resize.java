package io.containerlimits.agent;

import io.containerlimits.Finding;
import io.containerlimits.Limits;
import io.containerlimits.LimitsListener;
import io.containerlimits.LogLevel;
import io.containerlimits.agent.boot.AvailableProcessors;
import io.containerlimits.jvmoptions.UserJvmOptions;
import io.containerlimits.memory.Sizes;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * What the agent does when the watcher sees the limits change: the new count to rewritten callers, the common pool
 * (19+) and the virtual-thread scheduler (21+) resized where the user did not fix them, the published
 * {@code container.limits.*} values moved, a heap that no longer fits the memory limit warned about and its soft
 * maximum lowered where the GC honours it, and with
 * {@code log=info} one line saying what was resized and what could not be; then the MBean's notification and the JFR
 * event ({@link Observers}).
 *
 * <p>The first listener of the agent's watcher, so that the application's listeners hear of a change after the pools
 * were resized. Never throws: a step that fails is reported as not resized.
 */
final class Resize implements LimitsListener {

    private final Follow follow;
    private final Log log;
    private final PropertyWriter properties;
    private final Observers observers;
    private final Pools pools;
    /** Opened on the first memory change that needs it; {@code null} until then. */
    private SoftMaxHeap softMax;

    /** @param properties the system properties, where the published values move */
    Resize(Follow follow, Log log, Properties properties) {
        this.follow = follow;
        this.log = log;
        this.properties = new PropertyWriter(properties, log);
        this.observers = new Observers(log, follow.javaFeature);
        this.pools = new Pools(follow.instrumentation);
    }

    /** After each detection, changed or not: JMX and JFR, once the application has started either. */
    void detected(Limits current) {
        observers.detected(current);
    }

    /**
     * The watcher's first step, one interval after start. Prepares what a change needs ({@link Pools#prepare}, the
     * classes of the change's line), so that the first change is as quick as the next. And a common pool created
     * before the rewrite could size it (a class loaded ahead of the transformer, as from an AOT cache) gets the start
     * count now.
     */
    void reconcile(Limits initial) {
        try {
            if (follow.javaFeature >= 19 && (can(Follow.COMMON_POOL) || can(Follow.VIRTUAL_THREADS))) {
                pools.prepare(follow.javaFeature >= 21 && can(Follow.VIRTUAL_THREADS));
            }
            ChangeLine.of(initial, initial, new ArrayList<String>(), new ArrayList<String>());
        } catch (Throwable t) {
            log.debug("could not prepare for changes (a change will say why): " + t);
        }
        if (can(Follow.CALLERS) && can(Follow.COMMON_POOL)) {
            int parallelism = Math.max(1, initial.cpuCount() - 1);
            try {
                // Called even when the pool is right (a no-op then): the first reflective call is the costly one (the
                // pool followed 3.7 s after the callers in the cgroup v2 guest's emulation at 0.5 CPU without this),
                // and it is better paid here than on a change.
                int before = pools.resizeCommonPool(parallelism);
                if (before != parallelism) {
                    log.debug("common pool " + before + " -> " + parallelism + ": it was created before the rewrite");
                }
            } catch (Throwable t) {
                log.debug("common pool not resized at start: " + t);
            }
        }
    }

    @Override
    public void limitsChanged(Limits previous, Limits current) {
        List<String> resized = new ArrayList<String>();
        List<String> notResized = new ArrayList<String>();
        try {
            if (previous.cpuCount() != current.cpuCount()) {
                cpus(current.cpuCount(), resized, notResized);
            }
            if (publish(previous, current)) {
                resized.add("container.limits.* properties");
            }
            memory(previous, current, resized, notResized);
        } catch (Throwable t) {
            notResized.add("the rest (" + t + ")");
        }
        String line = ChangeLine.of(previous, current, resized, notResized);
        if (log.isInfo()) {
            log.info(LogLevel.PREFIX + line);
        }
        observers.changed(previous, current, resized, notResized, line);
    }

    private void cpus(int cpus, List<String> resized, List<String> notResized) {
        if (can(Follow.CALLERS)) {
            AvailableProcessors.set(cpus);
            resized.add("availableProcessors() callers " + cpus);
        }
        if (follow.resizable == 0) {
            notResized.add("CPU sizing (fixed at start: -XX:ActiveProcessorCount or cpus=)");
            return;
        }
        if (follow.javaFeature < 19) {
            notResized.add("common pool (no setParallelism before JDK 19)");
        } else if (!can(Follow.COMMON_POOL)) {
            notResized.add("common pool (its parallelism property is set)");
        } else {
            int parallelism = Math.max(1, cpus - 1);
            try {
                resized.add("common pool " + pools.resizeCommonPool(parallelism) + " -> " + parallelism);
            } catch (Throwable t) {
                notResized.add("common pool (" + cause(t) + ")");
            }
        }
        if (follow.javaFeature >= 21) {
            if (!can(Follow.VIRTUAL_THREADS)) {
                notResized.add("virtual-thread scheduler (its parallelism property is set)");
            } else {
                try {
                    resized.add("virtual-thread scheduler " + pools.resizeVirtualThreadScheduler(cpus) + " -> " + cpus);
                } catch (Throwable t) {
                    notResized.add("virtual-thread scheduler (" + cause(t) + ")");
                }
            }
        }
    }

    /** Moves the published values the agent set; true when one moved. */
    private boolean publish(Limits previous, Limits current) {
        boolean moved = false;
        for (AgentProperty property : AgentProperty.values()) {
            if (property.kind() == AgentProperty.Kind.PUBLISHED) {
                String before = property.publishedValue(previous);
                String after = property.publishedValue(current);
                moved |= (before == null ? after != null : !before.equals(after))
                        && properties.follow(property, before, after);
            }
        }
        return moved;
    }

    /**
     * A changed memory limit the heap may outgrow: the start's warning again (once per lowered limit), and where the
     * GC honours it the heap's soft maximum set to the heap {@code flags} computes for the new limit; a limit the heap
     * fits again puts the soft maximum back.
     */
    private void memory(Limits previous, Limits current, List<String> resized, List<String> notResized) {
        Finding<Long> before = previous.memoryLimit();
        Finding<Long> after = current.memoryLimit();
        if (before.isFound() == after.isFound() && (!after.isFound() || before.value().equals(after.value()))) {
            return;
        }
        long maxHeap = Runtime.getRuntime().maxMemory();
        if (!MemoryCheck.heapExceeds(maxHeap, after)) {
            if (softMax != null && softMax.changed()) {
                resized.add(softMax.restore());
            }
            return;
        }
        notResized.add("heap maximum (" + Sizes.human(maxHeap) + ", fixed at start)");
        if (!before.isFound() || after.value() < before.value()) {
            log.warn(MemoryCheck.warning(maxHeap, after, jarForMessages()));
        }
        if (follow.javaFeature < 13) {
            notResized.add("SoftMaxHeapSize (JDK 13+)");
            return;
        }
        if (softMax == null) {
            softMax = SoftMaxHeap.open();
        }
        long heapMib = MemoryCheck.suggestedHeapMib(after.value());
        if (softMax == null || softMax.honouringGc() == null) {
            notResized.add("SoftMaxHeapSize (" + (softMax == null ? "no HotSpot diagnostic bean"
                    : "the running GC ignores it") + ")");
        } else if (heapMib == 0) {
            notResized.add("SoftMaxHeapSize (no heap fits " + Sizes.human(after.value()) + ")");
        } else {
            resized.add(softMax.fit(heapMib << 20, maxHeap));
        }
    }

    private String jarForMessages() {
        return AgentJar.forMessages(follow.premainClass,
                UserJvmOptions.ofThisProcess(follow.environment).javaAgentJars());
    }

    private boolean can(int what) {
        return (follow.resizable & what) != 0;
    }

    /** The exception a reflective call threw, not its wrapper. */
    private static Throwable cause(Throwable t) {
        return t instanceof InvocationTargetException && t.getCause() != null ? t.getCause() : t;
    }
}
