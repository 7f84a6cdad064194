package io.containerlimits.cli;

/** What the JVM running the command line reports about itself, shown next to the detected limits. Immutable. */
final class JvmValues {

    private final int availableProcessors;
    private final long maxMemory;
    private final String javaVersion;

    JvmValues(int availableProcessors, long maxMemory, String javaVersion) {
        this.availableProcessors = availableProcessors;
        this.maxMemory = maxMemory;
        this.javaVersion = javaVersion;
    }

    /** This JVM's {@code Runtime.availableProcessors()}, {@code Runtime.maxMemory()} and {@code java.version}. */
    static JvmValues current() {
        Runtime runtime = Runtime.getRuntime();
        return new JvmValues(runtime.availableProcessors(), runtime.maxMemory(), System.getProperty("java.version"));
    }

    int availableProcessors() {
        return availableProcessors;
    }

    long maxMemory() {
        return maxMemory;
    }

    String javaVersion() {
        return javaVersion;
    }
}
