package io.containerlimits.it.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.containerlimits.it.support.TestJdks;
import io.containerlimits.testsupport.ForkedJvm;
import io.containerlimits.testsupport.JvmRun;

/** Runs {@link Probe} in a forked JVM on the host and reads its line. */
public final class Probes {

    private Probes() {
    }

    /** {@code jvm} set up to run a program of {@link TestJdks#programClasses()} with what the probe reads opened. */
    public static ForkedJvm programs(ForkedJvm jvm) {
        return jvm.withJavaBaseOpenTo(Probe.OPENED_PACKAGES).withClassPath(TestJdks.programClasses());
    }

    /** Runs the probe to its end, whatever its status. */
    public static JvmRun run(ForkedJvm jvm) {
        return programs(jvm).run(Probe.class.getName());
    }

    /**
     * Runs the probe and parses its line, failing with the run described if it did not exit 0 or ran on another
     * feature release than {@code jvm}'s JDK.
     */
    public static ProbeResult probe(ForkedJvm jvm) {
        JvmRun run = run(jvm);
        assertEquals(0, run.exitCode(), run::toString);
        ProbeResult result = result(run);
        assertEquals(jvm.jdk().feature(), result.javaVersion(), () -> "the probe ran on the JDK meant: " + run);
        return result;
    }

    /** The probe line of a finished run, parsed; fails with the run described when there is none. */
    public static ProbeResult result(JvmRun run) {
        return ProbeResult.parse(run.stdout(), run::toString);
    }
}
