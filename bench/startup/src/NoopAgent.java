import java.lang.instrument.Instrumentation;

/**
 * The baseline agent: an empty premain. What {@code -javaagent} itself costs (the JVM loads java.instrument and
 * gives up CDS's archived module graph) is every agent's cost, not container-limits'; the rewrite is judged
 * against this.
 */
public final class NoopAgent {
    public static void premain(String arguments, Instrumentation instrumentation) {
    }
}
