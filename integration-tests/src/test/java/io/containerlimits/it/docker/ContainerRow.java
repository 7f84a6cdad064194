package io.containerlimits.it.docker;

import io.containerlimits.it.probe.ProbeResult;
import io.containerlimits.it.support.TestJdks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A row of the matrix: one container under one set of limits, running the JVM runs of each JDK under test that is
 * present (none for a JDK the row leaves out). It runs when a test first asks for an output, once, and the tests for
 * every JDK and for several checks under the same limits share it: fewer containers, same evidence.
 */
final class ContainerRow {

    /** The limits. */
    private final ContainerFlags flags;

    /** The runs for one JDK, empty for a JDK the row leaves out; every run name appears once. */
    private final Function<TestJdks, List<ContainerJvm>> runs;

    /** The outputs by run label, once the container has run. */
    private Map<String, ContainerScript.Output> outputs;

    ContainerRow(ContainerFlags flags, Function<TestJdks, List<ContainerJvm>> runs) {
        this.flags = flags;
        this.runs = runs;
    }

    /**
     * What the run called {@code name} printed on {@code jdk}; runs the container the first time, with the runs of
     * every JDK that is present. Skips, or fails under {@code CI=true}, when {@code jdk} is missing.
     */
    synchronized ContainerScript.Output output(String name, TestJdks jdk) {
        jdk.jdk();
        if (outputs == null) {
            List<ContainerJvm> all = new ArrayList<>();
            for (TestJdks each : TestJdks.values()) {
                if (each.isPresent()) {
                    all.addAll(runs.apply(each));
                }
            }
            outputs = ContainerScript.runAll(flags, all);
        }
        ContainerScript.Output output = outputs.get(name + "@" + jdk);
        if (output == null) {
            throw new IllegalArgumentException("no run " + name + " on " + jdk + " in the row " + flags);
        }
        return output;
    }

    /** The probe line of the run called {@code name} on {@code jdk}; fails unless it ended well. */
    ProbeResult probe(String name, TestJdks jdk) {
        return output(name, jdk).probe();
    }
}
