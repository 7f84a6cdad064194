package io.containerlimits.it.probe;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The line {@link Probe} prints, parsed: {@code PROBE<TAB>key=value<TAB>...} into its fields.
 *
 * <p>Pure parsing, no process handling, so that the cgroup and the Docker tests read the line the same way.
 *
 * @param values every field of the line, in key order
 */
public record ProbeResult(Map<String, String> values) {

    /** Prefix of the fields that hold system properties: {@code prop.<name>=<value>}. */
    private static final String PROPERTY_PREFIX = "prop.";

    /** Prefix of the properties the agent publishes. */
    private static final String PUBLISHED_PREFIX = "container.limits.";

    /** The first feature release with virtual threads and their scheduler. */
    private static final int VIRTUAL_THREADS = 21;

    public ProbeResult {
        values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /**
     * Finds the probe line in a process's stdout and parses it.
     *
     * @param stdout  everything the process printed
     * @param context describes the run, for the message when there is no probe line
     * @throws IllegalArgumentException when no line starts with {@code PROBE<TAB>}
     */
    public static ProbeResult parse(String stdout, Supplier<String> context) {
        String marker = Probe.MARKER + "\t";
        String line = stdout.lines().filter(l -> l.startsWith(marker)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + Probe.MARKER + " line in\n" + context.get()));
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : line.substring(marker.length()).split("\t")) {
            int eq = field.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("malformed field \"" + field + "\" in " + line);
            }
            values.put(field.substring(0, eq), field.substring(eq + 1));
        }
        return new ProbeResult(values);
    }

    /** A field's value; fails naming the field and the whole line when it is missing. */
    public String get(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no field " + key + " in " + this);
        }
        return value;
    }

    /** A numeric field, such as {@code availableProcessors}; {@code n/a} and other text fail. */
    public int intValue(String key) {
        return Integer.parseInt(get(key));
    }

    /** The feature release of the JVM that printed the line. */
    public int javaVersion() {
        return intValue("javaVersion");
    }

    /**
     * The fields that follow the CPU count: available processors, a new {@code ForkJoinPool}, the work-stealing pool,
     * {@code Striped64}, and from 21 on the virtual-thread scheduler (the probe prints {@code n/a} before).
     */
    public List<String> cpuSizedFields() {
        return javaVersion() >= VIRTUAL_THREADS
                ? List.of("availableProcessors", "newForkJoinPool", "workStealingPool", "striped64", "vtScheduler")
                : List.of("availableProcessors", "newForkJoinPool", "workStealingPool", "striped64");
    }

    /** {@code Runtime.availableProcessors()} as the probe's own (rewritable) call site saw it. */
    public int availableProcessors() {
        return intValue("availableProcessors");
    }

    /** Parallelism of {@code ForkJoinPool.commonPool()}. */
    public int commonPool() {
        return intValue("commonPool");
    }

    /** A system property the probe reports, when it is set. */
    public Optional<String> property(String name) {
        return Optional.ofNullable(values.get(PROPERTY_PREFIX + name));
    }

    /** The {@code container.limits.*} properties the agent published, by property name. */
    public Map<String, String> publishedProperties() {
        Map<String, String> published = new TreeMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith(PROPERTY_PREFIX + PUBLISHED_PREFIX)) {
                published.put(key.substring(PROPERTY_PREFIX.length()), value);
            }
        });
        return published;
    }

    /** The fields as {@code key=value} pairs, for messages. */
    @Override
    public String toString() {
        return values.toString();
    }
}
