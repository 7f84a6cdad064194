package io.containerlimits.it.cgroup;

import io.containerlimits.it.probe.Probe;
import io.containerlimits.it.support.Jdk;
import io.containerlimits.it.support.TestJdks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A JVM to fork on the host: a {@link Jdk}, JVM options, environment, and the cgroups to start it in.
 * Immutable; every {@code with...} returns a new instance.
 *
 * <p>The forked JVM gets this JVM's environment minus everything that could change what it sees
 * ({@code JAVA_TOOL_OPTIONS}, {@code JDK_JAVA_OPTIONS}, {@code _JAVA_OPTIONS}, {@code CONTAINER_LIMITS_*}), plus what
 * the test adds. In cgroups it starts through {@code sh}, which writes its own pid to each group's
 * {@code cgroup.procs} and then {@code exec}s java, so the JVM is inside its limits from its first instruction.
 *
 * @param jdk          the JDK whose {@code bin/java} runs
 * @param options      JVM options, before the main class or {@code -jar}
 * @param environment  variables added to the cleaned environment
 * @param cgroups      groups to join, one per controller at most
 * @param timeout      how long a run may take before it is killed and the test fails
 */
public record ForkedJvm(Jdk jdk, List<String> options, Map<String, String> environment, List<Cgroup> cgroups,
        Duration timeout) {

    /** Opens what {@link Probe} reads reflectively ({@code Striped64.NCPU}, the virtual-thread scheduler). */
    public static final List<String> PROBE_OPENS = List.of(
            "--add-opens", "java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED");

    /** Variables removed from the inherited environment, so that only what a test sets reaches the JVM. */
    private static final List<String> CLEARED_VARIABLES = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS",
            "_JAVA_OPTIONS", "CONTAINER_LIMITS_OPTS");

    /** Prefix of the agent's own environment variables, all removed from the inherited environment. */
    private static final String SETTING_VARIABLE_PREFIX = "CONTAINER_LIMITS_";

    /**
     * Joins the cgroups given as arguments, then becomes java: {@code sh -c SCRIPT sh <n> <dir>... <java> <args>...}.
     * Exit status 125 means a group could not be joined (sh says why on stderr).
     */
    private static final String JOIN_AND_EXEC = "n=$1; shift; "
            + "while [ \"$n\" -gt 0 ]; do echo $$ > \"$1/cgroup.procs\" || exit 125; shift; n=$((n - 1)); done; "
            + "exec \"$@\"";

    /** A JVM of {@code jdk} with no options, nothing added to the environment, no cgroup, a 60 s timeout. */
    public static ForkedJvm on(Jdk jdk) {
        return new ForkedJvm(jdk, List.of(), Map.of(), List.of(), Duration.ofSeconds(60));
    }

    public ForkedJvm {
        options = List.copyOf(options);
        environment = Map.copyOf(environment);
        cgroups = List.copyOf(cgroups);
    }

    /** These options added after the ones already given. */
    public ForkedJvm withOptions(String... more) {
        List<String> all = new ArrayList<>(options);
        all.addAll(List.of(more));
        return new ForkedJvm(jdk, all, environment, cgroups, timeout);
    }

    /** {@code -javaagent:<the built jar>=<arguments>}; no {@code =} when {@code arguments} is empty. */
    public ForkedJvm withAgent(String arguments) {
        return withAgent(TestJdks.agentJar(), arguments);
    }

    /** {@code -javaagent:<jar>=<arguments>}; no {@code =} when {@code arguments} is empty. */
    public ForkedJvm withAgent(Path jar, String arguments) {
        return withOptions(javaagentOption(jar, arguments));
    }

    /** The {@code -javaagent} option for {@code jar}, as it appears on a command line or in {@code JAVA_TOOL_OPTIONS}. */
    public static String javaagentOption(Path jar, String arguments) {
        return "-javaagent:" + jar + (arguments.isEmpty() ? "" : "=" + arguments);
    }

    /** One more environment variable for the forked JVM. */
    public ForkedJvm withEnvironment(String name, String value) {
        Map<String, String> all = new HashMap<>(environment);
        all.put(name, value);
        return new ForkedJvm(jdk, options, all, cgroups, timeout);
    }

    /** Starts the JVM inside these groups (one per controller). */
    public ForkedJvm inCgroups(Cgroup... groups) {
        return new ForkedJvm(jdk, options, environment, List.of(groups), timeout);
    }

    /** Runs {@link Probe} from {@link TestJdks#testClasses()} with {@link #PROBE_OPENS}, then parses its line. */
    public JvmRun runProbe() {
        return withOptions(PROBE_OPENS.toArray(String[]::new)).runMain(Probe.class.getName());
    }

    /** Runs {@code mainClass} from {@link TestJdks#testClasses()} to its end. */
    public JvmRun runMain(String mainClass, String... args) {
        return run(mainClassArguments(mainClass, args));
    }

    /** Runs {@code java <options> -jar <jar> <args>} to its end. */
    public JvmRun runJar(Path jar, String... args) {
        List<String> javaArgs = new ArrayList<>(List.of("-jar", jar.toString()));
        javaArgs.addAll(List.of(args));
        return run(javaArgs);
    }

    /** Starts {@code mainClass} from {@link TestJdks#testClasses()} and hands over its streams while it runs. */
    public RunningJvm startMain(String mainClass, String... args) {
        try {
            return new RunningJvm(processBuilder(mainClassArguments(mainClass, args)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + mainClass, e);
        }
    }

    private JvmRun run(List<String> javaArgs) {
        ProcessBuilder builder = processBuilder(javaArgs);
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("forked-jvm", ".out");
            err = Files.createTempFile("forked-jvm", ".err");
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException("timed out after " + timeout + ": " + builder.command()
                        + "\nstdout: " + Files.readString(out) + "\nstderr: " + Files.readString(err));
            }
            return new JvmRun(builder.command(), process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + builder.command(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + builder.command(), e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    private static List<String> mainClassArguments(String mainClass, String... args) {
        List<String> javaArgs = new ArrayList<>(List.of("-cp", TestJdks.testClasses().toString(), mainClass));
        javaArgs.addAll(List.of(args));
        return javaArgs;
    }

    /** The whole command, wrapped in the cgroup-joining {@code sh} when there are groups, and its environment. */
    private ProcessBuilder processBuilder(List<String> javaArgs) {
        List<String> command = new ArrayList<>();
        if (!cgroups.isEmpty()) {
            command.addAll(List.of("sh", "-c", JOIN_AND_EXEC, "sh", String.valueOf(cgroups.size())));
            cgroups.forEach(group -> command.add(group.directory().toString()));
        }
        command.add(jdk.java().toString());
        command.addAll(options);
        command.addAll(javaArgs);
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> CLEARED_VARIABLES.contains(name) || name.startsWith(SETTING_VARIABLE_PREFIX));
        env.putAll(environment);
        return builder;
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temp file left behind is harmless
            }
        }
    }
}
