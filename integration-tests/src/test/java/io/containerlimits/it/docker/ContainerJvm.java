package io.containerlimits.it.docker;

import io.containerlimits.it.probe.Probe;
import io.containerlimits.it.support.TestJdks;
import io.containerlimits.testsupport.ForkedJvm;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One JVM started inside a container: its name in the output, the JDK, and the same {@link ForkedJvm} command line a
 * host-side test builds, with the container's paths for the agent jar and the programs.
 *
 * @param name      the run's name within its row
 * @param jdk       the JDK, at the same path in the image as on the host
 * @param jvm       options, environment and class path
 * @param mainClass the program, from {@link JdkContainer#CLASSES}
 * @param arguments the program's arguments
 */
record ContainerJvm(String name, TestJdks jdk, ForkedJvm jvm, String mainClass, List<String> arguments) {

    /** The agent jar inside the container. */
    private static final Path AGENT_JAR = Paths.get(JdkContainer.AGENT_JAR);

    ContainerJvm {
        arguments = List.copyOf(arguments);
    }

    /** {@code mainClass} of the container's programs on {@code jdk} with these options and environment variables. */
    static ContainerJvm program(String name, TestJdks jdk, Map<String, String> environment, List<String> options,
            String mainClass, String... arguments) {
        ForkedJvm jvm = ForkedJvm.of(jdk.jdk()).withOptions(options.toArray(String[]::new))
                .withEnvironment(environment).withClassPath(Paths.get(JdkContainer.CLASSES));
        return new ContainerJvm(name, jdk, jvm, mainClass, List.of(arguments));
    }

    /**
     * {@link Probe} with the given environment and options, given the jar so that it also reports what
     * {@code java -jar container-limits.jar json} says in the same container.
     */
    static ContainerJvm probe(String name, TestJdks jdk, Map<String, String> environment, String... options) {
        return program(name, jdk, environment, probeOptions(jdk, options), Probe.class.getName(),
                JdkContainer.AGENT_JAR);
    }

    /** {@link #probe(String, TestJdks, Map, String...)} with no environment variables. */
    static ContainerJvm probe(String name, TestJdks jdk, String... options) {
        return probe(name, jdk, Map.of(), options);
    }

    /** {@link Probe} alone, for a control run: no agent, and no command-line report (one JVM start less). */
    static ContainerJvm control(String name, TestJdks jdk, String... options) {
        return program(name, jdk, Map.of(), probeOptions(jdk, options), Probe.class.getName());
    }

    /** What the probe reads opened to it (JDK 9 and later), then {@code options}. */
    private static List<String> probeOptions(TestJdks jdk, String... options) {
        return ForkedJvm.of(jdk.jdk()).withJavaBaseOpenTo(Probe.OPENED_PACKAGES).withOptions(options).options();
    }

    /** {@code -javaagent:} with the jar inside the container and the given agent arguments (none when empty). */
    static String agent(String arguments) {
        return ForkedJvm.javaagentOption(AGENT_JAR, arguments);
    }

    /** The run's unique name in a container's output: its name and the JDK. */
    String label() {
        return name + "@" + jdk;
    }

    /** The shell words that start it: {@code VAR='value' ... '/path/java' 'option' ... '-cp' '/probe' 'Main' 'arg'}. */
    String commandLine() {
        StringBuilder line = new StringBuilder();
        new TreeMap<>(jvm.environment()).forEach((key, value) -> line.append(key).append('=').append(quote(value))
                .append(' '));
        return line.append(words(jvm.mainCommand(mainClass, arguments.toArray(String[]::new)))).toString();
    }

    /** {@code java -jar <the agent jar in the container> <args>} on {@code jdk}, as shell words. */
    static String agentJarCommandLine(TestJdks jdk, String... args) {
        return words(ForkedJvm.of(jdk.jdk()).jarCommand(AGENT_JAR, args));
    }

    /** The words, each single-quoted, separated by spaces. */
    private static String words(List<String> command) {
        StringBuilder line = new StringBuilder();
        for (String word : command) {
            line.append(line.length() == 0 ? "" : " ").append(quote(word));
        }
        return line.toString();
    }

    /** Single-quotes a word for sh. */
    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
