package io.containerlimits.testsupport;

import java.util.List;

/**
 * What a forked JVM did: its command, exit status and both streams.
 *
 * @param command  the whole command line, launcher words included
 * @param exitCode the exit status
 * @param stdout   everything it wrote to stdout
 * @param stderr   everything it wrote to stderr
 */
public record JvmRun(List<String> command, int exitCode, String stdout, String stderr) {

    public JvmRun {
        command = List.copyOf(command);
    }

    /** The non-blank lines on stderr. */
    public List<String> stderrLines() {
        return stderr.lines().filter(line -> !line.isBlank()).toList();
    }

    /** The command, status and streams, for assertion messages. */
    @Override
    public String toString() {
        return "command: " + String.join(" ", command) + "\nexit: " + exitCode + "\nstdout: " + stdout
                + "\nstderr: " + stderr;
    }
}
