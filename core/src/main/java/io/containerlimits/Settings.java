package io.containerlimits;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The resolved settings of one run: overrides, policy and switches (docs/design.md §4).
 *
 * <p>Sources, highest first: agent arguments (or command-line options), {@code CONTAINER_LIMITS_<KEY>} environment
 * variables, {@code CONTAINER_LIMITS_OPTS} (the whole argument syntax in one variable), defaults. A malformed value is
 * reported as one problem line and ignored, so the next source decides; it never stops anything.
 *
 * <p>Immutable and thread-safe.
 */
public final class Settings {

    private final Map<Setting, Object> values;

    private Settings(Map<Setting, Object> values) {
        this.values = values;
    }

    /**
     * No override, {@code ceil}, minimum 1, no reserve, logical cores, rewrite on, enabled, following, {@code warn},
     * root {@code /}.
     */
    public static Settings defaults() {
        return new Settings(new EnumMap<Setting, Object>(Setting.class));
    }

    /**
     * Resolves settings from agent arguments and the environment.
     *
     * @param arguments  the agent argument string {@code key=value,key=value}, or {@code null}
     * @param environment the process environment ({@link System#getenv()})
     * @param problems   receives one line per malformed or unknown entry, each starting with {@link LogLevel#PREFIX}
     */
    public static Settings resolve(String arguments, Map<String, String> environment, List<String> problems) {
        Map<Setting, Object> values = new EnumMap<Setting, Object>(Setting.class);
        // Lowest first, so that each higher source overwrites.
        String opts = environment.get(Setting.OPTS_ENVIRONMENT_VARIABLE);
        if (opts != null) {
            putArguments(values, opts, Setting.OPTS_ENVIRONMENT_VARIABLE, problems);
        }
        for (Setting setting : Setting.values()) {
            String raw = environment.get(setting.environmentVariable());
            if (raw != null) {
                put(values, setting, raw, setting.environmentVariable(), problems);
            }
        }
        if (arguments != null) {
            putArguments(values, arguments, "agent argument", problems);
        }
        return new Settings(values);
    }

    /**
     * These settings with {@code setting} replaced by {@code raw}, strictly: a malformed value throws.
     *
     * @throws IllegalArgumentException with a message naming the setting, the value and what was expected
     */
    public Settings with(Setting setting, String raw) {
        Map<Setting, Object> copy = new EnumMap<Setting, Object>(Setting.class);
        copy.putAll(values);
        copy.put(setting, parse(setting, raw));
        return new Settings(copy);
    }

    /**
     * Parses one value; the result type depends on the setting.
     *
     * @throws IllegalArgumentException with a message that quotes the value and says what was expected
     */
    static Object parse(Setting setting, String raw) {
        String value = raw.trim();
        try {
            switch (setting) {
                case CPUS:
                    return Quantities.parseCpus(value, false);
                case RESERVE_CPUS:
                    return Quantities.parseCpus(value, true);
                case MEMORY:
                    return Quantities.parseBytes(value);
                case ROUNDING:
                    Rounding rounding = Rounding.fromKey(value);
                    if (rounding != null) {
                        return rounding;
                    }
                    break;
                case MIN_CPUS:
                    int min = Integer.parseInt(value);
                    if (min >= 1) {
                        return min;
                    }
                    break;
                case CORES:
                    Cores cores = Cores.fromKey(value);
                    if (cores != null) {
                        return cores;
                    }
                    break;
                case REWRITE:
                case ENABLED:
                case FOLLOW:
                    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                        return Boolean.valueOf(value.toLowerCase(Locale.ROOT));
                    }
                    break;
                case LOG:
                    LogLevel level = LogLevel.fromKey(value);
                    if (level != null) {
                        return level;
                    }
                    break;
                case ROOT:
                    if (!value.isEmpty()) {
                        return value;
                    }
                    break;
                default:
                    break;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the one message below
        }
        throw new IllegalArgumentException(
                "bad value \"" + raw + "\" for " + setting.key() + ": expected " + setting.expected());
    }

    private static void putArguments(Map<Setting, Object> values, String arguments, String origin,
            List<String> problems) {
        for (String entry : arguments.split(",")) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int eq = trimmed.indexOf('=');
            Setting setting = eq > 0 ? Setting.fromKey(trimmed.substring(0, eq).trim()) : null;
            if (setting == null) {
                problems.add(LogLevel.PREFIX + "ignoring \"" + trimmed + "\" in " + origin
                        + ": expected key=value with a key among " + keyList());
                continue;
            }
            put(values, setting, trimmed.substring(eq + 1), origin, problems);
        }
    }

    private static void put(Map<Setting, Object> values, Setting setting, String raw, String origin,
            List<String> problems) {
        try {
            values.put(setting, parse(setting, raw));
        } catch (IllegalArgumentException e) {
            problems.add(LogLevel.PREFIX + "ignoring " + origin + " " + setting.key() + "=" + raw + ": "
                    + e.getMessage().substring(e.getMessage().indexOf("expected")));
        }
    }

    /** {@code cpus, memory, rounding, ...} for messages. */
    private static String keyList() {
        StringBuilder sb = new StringBuilder();
        for (Setting s : Setting.values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(s.key());
        }
        return sb.toString();
    }

    /** The {@code cpus=} override in CPUs, or {@code null} to detect. */
    public Double cpus() {
        return (Double) values.get(Setting.CPUS);
    }

    /** The {@code memory=} override in bytes, or {@code null} to detect. */
    public Long memory() {
        return (Long) values.get(Setting.MEMORY);
    }

    public Rounding rounding() {
        Rounding r = (Rounding) values.get(Setting.ROUNDING);
        return r == null ? Rounding.CEIL : r;
    }

    public int minCpus() {
        Integer m = (Integer) values.get(Setting.MIN_CPUS);
        return m == null ? 1 : m;
    }

    public double reserveCpus() {
        Double r = (Double) values.get(Setting.RESERVE_CPUS);
        return r == null ? 0.0 : r;
    }

    /** Whether the count is bounded by logical CPUs (the default) or by physical cores. */
    public Cores cores() {
        Cores c = (Cores) values.get(Setting.CORES);
        return c == null ? Cores.LOGICAL : c;
    }

    public boolean rewrite() {
        return !Boolean.FALSE.equals(values.get(Setting.REWRITE));
    }

    public boolean enabled() {
        return !Boolean.FALSE.equals(values.get(Setting.ENABLED));
    }

    /** Whether the agent follows limits that change while the JVM runs; on unless {@code follow=false}. */
    public boolean follow() {
        return !Boolean.FALSE.equals(values.get(Setting.FOLLOW));
    }

    public LogLevel log() {
        LogLevel l = (LogLevel) values.get(Setting.LOG);
        return l == null ? LogLevel.WARN : l;
    }

    /** The directory every file is read under; {@code "/"} unless a test points it at a fixture tree. */
    public String root() {
        String r = (String) values.get(Setting.ROOT);
        return r == null ? "/" : r;
    }

    /** {@code key=value} pairs of what was given, in {@link Setting} order. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<String>();
        for (Map.Entry<Setting, Object> e : values.entrySet()) {
            Object v = e.getValue();
            parts.add(e.getKey().key() + "=" + (v instanceof Enum ? v.toString().toLowerCase(Locale.ROOT) : v));
        }
        return parts.toString();
    }
}
