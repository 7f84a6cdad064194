package io.containerlimits.cli;

import java.io.File;
import java.util.Map;

/**
 * The {@code -javaagent:} option that attaches this very jar with the settings given on the command line, e.g.
 * {@code -javaagent:/opt/container-limits.jar=cpus=2,rounding=floor}.
 */
final class AgentLine {

    /** What the line names when the classes do not run from a jar (tests run from {@code target/classes}). */
    static final String DEFAULT_JAR = "container-limits.jar";

    private AgentLine() {
        throw new UnsupportedOperationException();
    }

    /**
     * The option for {@code jar} with every setting option in {@code given} except {@code --root} (a test aid the
     * agent has no use for), values as the user wrote them. Quoted when the path holds whitespace, in the way
     * {@code JAVA_TOOL_OPTIONS} groups words.
     */
    static String of(String jar, Map<Option, String> given) {
        StringBuilder sb = new StringBuilder("-javaagent:").append(jar);
        String separator = "=";
        for (Map.Entry<Option, String> e : given.entrySet()) {
            if (e.getKey().setting() != null && e.getKey() != Option.ROOT) {
                sb.append(separator).append(e.getKey().key()).append('=').append(e.getValue().trim());
                separator = ",";
            }
        }
        String line = sb.toString();
        return line.matches(".*\\s.*") ? "\"" + line + "\"" : line;
    }

    /** The absolute path of the jar this class was loaded from, or {@link #DEFAULT_JAR}. */
    static String thisJar() {
        try {
            File location = new File(AgentLine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (location.isFile() && location.getName().endsWith(".jar")) {
                return location.getAbsolutePath();
            }
        } catch (Exception e) {
            // no code source (or no permission to ask): name the jar as the README does
        }
        return DEFAULT_JAR;
    }
}
