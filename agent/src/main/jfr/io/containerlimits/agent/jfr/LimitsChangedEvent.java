package io.containerlimits.agent.jfr;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** One change of the container's limits while the JVM ran, with what the agent resized. */
@Name("io.containerlimits.LimitsChanged")
@Label("Container Limits Changed")
@Category("Container Limits")
@Description("The container's CPU or memory limits changed while the JVM ran (in-place resize, docker update)")
@StackTrace(false)
final class LimitsChangedEvent extends jdk.jfr.Event {

    @Label("Old CPUs")
    int oldCpus;

    @Label("New CPUs")
    int newCpus;

    @Label("Old CPU Quota")
    @Description("In CPUs; NaN when there was none")
    double oldCpuQuota;

    @Label("New CPU Quota")
    @Description("In CPUs; NaN when there is none")
    double newCpuQuota;

    @Label("Old Memory Limit")
    @Description("-1 when there was none")
    @DataAmount
    long oldMemoryLimit;

    @Label("New Memory Limit")
    @Description("-1 when there is none")
    @DataAmount
    long newMemoryLimit;

    @Label("Resized")
    String resized;

    @Label("Not Resized")
    String notResized;
}
