package io.containerlimits.it.docker;

import io.containerlimits.it.probe.ProbeResult;
import io.containerlimits.it.support.TestJdks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A row of the matrix: one container under one set of limits, running the same JVM runs on every test JDK. It runs
 * when a test first asks for an output, once, and the tests for JDK 17 and 25 and for several checks under the
 * same limits share it: fewer containers, same evidence.
 */
final class ContainerRow {

    /** The limits. */
    private final ContainerFlags flags;

    /** The runs for one JDK; every run name appears once. */
    private final Function<TestJdks, List<ContainerJvm>> runs;

    /** The outputs by run label, once the container has run. */
    private Map<String, ContainerScript.Output> outputs;

    ContainerRow(ContainerFlags flags, Function<TestJdks, List<ContainerJvm>> runs) {
        this.flags = flags;
        this.runs = runs;
    }

    /** What the run called {@code name} printed on {@code jdk}; runs the container the first time. */
    synchronized ContainerScript.Output output(String name, TestJdks jdk) {
        if (outputs == null) {
            List<ContainerJvm> all = new ArrayList<>();
            for (TestJdks each : TestJdks.values()) {
                all.addAll(runs.apply(each));
            }
            outputs = ContainerScript.runAll(flags, all);
        }
        ContainerScript.Output output = outputs.get(name + "@" + jdk.feature());
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
