package io.containerlimits.it.cgroup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A running {@link ResizeProgram}: its lines parsed into fields, and the waits a test needs ("until the scheduler says
 * 2", "when did the listener first say 2"). Every line read is kept, for the failure message.
 */
final class ResizeRun implements AutoCloseable {

    /** How long the first line may take: JVM start-up with JFR, under a half-CPU quota, on a busy 2-CPU machine. */
    private static final Duration FIRST_LINE = Duration.ofSeconds(60);

    private final String label;
    private final RunningJvm jvm;
    private final List<Map<String, String>> lines = new ArrayList<>();

    private ResizeRun(String label, RunningJvm jvm) {
        this.label = label;
        this.jvm = jvm;
    }

    /** Starts {@link ResizeProgram} with the agent jar (the library it loads) as its argument. */
    static ResizeRun start(String label, ForkedJvm jvm) {
        ResizeRun run = new ResizeRun(label, jvm.withOptions(ForkedJvm.PROBE_OPENS.toArray(String[]::new))
                .startMain(ResizeProgram.class.getName(), io.containerlimits.it.support.TestJdks.agentJar().toString()));
        run.await("the first line", line -> true, FIRST_LINE);
        return run;
    }

    /** The newest line's fields. */
    Map<String, String> last() {
        return lines.get(lines.size() - 1);
    }

    /** The newest line's value of {@code field}. */
    String last(String field) {
        return last().get(field);
    }

    /** Reads lines until one matches, for at most {@code timeout}; fails with everything seen otherwise. */
    Map<String, String> await(String what, Predicate<Map<String, String>> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> line = jvm.nextLine(Duration.ofMillis(200));
            if (line.isPresent()) {
                Map<String, String> fields = parse(line.get());
                lines.add(fields);
                if (condition.test(fields)) {
                    return fields;
                }
            }
        }
        throw new AssertionError(label + ": no line with " + what + " within " + timeout + "; " + this);
    }

    /**
     * Waits until every field of {@code expected} shows its value (a {@code jfr} value counts by its part before
     * {@code @}) and returns, for each, the milliseconds from {@code sinceMillis} to the first line that showed it
     * ({@code jfr}: to the event's own start time).
     */
    Map<String, Long> latencies(Map<String, String> expected, long sinceMillis, Duration timeout) {
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
    void holds(String field, String value, Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            Optional<String> line = jvm.nextLine(Duration.ofMillis(200));
            if (line.isPresent()) {
                Map<String, String> fields = parse(line.get());
                lines.add(fields);
                if (!value.equals(fields.get(field))) {
                    throw new AssertionError(label + ": " + field + " left " + value + "; " + this);
                }
            }
        }
    }

    String stderr() {
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
