package io.containerlimits.jvmoptions;

import io.containerlimits.detect.HostFiles;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.InvalidPathException;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JVM options the user gave, with HotSpot's meaning: the one reader for the agent (this process's options) and
 * for {@code flags} (the {@code JAVA_TOOL_OPTIONS} it fits around).
 *
 * <p>This process's options are read as the JVM took them: {@code JAVA_TOOL_OPTIONS}, then
 * {@code JDK_JAVA_OPTIONS} (which the launcher inserts before its own arguments), then the launcher's options from
 * {@code /proc/self/cmdline}, then {@code _JAVA_OPTIONS}. The JVM takes the last occurrence of an option.
 *
 * <p>{@code @argfiles} (on the command line and in {@code JDK_JAVA_OPTIONS}, which the launcher expands before the JVM
 * starts) and {@code -XX:VMOptionsFile=<file>} are read too: an option in them is as much the user's.
 *
 * <p>Cheap on purpose: one small file and three variables. The management beans would give the same answer for about
 * 20 ms of start-up (docs/design.md §4). The real {@code /proc/self/cmdline} is read even under a {@code root=} fixture
 * tree: it describes this JVM, not the container.
 */
public final class UserJvmOptions {

    /** The variables the JVM and the launcher read options from, in the order they apply. */
    public static final String JAVA_TOOL_OPTIONS = "JAVA_TOOL_OPTIONS";
    static final String JDK_JAVA_OPTIONS = "JDK_JAVA_OPTIONS";
    static final String UNDERSCORE_JAVA_OPTIONS = "_JAVA_OPTIONS";

    /** The option that fixes the JVM's CPU count, up to its value. */
    public static final String ACTIVE_PROCESSOR_COUNT = "-XX:ActiveProcessorCount=";
    private static final String JAVAAGENT = "-javaagent:";
    private static final String VM_OPTIONS_FILE = "-XX:VMOptionsFile=";
    private static final String CMDLINE = "/proc/self/cmdline";
    /**
     * Read bound of the command line and option files. Class paths can be long; anything beyond this is application
     * arguments, not JVM options.
     */
    private static final int MAX_BYTES = 1 << 20;

    /**
     * Launcher options whose value is the next argument ({@code -cp <path>}), so that the value is not mistaken for
     * the main class. From {@code java --help} (17, 25).
     */
    private static final Set<String> TAKES_NEXT_ARGUMENT = new HashSet<String>(Arrays.asList(
            "-cp", "-classpath", "--class-path", "-p", "--module-path", "--upgrade-module-path", "--add-modules",
            "--enable-native-access", "--limit-modules", "--add-reads", "--add-exports", "--add-opens",
            "--patch-module", "--source", "--describe-module", "-d"));

    private final List<String> tokens;

    private UserJvmOptions(List<String> tokens) {
        this.tokens = tokens;
    }

    /** The options of this process: reads {@code /proc/self/cmdline} (missing off Linux: the variables only). */
    public static UserJvmOptions ofThisProcess(Map<String, String> environment) {
        return of(environment, readCmdline());
    }

    /**
     * The options from {@code environment} and a command line in {@code /proc/self/cmdline} form (arguments each
     * followed by a NUL, the executable first).
     */
    public static UserJvmOptions of(Map<String, String> environment, byte[] cmdline) {
        List<String> tokens = new ArrayList<String>();
        tokens.addAll(withOptionsFiles(JvmOptions.tokenize(environment.get(JAVA_TOOL_OPTIONS))));
        tokens.addAll(withOptionsFiles(expandArgFiles(JvmOptions.tokenize(environment.get(JDK_JAVA_OPTIONS)))));
        tokens.addAll(withOptionsFiles(launcherOptions(cmdline)));
        tokens.addAll(withOptionsFiles(JvmOptions.tokenize(environment.get(UNDERSCORE_JAVA_OPTIONS))));
        return new UserJvmOptions(tokens);
    }

    /**
     * The options of one {@code JAVA_TOOL_OPTIONS} value alone, read as for this process ({@code flags} fits its
     * options around them).
     */
    public static UserJvmOptions ofJavaToolOptions(String options) {
        return new UserJvmOptions(withOptionsFiles(JvmOptions.tokenize(options)));
    }

    /** Every option, in the order the JVM reads them (the last occurrence of an option counts). */
    public List<String> tokens() {
        return Collections.unmodifiableList(tokens);
    }

    /**
     * The {@code -XX:ActiveProcessorCount} the JVM takes, or {@code null} when the user set none. HotSpot uses the
     * value only when it is positive: {@code -1} (its default) and {@code 0} mean not set, here too.
     */
    public Integer activeProcessorCount() {
        String value = JvmOptions.lastValue(tokens, ACTIVE_PROCESSOR_COUNT);
        if (value == null) {
            return null;
        }
        try {
            int count = Integer.parseInt(value.trim());
            return count > 0 ? count : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The value of the last option that starts with {@code prefix} ({@code -XX:AOTCache=}), or {@code null}. */
    public String lastValue(String prefix) {
        return JvmOptions.lastValue(tokens, prefix);
    }

    /** The jar path of every {@code -javaagent:<jar>[=<options>]}, in order. */
    public List<String> javaAgentJars() {
        List<String> jars = new ArrayList<String>();
        for (String token : tokens) {
            if (token.startsWith(JAVAAGENT)) {
                String rest = token.substring(JAVAAGENT.length());
                int eq = rest.indexOf('=');
                jars.add(eq < 0 ? rest : rest.substring(0, eq));
            }
        }
        return jars;
    }

    /** The arguments between the executable and the main class (or {@code -jar <file>}, {@code -m <module>}). */
    static List<String> launcherOptions(byte[] cmdline) {
        List<String> arguments = expandArgFiles(splitNul(cmdline));
        List<String> options = new ArrayList<String>();
        for (int i = 1; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (!argument.startsWith("-")) {
                break; // the main class
            }
            if (argument.equals("-jar") || argument.equals("-m") || argument.equals("--module")) {
                break;
            }
            options.add(argument);
            if (TAKES_NEXT_ARGUMENT.contains(argument)) {
                i++;
            }
        }
        return options;
    }

    /**
     * The arguments with each {@code @file} replaced by the file's arguments, as the launcher does ({@code @@x} is a
     * literal {@code @x}; after {@code --disable-@files} nothing is expanded). An unreadable file expands to nothing:
     * the launcher would have refused to start.
     */
    static List<String> expandArgFiles(List<String> arguments) {
        List<String> expanded = new ArrayList<String>(arguments.size());
        boolean enabled = true;
        for (String argument : arguments) {
            if (argument.equals("--disable-@files")) {
                enabled = false;
            }
            if (enabled && argument.startsWith("@@")) {
                expanded.add(argument.substring(1));
            } else if (enabled && argument.startsWith("@") && argument.length() > 1) {
                expanded.addAll(JvmOptions.tokenize(withoutComments(new String(read(argument.substring(1)),
                        Charset.defaultCharset()))));
            } else {
                expanded.add(argument);
            }
        }
        return expanded;
    }

    /** The options with each {@code -XX:VMOptionsFile=<file>} followed by the options in that file. */
    private static List<String> withOptionsFiles(List<String> options) {
        if (JvmOptions.lastValue(options, VM_OPTIONS_FILE) == null) {
            return options;
        }
        List<String> expanded = new ArrayList<String>();
        for (String option : options) {
            expanded.add(option);
            if (option.startsWith(VM_OPTIONS_FILE)) {
                expanded.addAll(JvmOptions.tokenize(new String(read(option.substring(VM_OPTIONS_FILE.length())),
                        Charset.defaultCharset())));
            }
        }
        return expanded;
    }

    /** Argument files may carry {@code #} comment lines. */
    private static String withoutComments(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        for (String line : text.split("\n", -1)) {
            if (!line.trim().startsWith("#")) {
                kept.append(line).append('\n');
            }
        }
        return kept.toString();
    }

    private static List<String> splitNul(byte[] cmdline) {
        List<String> arguments = new ArrayList<String>();
        Charset charset = Charset.defaultCharset();
        int start = 0;
        for (int i = 0; i < cmdline.length; i++) {
            if (cmdline[i] == 0) {
                arguments.add(new String(cmdline, start, i - start, charset));
                start = i + 1;
            }
        }
        if (start < cmdline.length) {
            arguments.add(new String(cmdline, start, cmdline.length - start, charset));
        }
        return arguments;
    }

    private static byte[] readCmdline() {
        return read(CMDLINE);
    }

    /** The file's first {@link #MAX_BYTES} bytes; none when it cannot be read. */
    private static byte[] read(String path) {
        try {
            return HostFiles.readBounded(Paths.get(path), MAX_BYTES, true);
        } catch (IOException | InvalidPathException e) {
            return new byte[0]; // not Linux, no procfs, or an argument file gone: what remains decides
        }
    }
}
