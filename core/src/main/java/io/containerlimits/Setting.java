package io.containerlimits;

import java.util.Locale;

/**
 * Every setting the agent and the command line take: the one list of names (docs/design.md §4).
 *
 * <p>Each is spelled {@code key=value} as an agent argument, {@code CONTAINER_LIMITS_<KEY>} in the environment, and
 * {@code --key value} on the command line.
 */
public enum Setting {
    /** CPU count: {@code 2}, {@code 1.5}, or a Kubernetes quantity {@code 500m}; rounded by the policy. */
    CPUS("cpus", "CPU count: 2, 1.5 or a Kubernetes quantity like 500m"),
    /** Memory limit: bytes, or {@code k/m/g/t} (either case) and {@code Ki/Mi/Gi/Ti}, all 1024-based. */
    MEMORY("memory", "memory limit: bytes, or a size like 512m, 2g, 256Mi"),
    /** {@code ceil} (default), {@code floor}, {@code round}. */
    ROUNDING("rounding", "ceil, floor or round"),
    /** Minimum CPU count, default 1. */
    MIN_CPUS("min-cpus", "a whole number of CPUs, at least 1"),
    /** CPUs left for sidecars, subtracted from the quota before rounding; default 0. */
    RESERVE_CPUS("reserve-cpus", "a number of CPUs, 0 or more, like 0.5 or 500m"),
    /** {@code logical} (default): every allowed CPU counts; {@code physical}: the cores among them bound the count. */
    CORES("cores", "logical or physical"),
    /** {@code false} turns the call-site rewrite off. */
    REWRITE("rewrite", "true or false"),
    /** {@code false} turns the whole agent off: no file is read, nothing is set. */
    ENABLED("enabled", "true or false"),
    /** {@code false} stops the agent from following limits that change while the JVM runs (no watcher thread). */
    FOLLOW("follow", "true or false"),
    /** {@code off}, {@code warn} (default), {@code info}, {@code debug}. */
    LOG("log", "off, warn, info or debug"),
    /** Directory every file is read under, {@code /} by default (fixture trees in tests). */
    ROOT("root", "a directory");

    /** The environment variable holding the whole agent-argument syntax, lowest precedence of the explicit sources. */
    public static final String OPTS_ENVIRONMENT_VARIABLE = "CONTAINER_LIMITS_OPTS";

    private final String key;
    private final String expected;

    Setting(String key, String expected) {
        this.key = key;
        this.expected = expected;
    }

    /** The name as an agent argument and command-line option ({@code min-cpus}). */
    public String key() {
        return key;
    }

    /** The environment variable ({@code CONTAINER_LIMITS_MIN_CPUS}). */
    public String environmentVariable() {
        return "CONTAINER_LIMITS_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** What a valid value looks like, for error messages. */
    public String expected() {
        return expected;
    }

    /** The setting named {@code key}, or {@code null}. */
    public static Setting fromKey(String key) {
        for (Setting s : values()) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        return null;
    }
}
