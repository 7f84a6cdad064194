package io.containerlimits.testsupport;

import java.io.File;
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
import java.util.stream.Collectors;

/**
 * The one way tests start a JVM: a {@link Jdk}, JVM options, a class path, environment variables, words to start it
 * through (such as a shell that joins cgroups first) and a timeout. Immutable; every {@code with...} returns a new
 * instance. {@link #command} builds the command line, also for a JVM started elsewhere (a container); {@link #run}
 * and {@link #start} fork it here.
 *
 * <p>A forked JVM gets this JVM's environment minus everything that could change what it sees
 * ({@code JAVA_TOOL_OPTIONS}, {@code JDK_JAVA_OPTIONS}, {@code _JAVA_OPTIONS}, every {@code CONTAINER_LIMITS_*}),
 * plus what the test adds, and {@code /dev/null} as stdin when it runs to its end.
 *
 * @param jdk         the JDK whose {@code bin/java} runs
 * @param options     JVM options, before the main class or {@code -jar}
 * @param classPath   the class path for a main class ({@code -cp}); empty for none
 * @param environment variables added to the cleaned environment
 * @param launcher    words before {@code java}: a program that ends by executing the rest (empty: java itself)
 * @param timeout     how long a run may take before it is killed and the test fails
 */
public record ForkedJvm(Jdk jdk, List<String> options, List<Path> classPath, Map<String, String> environment,
        List<String> launcher, Duration timeout) {

    /** Variables removed from the inherited environment, so that only what a test sets reaches the JVM. */
    private static final List<String> CLEARED_VARIABLES = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS",
            "_JAVA_OPTIONS");

    /** Prefix of the agent's own environment variables, all removed from the inherited environment. */
    private static final String SETTING_VARIABLE_PREFIX = "CONTAINER_LIMITS_";

    /** How long a run may take unless a test says otherwise: far above a JVM start on a busy 2-CPU machine. */
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    public ForkedJvm {
        options = List.copyOf(options);
        classPath = List.copyOf(classPath);
        environment = Map.copyOf(environment);
        launcher = List.copyOf(launcher);
    }

    /** A JVM of {@code jdk}: no options, no class path, nothing added to the environment, a 60 s timeout. */
    public static ForkedJvm of(Jdk jdk) {
        return new ForkedJvm(jdk, List.of(), List.of(), Map.of(), List.of(), DEFAULT_TIMEOUT);
    }

    /** A JVM of the JDK that runs this test, with this test's class path. */
    public static ForkedJvm likeThisOne() {
        List<Path> classPath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            classPath.add(Path.of(entry));
        }
        return of(Jdk.current()).withClassPath(classPath);
    }

    /** These options added after the ones already given. */
    public ForkedJvm withOptions(String... more) {
        List<String> all = new ArrayList<>(options);
        all.addAll(List.of(more));
        return new ForkedJvm(jdk, all, classPath, environment, launcher, timeout);
    }

    /**
     * {@code --add-opens java.base/<package>=ALL-UNNAMED} for each package, on JDK 9 and later only: JDK 8 has no
     * modules, lets reflection in anyway, and refuses to start on the option.
     */
    public ForkedJvm withJavaBaseOpenTo(String... packages) {
        if (!jdk.hasModules()) {
            return this;
        }
        List<String> opens = new ArrayList<>();
        for (String name : packages) {
            opens.add("--add-opens");
            opens.add("java.base/" + name + "=ALL-UNNAMED");
        }
        return withOptions(opens.toArray(String[]::new));
    }

    /** {@code -javaagent:<jar>=<arguments>}; no {@code =} when {@code arguments} is empty. */
    public ForkedJvm withAgent(Path jar, String arguments) {
        return withOptions(javaagentOption(jar, arguments));
    }

    /** The {@code -javaagent} option, as it appears on a command line or in {@code JAVA_TOOL_OPTIONS}. */
    public static String javaagentOption(Path jar, String arguments) {
        return "-javaagent:" + jar + (arguments.isEmpty() ? "" : "=" + arguments);
    }

    /** This class path instead of the one given before. */
    public ForkedJvm withClassPath(List<Path> entries) {
        return new ForkedJvm(jdk, options, entries, environment, launcher, timeout);
    }

    /** {@link #withClassPath(List)} with these entries. */
    public ForkedJvm withClassPath(Path... entries) {
        return withClassPath(List.of(entries));
    }

    /** One more environment variable for the forked JVM. */
    public ForkedJvm withEnvironment(String name, String value) {
        return withEnvironment(Map.of(name, value));
    }

    /** More environment variables for the forked JVM. */
    public ForkedJvm withEnvironment(Map<String, String> more) {
        Map<String, String> all = new HashMap<>(environment);
        all.putAll(more);
        return new ForkedJvm(jdk, options, classPath, all, launcher, timeout);
    }

    /** Starts java through these words, a program that ends by executing the command after them. */
    public ForkedJvm through(List<String> words) {
        return new ForkedJvm(jdk, options, classPath, environment, words, timeout);
    }

    /** Another timeout for {@link #run}. */
    public ForkedJvm withTimeout(Duration limit) {
        return new ForkedJvm(jdk, options, classPath, environment, launcher, limit);
    }

    /** {@code java <options> -cp <class path> <mainClass> <args>}, without the launcher words. */
    public List<String> mainCommand(String mainClass, String... args) {
        List<String> command = javaAndOptions();
        if (!classPath.isEmpty()) {
            command.add("-cp");
            command.add(classPath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        }
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }

    /** {@code java <options> -jar <jar> <args>}, without the launcher words. */
    public List<String> jarCommand(Path jar, String... args) {
        List<String> command = javaAndOptions();
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        return command;
    }

    /** Runs {@code mainClass} from the class path to its end. */
    public JvmRun run(String mainClass, String... args) {
        return runToEnd(mainCommand(mainClass, args));
    }

    /** Runs {@code java <options> -jar <jar> <args>} to its end. */
    public JvmRun runJar(Path jar, String... args) {
        return runToEnd(jarCommand(jar, args));
    }

    /** Starts {@code mainClass} from the class path and hands over its streams while it runs. */
    public RunningJvm start(String mainClass, String... args) {
        ProcessBuilder builder = processBuilder(mainCommand(mainClass, args));
        try {
            return new RunningJvm(builder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + builder.command(), e);
        }
    }

    private List<String> javaAndOptions() {
        List<String> command = new ArrayList<>();
        command.add(jdk.java().toString());
        command.addAll(options);
        return command;
    }

    /** Runs the command with both streams in temporary files (no pipe to fill up), killing it after the timeout. */
    private JvmRun runToEnd(List<String> javaCommand) {
        ProcessBuilder builder = processBuilder(javaCommand);
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("forked-jvm", ".out");
            err = Files.createTempFile("forked-jvm", ".err");
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
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

    /** The launcher words and the java command, with the cleaned environment and the test's variables. */
    private ProcessBuilder processBuilder(List<String> javaCommand) {
        List<String> command = new ArrayList<>(launcher);
        command.addAll(javaCommand);
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        Map<String, String> cleaned = environmentFor(env);
        env.clear();
        env.putAll(cleaned);
        return builder;
    }

    /** {@code inherited} without the variables that change what a JVM sees, plus this JVM's {@link #environment}. */
    Map<String, String> environmentFor(Map<String, String> inherited) {
        Map<String, String> env = new HashMap<>(inherited);
        env.keySet().removeIf(name -> CLEARED_VARIABLES.contains(name) || name.startsWith(SETTING_VARIABLE_PREFIX));
        env.putAll(environment);
        return env;
    }

    static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temporary file left behind is harmless
            }
        }
    }
}
