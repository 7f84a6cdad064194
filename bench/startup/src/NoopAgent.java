import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;

/**
 * The baseline agents. With no argument, an empty premain: what {@code -javaagent} itself costs (the JVM loads
 * java.instrument and gives up CDS's archived module graph) is every agent's cost, not container-limits'. With
 * {@code transformer}, also a transformer that returns {@code null} for every class: the floor of any agent that
 * transforms, since the JVM then posts the class-file hook for every class loaded after premain (and re-reads the
 * original bytes of every CDS class). The rewrite is judged against both.
 */
public final class NoopAgent {
    public static void premain(String arguments, Instrumentation instrumentation) {
        if ("transformer".equals(arguments)) {
            instrumentation.addTransformer(new ClassFileTransformer() {
                @Override
                public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                        ProtectionDomain protectionDomain, byte[] classFile) {
                    return null;
                }
            });
        }
    }
}
