package io.containerlimits.agent.jfr;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;

/** The container's limits now: a periodic event, in every chunk by default (so each recording file has them). */
@Name("io.containerlimits.Limits")
@Label("Container Limits")
@Category("Container Limits")
@Description("The container's CPU and memory limits, as the container-limits agent detected them last")
@Period("everyChunk")
@StackTrace(false)
final class LimitsEvent extends jdk.jfr.Event {

    @Label("CPUs")
    @Description("The effective CPU count after the policy")
    int cpus;

    @Label("CPU Quota")
    @Description("In CPUs; NaN when there is none")
    double cpuQuota;

    @Label("Memory Limit")
    @Description("-1 when there is none")
    @DataAmount
    long memoryLimit;

    @Label("CPU Source")
    String cpuSource;

    @Label("Memory Source")
    String memorySource;
}
