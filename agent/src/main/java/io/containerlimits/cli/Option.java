package io.containerlimits.cli;

import io.containerlimits.Setting;

/**
 * Every command-line option after the subcommand. Those that mirror a {@link Setting} take the same values as the
 * agent argument of that name; the flags-only ones size the memory calculator.
 */
enum Option {
    /** Directory every file is read under (a fixture tree); must exist. */
    ROOT(Setting.ROOT, true, false),
    /** CPU count override. */
    CPUS(Setting.CPUS, true, false),
    /** Memory limit override. */
    MEMORY(Setting.MEMORY, true, false),
    /** {@code ceil}, {@code floor}, {@code round}. */
    ROUNDING(Setting.ROUNDING, true, false),
    /** Minimum CPU count. */
    MIN_CPUS(Setting.MIN_CPUS, true, false),
    /** CPUs left for sidecars. */
    RESERVE_CPUS(Setting.RESERVE_CPUS, true, false),
    /** {@code logical} or {@code physical}: what bounds the count. */
    CORES(Setting.CORES, true, false),
    /** {@code report}: add the detection notes. */
    VERBOSE("verbose", false, false),
    /** {@code flags}: percent of the limit left unassigned. */
    HEAD_ROOM("head-room", true, true),
    /** {@code flags}: thread stacks to count. */
    THREAD_COUNT("thread-count", true, true),
    /** {@code flags}: classes to size the metaspace for. */
    LOADED_CLASS_COUNT("loaded-class-count", true, true),
    /** {@code flags}: the JVM options to fit around, instead of the {@code JAVA_TOOL_OPTIONS} variable. */
    JAVA_TOOL_OPTIONS("java-tool-options", true, true);

    /** The setting this option feeds, or {@code null} for the command line's own options. */
    private final Setting setting;
    private final String key;
    private final boolean takesValue;
    private final boolean flagsOnly;

    Option(Setting setting, boolean takesValue, boolean flagsOnly) {
        this(setting, setting.key(), takesValue, flagsOnly);
    }

    Option(String key, boolean takesValue, boolean flagsOnly) {
        this(null, key, takesValue, flagsOnly);
    }

    Option(Setting setting, String key, boolean takesValue, boolean flagsOnly) {
        this.setting = setting;
        this.key = key;
        this.takesValue = takesValue;
        this.flagsOnly = flagsOnly;
    }

    /** The setting this option feeds, or {@code null}. */
    Setting setting() {
        return setting;
    }

    /** Spelled {@code --key} on the command line. */
    String key() {
        return key;
    }

    boolean takesValue() {
        return takesValue;
    }

    /** True when only {@code flags} takes it. */
    boolean flagsOnly() {
        return flagsOnly;
    }

    /** The option spelled {@code --key}, or {@code null}. */
    static Option fromKey(String key) {
        for (Option o : values()) {
            if (o.key.equals(key)) {
                return o;
            }
        }
        return null;
    }
}
