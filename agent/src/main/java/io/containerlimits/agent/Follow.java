package io.containerlimits.agent;

import io.containerlimits.LogLevel;
import io.containerlimits.watch.Feed;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.util.Map;

/**
 * The trigger premain pulls to follow limits that change while the JVM runs (Kubernetes in-place resize,
 * {@code docker update}): it starts the daemon thread {@value Feed#THREAD_NAME} and holds what
 * that thread needs. Premain pays for this one class and a thread start; {@link FollowLoop} and everything it uses
 * load on the new thread.
 *
 * <p>Public, with only {@code java.*} types in {@link #start}'s signature, for the reason {@link Rewrite} gives: with a
 * renamed jar the caller may be the application loader's copy of {@link Agent} and this the boot loader's. The
 * settings therefore travel as the argument string, resolved again on the thread.
 */
public final class Follow implements Runnable {

    /** {@link #start}'s {@code resizable} bit: rewritten {@code availableProcessors()} callers get each new count. */
    public static final int CALLERS = 1;
    /** The common pool is resized ({@code setParallelism}, 19+; its property unset). */
    public static final int COMMON_POOL = 2;
    /** The default virtual-thread scheduler is resized (21+; the user did not set its property). */
    public static final int VIRTUAL_THREADS = 4;

    final String arguments;
    final Map<String, String> environment;
    final Instrumentation instrumentation;
    final Object initialLimits;
    final int javaFeature;
    final int resizable;
    final PrintStream err;
    final Class<?> premainClass;

    Follow(String arguments, Map<String, String> environment, Instrumentation instrumentation,
            Object initialLimits, int javaFeature, int resizable, PrintStream err, Class<?> premainClass) {
        this.arguments = arguments;
        this.environment = environment;
        this.instrumentation = instrumentation;
        this.initialLimits = initialLimits;
        this.javaFeature = javaFeature;
        this.resizable = resizable;
        this.err = err;
        this.premainClass = premainClass;
    }

    /**
     * Starts the watcher thread.
     *
     * @param arguments     the agent arguments ({@code null} for none), resolved again with {@code environment}
     * @param initialLimits the {@code Limits} premain detected: the first comparison's baseline when it is this copy's
     *                      type, else the thread detects its own
     * @param resizable     what may be resized: {@link #CALLERS}, {@link #COMMON_POOL}, {@link #VIRTUAL_THREADS}
     * @param err           where the agent's lines go
     * @param premainClass  the agent's premain class, to name the jar in the memory warning's fix
     */
    public static void start(String arguments, Map<String, String> environment, Instrumentation instrumentation,
            Object initialLimits, int javaFeature, int resizable, PrintStream err, Class<?> premainClass) {
        Thread thread = new Thread(new Follow(arguments == null ? "" : arguments, environment, instrumentation,
                initialLimits, javaFeature, resizable, err, premainClass), Feed.THREAD_NAME);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        try {
            FollowLoop.run(this);
        } catch (InterruptedException e) {
            // the JVM is going away
        } catch (Throwable t) {
            err.println(LogLevel.PREFIX + "stopped following limit changes: " + t);
        }
    }
}
