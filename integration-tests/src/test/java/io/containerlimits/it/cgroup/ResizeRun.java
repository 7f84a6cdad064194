package io.containerlimits.it.cgroup;

import io.containerlimits.it.support.LiveOutput;
import io.containerlimits.it.support.TestJdks;
import io.containerlimits.testsupport.ForkedJvm;
import io.containerlimits.testsupport.RunningJvm;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A running {@link ResizeProgram}, forked or in a container: its lines parsed into fields, and the waits a test needs
 * ("until the scheduler says 2", "when did the listener first say 2"). Every line read is kept, for the failure
 * message.
 */
public final class ResizeRun implements AutoCloseable {

    /** Where {@link ResizeProgram} is compiled. */
    public static final Path TEST_CLASSES = Paths.get("target", "test-classes").toAbsolutePath();

    /** How long the first line may take: JVM start-up with JFR, under a half-CPU quota, on a busy 2-CPU machine. */
    private static final Duration FIRST_LINE = Duration.ofSeconds(60);

    private final String label;
    private final LiveOutput jvm;
    private final List<Map<String, String>> lines = new ArrayList<>();

    private ResizeRun(String label, LiveOutput jvm) {
        this.label = label;
        this.jvm = jvm;
    }

    /**
     * Starts {@link ResizeProgram} with the agent jar (the library it loads) as its argument, from this module's test
     * classes (it is JDK 17 bytecode: JFR streaming is JDK 14+ API) and program classes ({@code Probe}).
     */
    static ResizeRun start(String label, ForkedJvm jvm) {
        return start(label, jvm, TestJdks.agentJar());
    }

    /** {@link #start(String, ForkedJvm)} with another jar as the library the program loads (a renamed agent jar). */
    static ResizeRun start(String label, ForkedJvm jvm, Path library) {
        RunningJvm running = jvm.withJavaBaseOpenTo("java.lang")
                .withClassPath(TEST_CLASSES, TestJdks.programClasses())
                .start(ResizeProgram.class.getName(), library.toString());
        return of(label, new LiveOutput() {
            @Override
            public Optional<String> nextLine(Duration timeout) {
                return running.nextLine(timeout);
            }

            @Override
            public String stderr() {
                return running.stderr();
            }

            @Override
            public void close() {
                running.close();
            }
        });
    }

    /** A {@link ResizeProgram} started elsewhere (a container), once its first line is there. */
    public static ResizeRun of(String label, LiveOutput output) {
        ResizeRun run = new ResizeRun(label, output);
        run.await("the first line", line -> true, FIRST_LINE);
        return run;
    }

    /** The newest line's fields. */
    public Map<String, String> last() {
        return lines.get(lines.size() - 1);
    }

    /** The newest line's value of {@code field}. */
    public String last(String field) {
        return last().get(field);
    }

    /** Reads lines until one matches, for at most {@code timeout}; fails with everything seen otherwise. */
    public Map<String, String> await(String what, Predicate<Map<String, String>> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Map<String, String>> fields = next();
            if (fields.isPresent() && condition.test(fields.get())) {
                return fields.get();
            }
        }
        throw new AssertionError(label + ": no line with " + what + " within " + timeout + "; " + this);
    }

    /**
     * Waits until every field of {@code expected} shows its value (a {@code jfr} value counts by its part before
     * {@code @}) and returns, for each, the milliseconds from {@code sinceMillis} to the first line that showed it
     * ({@code jfr}: to the event's own start time).
     */
    public Map<String, Long> latencies(Map<String, String> expected, long sinceMillis, Duration timeout) {
        Map<String, Long> latency = new LinkedHashMap<>();
        await(expected.toString(), fields -> {
            for (Map.Entry<String, String> e : expected.entrySet()) {
                String value = fields.get(e.getKey());
                String shown = value.contains("@") ? value.substring(0, value.indexOf('@')) : value;
                if (!latency.containsKey(e.getKey()) && shown.equals(e.getValue())) {
                    long at = value.contains("@") ? Long.parseLong(value.substring(value.indexOf('@') + 1))
                            : Long.parseLong(fields.get("t"));
                    latency.put(e.getKey(), at - sinceMillis);
                }
            }
            return latency.size() == expected.size();
        }, timeout);
        return latency;
    }

    /** Reads lines for {@code duration}, failing at the first one where {@code field} is not {@code value}. */
    public void holds(String field, String value, Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            Optional<Map<String, String>> fields = next();
            if (fields.isPresent() && !value.equals(fields.get().get(field))) {
                throw new AssertionError(label + ": " + field + " left " + value + "; " + this);
            }
        }
    }

    /** The next line's fields, kept; empty when none came within 200 ms. */
    private Optional<Map<String, String>> next() {
        Optional<Map<String, String>> fields = jvm.nextLine(Duration.ofMillis(200)).map(ResizeRun::parse);
        fields.ifPresent(lines::add);
        return fields;
    }

    public String stderr() {
        return jvm.stderr();
    }

    private static Map<String, String> parse(String line) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : line.trim().split(" ")) {
            int eq = field.indexOf('=');
            fields.put(eq < 0 ? field : field.substring(0, eq), eq < 0 ? "" : field.substring(eq + 1));
        }
        return fields;
    }

    @Override
    public void close() {
        jvm.close();
    }

    /** The last lines seen and stderr, for failure messages. */
    @Override
    public String toString() {
        return "last lines: " + lines.subList(Math.max(0, lines.size() - 5), lines.size()) + "; stderr: " + stderr();
    }
}
