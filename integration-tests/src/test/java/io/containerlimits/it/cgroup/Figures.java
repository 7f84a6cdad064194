package io.containerlimits.it.cgroup;

import io.containerlimits.it.support.Prerequisites;
import io.containerlimits.it.support.TestJdks;

/**
 * What the controls compare against, and one printed line per comparison so that a run's figures can be read off
 * its output ({@code grep FIGURE}).
 */
final class Figures {

    private Figures() {
        throw new UnsupportedOperationException("static holder");
    }

    /**
     * The CPUs an unlimited JVM sees on this host (the test JVM runs in no quota): what a control without the agent
     * reports. At least 2 are needed, or a limit of 1 could not differ from it.
     */
    static int hostCpus() {
        int cpus = Runtime.getRuntime().availableProcessors();
        Prerequisites.require(cpus >= 2,
                "at least 2 CPUs (a limit of 1 must differ from the host; found " + cpus + ")");
        return cpus;
    }

    /** Prints {@code FIGURE <row> | jdk<N> | agent <value> | control <value>}. */
    static void print(String row, TestJdks jdk, Object agent, Object control) {
        System.out.println("FIGURE " + row + " | " + jdk + " | agent " + agent + " | control " + control);
    }
}
