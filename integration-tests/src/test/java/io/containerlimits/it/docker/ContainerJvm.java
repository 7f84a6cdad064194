package io.containerlimits.it.docker;

import io.containerlimits.it.probe.Probe;
import io.containerlimits.it.support.TestJdks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One JVM started inside a container: its name in the output, the JDK, environment variables, JVM options, and the
 * main class with its arguments.
 */
record ContainerJvm(String name, TestJdks jdk, Map<String, String> environment, List<String> options,
        List<String> mainAndArguments) {

    /** Lets {@link Probe} read {@code Striped64.NCPU} and the virtual-thread scheduler. */
    static final List<String> PROBE_OPENS = List.of("--add-opens", "java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED");

    ContainerJvm {
        environment = Map.copyOf(environment);
        options = List.copyOf(options);
        mainAndArguments = List.copyOf(mainAndArguments);
    }

    /**
     * {@link Probe} with the given environment and options, given the jar so that it also reports what
     * {@code java -jar container-limits.jar json} says in the same container.
     */
    static ContainerJvm probe(String name, TestJdks jdk, Map<String, String> environment, String... options) {
        return new ContainerJvm(name, jdk, environment, probeOptions(options),
                List.of(Probe.class.getName(), JdkContainer.AGENT_JAR));
    }

    /** {@link #probe(String, TestJdks, Map, String...)} with no environment variables. */
    static ContainerJvm probe(String name, TestJdks jdk, String... options) {
        return probe(name, jdk, Map.of(), options);
    }

    /** {@link Probe} alone, for a control run: no agent, and no command-line report (one JVM start less). */
    static ContainerJvm control(String name, TestJdks jdk, String... options) {
        return new ContainerJvm(name, jdk, Map.of(), probeOptions(options), List.of(Probe.class.getName()));
    }

    /** The probe's {@code --add-opens}, then {@code options}. */
    private static List<String> probeOptions(String... options) {
        List<String> all = new ArrayList<>(PROBE_OPENS);
        all.addAll(List.of(options));
        return all;
    }

    /** {@code -javaagent:} with the jar inside the container and the given agent arguments (none when empty). */
    static String agent(String arguments) {
        return "-javaagent:" + JdkContainer.AGENT_JAR + (arguments.isEmpty() ? "" : "=" + arguments);
    }

    /** The run's unique name in a container's output: its name and the JDK's feature release. */
    String label() {
        return name + "@" + jdk.feature();
    }

    /** The shell words that start it: {@code VAR='value' ... '/path/java' 'option' ... -cp /probe 'Main' 'arg'}. */
    String commandLine() {
        StringBuilder line = new StringBuilder();
        new TreeMap<>(environment).forEach(
                (key, value) -> line.append(key).append('=').append(quote(value)).append(' '));
        line.append(quote(jdk.java().toString()));
        for (String option : options) {
            line.append(' ').append(quote(option));
        }
        line.append(" -cp ").append(JdkContainer.CLASSES);
        for (String word : mainAndArguments) {
            line.append(' ').append(quote(word));
        }
        return line.toString();
    }

    /** Single-quotes a word for sh. */
    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
