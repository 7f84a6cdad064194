package io.containerlimits.agent;

import io.containerlimits.LogLevel;
import io.containerlimits.agent.boot.AvailableProcessors;
import java.io.PrintStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;

/**
 * Installs the call-site rewrite: the helper's count, the transformer, and the retransform of the JDK classes that
 * were loaded before premain but not yet initialised.
 *
 * <p>That retransform ({@code java.lang.VirtualThread}, JDK 21+) happens only when
 * {@code jdk.virtualThreadScheduler.parallelism} is unset. Its one {@code availableProcessors()} call site (JDK 21
 * and 25 {@code createDefaultScheduler}) is the fallback for that property, and the agent sets the property before
 * it gets here whenever it rewrites (a user's own value wins), so in the ordinary run the rewritten site could never
 * execute: the retransform only cost start-up time. Measured on JDK 25 (Hello and a Guava app, {@code cpus=1},
 * 12 interleaved rounds, load 6 on 2 CPUs, median wall / CPU ms): synchronous retransform 446 / 297 and
 * 1581 / 1142; on a daemon thread after premain 489 / 293 and 1611 / 1154 (the same work, only moved; no gain);
 * skipped 442 / 266 and 1398 / 1083; no-op agent 370 / 238 and 1382 / 1005. The scheduler still gets the agent's
 * count, from the property (the {@code vtScheduler} value of the integration tests' probe). Kept for the case the
 * property is absent here (cleared by another agent in between): then the site can run, and is rewritten.
 *
 * <p>Loaded only once the helper is boot-visible: this class is the first to link to {@link AvailableProcessors}, so
 * that a renamed jar's fallback (an application-loader copy of the agent) still resolves the one boot copy.
 *
 * <p>Public, with only {@code java.*} types in {@link #install}'s signature, for that same fallback: there the caller
 * is the application loader's copy of {@link Agent} and this class is the boot loader's, two runtime packages of one
 * name, so a package-private call or an agent type in the signature would fail with {@code IllegalAccessError} or a
 * loader constraint.
 */
public final class Rewrite {

    /**
     * The one class that calls {@code availableProcessors}, is loaded but not yet initialised at premain (JDK 21+), and
     * therefore needs a retransform; everything else that matters loads later, or was initialised already and cannot
     * be fixed ({@code ConcurrentHashMap}). A fixed name: scanning every loaded class costs 100+ ms
     * (docs/agent-notes.md §1.6).
     */
    static final String VIRTUAL_THREAD = "java.lang.VirtualThread";

    /** Its only call site is the fallback of this property in {@code createDefaultScheduler} (21, 25). */
    static final String VIRTUAL_THREAD_PARALLELISM = "jdk.virtualThreadScheduler.parallelism";

    private Rewrite() {
        throw new UnsupportedOperationException();
    }

    /**
     * Makes rewritten callers see {@code cpus} (the watcher sets each new count later) and installs the transformer.
     *
     * @param debug whether to print each class rewritten (and each retransform failure) on {@code err}
     */
    public static ClassFileTransformer install(Instrumentation instrumentation, int cpus, int javaFeature,
            boolean debug, PrintStream err) {
        Log log = new Log(debug ? LogLevel.DEBUG : LogLevel.WARN, err);
        AvailableProcessors.set(cpus);
        CallSiteTransformer transformer = new CallSiteTransformer(log);
        // Retransform-capable only when a retransform follows: for such a transformer the JVM keeps a copy of every
        // class file loaded from then on, and the transformer gets its own JVMTI environment.
        boolean retransform = javaFeature >= 9 && System.getProperty(VIRTUAL_THREAD_PARALLELISM) == null;
        instrumentation.addTransformer(transformer, retransform);
        if (retransform) {
            retransformVirtualThread(instrumentation, log);
        }
        return transformer;
    }

    private static void retransformVirtualThread(Instrumentation instrumentation, Log log) {
        Class<?> virtualThread;
        try {
            virtualThread = Class.forName(VIRTUAL_THREAD, false, null);
        } catch (ClassNotFoundException e) {
            return; // before JDK 21
        }
        try {
            if (!instrumentation.isModifiableClass(virtualThread)) {
                return;
            }
            long started = System.nanoTime();
            readHelperModule(instrumentation, virtualThread);
            instrumentation.retransformClasses(virtualThread);
            if (log.isDebug()) {
                log.debug("retransformed " + VIRTUAL_THREAD + " in " + (System.nanoTime() - started) / 1000000
                        + " ms, with a read edge from java.base to the helper");
            }
        } catch (Throwable t) {
            log.debug("could not retransform " + VIRTUAL_THREAD + ": " + t);
        }
    }

    /**
     * Lets {@code candidate}'s module read the helper's (the boot loader's unnamed module). The JVM adds that edge
     * itself to a module one of whose classes is transformed at load time (docs/agent-notes.md §1.5); a class that is
     * only retransformed, and runs its rewritten site before any such load, would miss it, so this is insurance. Java
     * 9+ API, called reflectively: the agent is Java 8 bytecode.
     */
    private static void readHelperModule(Instrumentation instrumentation, Class<?> candidate) throws Exception {
        Modules.addRead(instrumentation, Modules.of(candidate), Modules.of(AvailableProcessors.class));
    }
}
