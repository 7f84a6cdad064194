package io.containerlimits.agent;

import io.containerlimits.LogLevel;
import java.lang.instrument.Instrumentation;

/**
 * The {@code Premain-Class}: a trampoline into {@link Agent}. Its rules, each learnt from a JVM abort
 * (docs/agent-notes.md §0, §1.6):
 * <ul>
 *   <li>{@code premain} and {@code agentmain} call one private start method, inside {@code catch (Throwable)}: an
 *       exception escaping premain aborts the JVM.</li>
 *   <li>Only {@code java.*} types in method signatures: the JVM finds {@code premain} through
 *       {@code getDeclaredMethod}, which resolves every declared method, and a missing type aborts the JVM.</li>
 *   <li>No lambdas, streams or logging framework; no work here beyond the guard.</li>
 *   <li>Applies once per JVM: {@code -javaagent} given twice (the command line plus {@code JAVA_TOOL_OPTIONS}) starts
 *       the agent once, without an error. Every load of this jar resolves this one class, so a static guard is
 *       enough.</li>
 *   <li>Failures print one {@code container-limits:} line on stderr; the JVM always starts.</li>
 * </ul>
 */
public final class ContainerLimitsAgent {

    /** Guarded by the class lock. Not an {@code AtomicBoolean}: on JDK 25 that spins method handles (~10 ms). */
    private static boolean started;

    private ContainerLimitsAgent() {
        throw new UnsupportedOperationException();
    }

    /** {@code -javaagent:container-limits.jar[=key=value,...]}. */
    public static void premain(String arguments, Instrumentation instrumentation) {
        start(arguments, instrumentation);
    }

    /** Attached to a running JVM: the same, for the classes that load from now on. */
    public static void agentmain(String arguments, Instrumentation instrumentation) {
        start(arguments, instrumentation);
    }

    private static synchronized boolean firstStart() {
        boolean first = !started;
        started = true;
        return first;
    }

    private static void start(String arguments, Instrumentation instrumentation) {
        try {
            if (firstStart()) {
                Agent.start(arguments, instrumentation, ContainerLimitsAgent.class);
            }
        } catch (Throwable t) {
            System.err.println(LogLevel.PREFIX + "agent not applied, the JVM runs with its own sizing: " + t);
        }
    }
}
