package io.containerlimits.it.docker;

import io.containerlimits.it.probe.ProbeResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several JVM runs under the same limits, in one container, one after the other: fewer containers, same evidence.
 *
 * <p>The shell line brackets each run with marker lines, {@code @@run <label>}, its standard output,
 * {@code @@exit <status>}, {@code @@stderr}, its standard error, {@code @@end}; {@link #parse} splits the
 * container's output back into one {@link Output} per run.
 */
final class ContainerScript {

    /** Starts every marker line; nothing the JVMs print starts with it. */
    private static final String MARK = "@@";

    private ContainerScript() {
    }

    /** The {@code sh -c} line that runs each of {@code runs} in turn, whatever the previous ones did. */
    static String of(List<ContainerJvm> runs) {
        StringBuilder script = new StringBuilder();
        for (ContainerJvm run : runs) {
            String errors = ContainerJvm.quote("/tmp/" + run.label() + ".err");
            script.append("echo ").append(ContainerJvm.quote(MARK + "run " + run.label())).append("; ")
                    .append(run.commandLine()).append(" 2>").append(errors).append("; ")
                    .append("echo \"" + MARK + "exit $?\"; echo " + MARK + "stderr; cat ").append(errors)
                    .append("; echo " + MARK + "end\n");
        }
        return script.toString();
    }

    /** Runs {@code runs} in one container under {@code flags}; fails unless the container itself ended with 0. */
    static Map<String, Output> runAll(ContainerFlags flags, List<ContainerJvm> runs) {
        JdkContainer.Ended ended = JdkContainer.run(flags, of(runs));
        if (ended.exitCode() != 0) {
            throw new AssertionError("the container's shell failed: " + ended.describe());
        }
        Map<String, Output> outputs = parse(ended);
        for (ContainerJvm run : runs) {
            if (!outputs.containsKey(run.label())) {
                throw new AssertionError("no output for " + run.label() + ": " + ended.describe());
            }
        }
        return outputs;
    }

    /** Splits a container's standard output into the runs' outputs, by label. */
    static Map<String, Output> parse(JdkContainer.Ended ended) {
        Map<String, Output> outputs = new LinkedHashMap<>();
        String label = null;
        int exit = -1;
        boolean inStderr = false;
        StringBuilder stdout = new StringBuilder();
        StringBuilder stderr = new StringBuilder();
        for (String line : ended.stdout().split("\n")) {
            if (line.startsWith(MARK + "run ")) {
                label = line.substring((MARK + "run ").length());
                stdout.setLength(0);
                stderr.setLength(0);
                inStderr = false;
            } else if (line.startsWith(MARK + "exit ")) {
                exit = Integer.parseInt(line.substring((MARK + "exit ").length()).strip());
            } else if (line.equals(MARK + "stderr")) {
                inStderr = true;
            } else if (line.equals(MARK + "end") && label != null) {
                outputs.put(label, new Output(label, exit, stdout.toString(), stderr.toString(), ended));
                label = null;
            } else if (label != null) {
                (inStderr ? stderr : stdout).append(line).append('\n');
            }
        }
        return outputs;
    }

    /** What one run printed and how it ended, with the whole container for messages. */
    record Output(String label, int exitCode, String stdout, String stderr, JdkContainer.Ended container) {

        /** The run's probe line, parsed; fails with everything the run printed if it did not end well. */
        ProbeResult probe() {
            if (exitCode != 0) {
                throw new AssertionError(label + " exited with " + exitCode + ":\n" + this);
            }
            return ProbeResult.parse(stdout, this::toString);
        }

        @Override
        public String toString() {
            return label + " in " + container.flags() + ", exit " + exitCode + "\n--- stdout ---\n" + stdout
                    + "--- stderr ---\n" + stderr;
        }
    }
}
