package io.containerlimits.agent.jmx;

/**
 * The agent's view of the container, as JMX shows it under {@value LimitsBean#OBJECT_NAME}: the limits of the last
 * detection (the watcher re-detects once a second), and a notification of type {@value LimitsBean#CHANGED} on each
 * change.
 */
public interface ContainerLimitsMXBean {

    /** The effective CPU count after the policy: what rewritten {@code availableProcessors()} callers get. */
    int getCpus();

    /** The governing CPU quota in CPUs ({@code 1.5}); {@code null} when there is none or it is unknown. */
    Double getCpuQuota();

    /** The memory limit in bytes; {@code null} when there is none or it is unknown. */
    Long getMemoryLimit();

    /** What decided the CPU count ({@code quota}, {@code affinity}, {@code override}) and where it was read. */
    String getCpuSource();

    /** Where the memory limit was read, or why there is none. */
    String getMemorySource();

    /** When the limits last changed while the JVM ran, and what was resized; {@code none} before any change. */
    String getLastChange();
}
