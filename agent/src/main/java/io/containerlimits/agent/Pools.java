package io.containerlimits.agent;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.concurrent.ForkJoinPool;

/**
 * Resizes the JDK's two CPU-sized pools in a running JVM with {@code ForkJoinPool.setParallelism} (JDK 19+, reached
 * reflectively: the agent is Java 8 bytecode). Only the watcher thread uses it.
 *
 * <p>{@link #prepare} looks up the method and the scheduler's field one interval after start, so that the first change
 * costs what the next ones do (cold, the lookups and the module opening took a few hundred ms of a change's latency on
 * a throttled JVM). Neither pool is created by that: the lookups load {@code ForkJoinPool} and
 * {@code VirtualThread} without initialising them.
 */
final class Pools {

    /** The default virtual-thread scheduler's holder (JDK 21+). */
    static final String VIRTUAL_THREAD = "java.lang.VirtualThread";

    /** Its field in JDK 21 and 25; any other static {@code ForkJoinPool} field of the class is tried after it. */
    private static final String SCHEDULER_FIELD = "DEFAULT_SCHEDULER";

    private final Instrumentation instrumentation;
    private Method setParallelism;
    private Field scheduler;

    Pools(Instrumentation instrumentation) {
        this.instrumentation = instrumentation;
    }

    /** Looks up {@code setParallelism} and, with {@code virtualThreads}, the scheduler's field (opening java.lang). */
    void prepare(boolean virtualThreads) throws ReflectiveOperationException {
        if (setParallelism == null) {
            setParallelism = ForkJoinPool.class.getMethod("setParallelism", int.class);
        }
        if (virtualThreads && scheduler == null) {
            Class<?> virtualThread = Class.forName(VIRTUAL_THREAD, false, null);
            Modules.open(instrumentation, Modules.of(virtualThread), "java.lang", Modules.of(Pools.class));
            Field field = schedulerField(virtualThread);
            field.setAccessible(true);
            scheduler = field;
        }
    }

    /**
     * Sets the common pool's parallelism; returns the previous one. Throws {@code UnsupportedOperationException}
     * (wrapped) when the pool's parallelism came from its system property.
     */
    int resizeCommonPool(int parallelism) throws ReflectiveOperationException {
        prepare(false);
        return setParallelism(ForkJoinPool.commonPool(), parallelism);
    }

    /** Sets the default virtual-thread scheduler's parallelism; returns the previous one. */
    int resizeVirtualThreadScheduler(int parallelism) throws ReflectiveOperationException {
        prepare(true);
        return setParallelism((ForkJoinPool) scheduler.get(null), parallelism);
    }

    private static Field schedulerField(Class<?> virtualThread) throws NoSuchFieldException {
        try {
            return virtualThread.getDeclaredField(SCHEDULER_FIELD);
        } catch (NoSuchFieldException e) {
            for (Field field : virtualThread.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == ForkJoinPool.class) {
                    return field;
                }
            }
            throw e;
        }
    }

    private int setParallelism(ForkJoinPool pool, int parallelism) throws ReflectiveOperationException {
        return (Integer) setParallelism.invoke(pool, parallelism);
    }
}
