package io.containerlimits.cli;

import io.containerlimits.ContainerLimits;
import io.containerlimits.Limits;
import io.containerlimits.LogLevel;
import io.containerlimits.Version;
import io.containerlimits.jvmoptions.UserJvmOptions;
import io.containerlimits.memory.CannotFitException;
import io.containerlimits.memory.MemoryCalculator;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar container-limits.jar [report|json|flags] [options]}: the command line (docs/design.md §2, §4, §6).
 *
 * <p>Exit status: {@value #OK} done, {@value #USAGE} bad usage (one {@code container-limits: } line on stderr),
 * {@value #CANNOT_FIT} {@code flags} cannot fit the memory limit.
 */
public final class Main {

    /** Done. */
    static final int OK = 0;
    /** Unknown subcommand or option, missing or bad value, {@code --root} not a directory. */
    static final int USAGE = 2;
    /** {@code flags}: the user's sizes (or the smallest heap) do not fit the memory limit. */
    static final int CANNOT_FIT = 3;

    private Main() {
        throw new UnsupportedOperationException();
    }

    /** Runs the command line and exits with its status; a successful run returns normally. */
    public static void main(String[] args) {
        int status = run(args, System.getenv(), System.out, System.err);
        System.out.flush();
        if (status != OK) {
            System.exit(status);
        }
    }

    /**
     * Runs the command line in-process: the test seam.
     *
     * @param environment the variables to honour ({@code CONTAINER_LIMITS_*}, {@code JAVA_TOOL_OPTIONS})
     * @return the exit status
     */
    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        List<String> problems = new ArrayList<String>();
        Arguments arguments;
        try {
            arguments = Arguments.parse(args, environment, problems);
        } catch (UsageException e) {
            printAll(err, problems);
            err.println(LogLevel.PREFIX + e.getMessage());
            return USAGE;
        }
        printAll(err, problems);
        switch (arguments.command()) {
            case HELP:
                out.println(Help.TEXT);
                return OK;
            case VERSION:
                out.println("container-limits " + Version.get());
                return OK;
            case FLAGS:
                return flags(arguments, environment, out, err);
            case JSON:
                out.println(JsonReport.of(detect(arguments), JvmValues.current(), agentLine(arguments)));
                return OK;
            default:
                printAll(out, Report.of(detect(arguments), JvmValues.current(), agentLine(arguments),
                        arguments.verbose()));
                return OK;
        }
    }

    private static int flags(Arguments arguments, Map<String, String> environment, PrintStream out, PrintStream err) {
        MemoryCalculator calculator;
        try {
            calculator = calculator(arguments);
        } catch (UsageException e) {
            err.println(LogLevel.PREFIX + e.getMessage());
            return USAGE;
        }
        String given = arguments.value(Option.JAVA_TOOL_OPTIONS);
        String origin = given != null ? "--java-tool-options" : UserJvmOptions.JAVA_TOOL_OPTIONS;
        UserJvmOptions userOptions = UserJvmOptions.ofJavaToolOptions(
                given != null ? given : environment.get(UserJvmOptions.JAVA_TOOL_OPTIONS));
        Limits limits = detect(arguments);
        try {
            out.println(join(Flags.of(limits, userOptions, origin, calculator)));
            return OK;
        } catch (IllegalArgumentException e) {
            err.println(LogLevel.PREFIX + e.getMessage());
            return USAGE;
        } catch (CannotFitException e) {
            // The memory part cannot fit, but the CPU part still holds: print it, so that an entrypoint that prepends
            // $(... flags) keeps the count.
            out.println(join(Flags.cpuOptions(limits, userOptions)));
            err.println(LogLevel.PREFIX + e.getMessage());
            return CANNOT_FIT;
        }
    }

    /** The calculator configured by {@code --head-room}, {@code --thread-count}, {@code --loaded-class-count}. */
    private static MemoryCalculator calculator(Arguments arguments) throws UsageException {
        MemoryCalculator calculator = MemoryCalculator.defaults();
        for (Option option : new Option[] {Option.HEAD_ROOM, Option.THREAD_COUNT, Option.LOADED_CLASS_COUNT}) {
            String raw = arguments.value(option);
            if (raw == null) {
                continue;
            }
            try {
                int value = Integer.parseInt(raw.trim());
                calculator = option == Option.HEAD_ROOM ? calculator.withHeadRoom(value)
                        : option == Option.THREAD_COUNT ? calculator.withThreadCount(value)
                        : calculator.withLoadedClassCount(value);
            } catch (IllegalArgumentException e) {
                // NumberFormatException included: one message naming the option and the value
                throw new UsageException("--" + option.key() + ": bad value \"" + raw + "\": expected "
                        + (option == Option.HEAD_ROOM ? "a whole percentage, 0 to 99" : "a whole number, at least 1"));
            }
        }
        return calculator;
    }

    private static Limits detect(Arguments arguments) {
        return ContainerLimits.detect(arguments.settings());
    }

    private static String agentLine(Arguments arguments) {
        return AgentLine.of(AgentLine.thisJar(), arguments.given());
    }

    private static String join(List<String> options) {
        StringBuilder sb = new StringBuilder();
        for (String option : options) {
            sb.append(sb.length() == 0 ? "" : " ").append(option);
        }
        return sb.toString();
    }

    private static void printAll(PrintStream stream, List<String> lines) {
        for (String line : lines) {
            stream.println(line);
        }
    }
}
