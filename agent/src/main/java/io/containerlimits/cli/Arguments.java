package io.containerlimits.cli;

import io.containerlimits.Setting;
import io.containerlimits.Settings;
import java.io.File;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed command line: {@code [report|json|flags] [--key value | --key=value | --verbose]... | --help | --version}.
 *
 * <p>Settings come from the {@code CONTAINER_LIMITS_*} environment first, then the options override them. Anything
 * wrong (unknown subcommand or option, missing or bad value, a {@code --root} that is no directory) is a
 * {@link UsageException} with one line. Immutable.
 */
final class Arguments {

    /** What to do. */
    enum Command {
        /** The human report (also with no subcommand). */
        REPORT("report"),
        /** The same as one JSON object. */
        JSON("json"),
        /** JVM options to prepend to {@code JAVA_TOOL_OPTIONS}. */
        FLAGS("flags"),
        /** {@code --help}: usage on stdout. */
        HELP("--help"),
        /** {@code --version}: the version on stdout. */
        VERSION("--version");

        private final String word;

        Command(String word) {
            this.word = word;
        }

        /** The command spelled {@code word}, or {@code null}. */
        static Command fromWord(String word) {
            for (Command c : values()) {
                if (c.word.equals(word)) {
                    return c;
                }
            }
            return null;
        }
    }

    private final Command command;
    private final Settings settings;
    private final Map<Option, String> given;

    private Arguments(Command command, Settings settings, Map<Option, String> given) {
        this.command = command;
        this.settings = settings;
        this.given = Collections.unmodifiableMap(given);
    }

    /**
     * Parses {@code args} over the settings of {@code environment}.
     *
     * @param problems receives one line per malformed environment setting (not fatal)
     * @throws UsageException for anything wrong on the command line itself
     */
    static Arguments parse(String[] args, Map<String, String> environment, List<String> problems)
            throws UsageException {
        Command command = Command.REPORT;
        int next = 0;
        if (args.length > 0 && (!args[0].startsWith("-") || Command.fromWord(args[0]) != null)) {
            command = Command.fromWord(args[0]);
            if (command == null) {
                throw new UsageException("unknown subcommand \"" + args[0] + "\": expected report, json or flags"
                        + " (see --help)");
            }
            next = 1;
        }
        Map<Option, String> given = new EnumMap<Option, String>(Option.class);
        for (int i = next; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                command = Command.HELP;
                continue;
            }
            if (arg.equals("--version")) {
                command = Command.VERSION;
                continue;
            }
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument \"" + arg + "\": options are --key value or --key=value");
            }
            int eq = arg.indexOf('=');
            String key = arg.substring(2, eq < 0 ? arg.length() : eq);
            Option option = Option.fromKey(key);
            if (option == null) {
                throw new UsageException("unknown option --" + key + " (see --help)");
            }
            if (option.flagsOnly() && command != Command.FLAGS && command != Command.HELP) {
                throw new UsageException("--" + key + " is an option of flags only");
            }
            String value;
            if (!option.takesValue()) {
                if (eq >= 0) {
                    throw new UsageException("--" + key + " takes no value");
                }
                value = "true";
            } else if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                throw new UsageException("missing value for --" + key + " (a value starting with -- needs --"
                        + key + "=value)");
            }
            given.put(option, value);
        }
        return new Arguments(command, settings(environment, given, problems), given);
    }

    /** Environment settings, then each option that mirrors a {@link Setting}, strictly. */
    private static Settings settings(Map<String, String> environment, Map<Option, String> given,
            List<String> problems) throws UsageException {
        Settings settings = Settings.resolve(null, environment, problems);
        for (Map.Entry<Option, String> e : given.entrySet()) {
            Setting setting = e.getKey().setting();
            if (setting != null) {
                try {
                    settings = settings.with(setting, e.getValue());
                } catch (IllegalArgumentException bad) {
                    throw new UsageException("--" + e.getKey().key() + ": " + bad.getMessage());
                }
            }
        }
        if (!new File(settings.root()).isDirectory()) {
            String origin = given.containsKey(Option.ROOT) ? "--root " : "root (from the environment) ";
            throw new UsageException(origin + settings.root() + ": no such directory");
        }
        return settings;
    }

    Command command() {
        return command;
    }

    /** Environment settings overridden by the options. */
    Settings settings() {
        return settings;
    }

    /** The raw value of {@code option} as given on the command line, or {@code null}. */
    String value(Option option) {
        return given.get(option);
    }

    /** The options given on the command line, in {@link Option} order. */
    Map<Option, String> given() {
        return given;
    }

    /** True when {@code --verbose} was given. */
    boolean verbose() {
        return given.containsKey(Option.VERBOSE);
    }
}
