package io.containerlimits.agent;

import io.containerlimits.Finding;
import io.containerlimits.Limits;
import io.containerlimits.Version;

/**
 * Every system property the agent writes, and nothing else: the one list (docs/design.md §4). Each is written only
 * through {@link PropertyWriter#setIfAbsent}, so a value the user set with {@code -D} is never overwritten.
 *
 * <p>The published ones are set at every start, and follow changes while the JVM runs where the agent set them; the
 * CPU-sizing ones only when the agent's count differs from what
 * {@code Runtime.availableProcessors()} already reports and no {@code -XX:ActiveProcessorCount} was given
 * (docs/design.md §4).
 */
enum AgentProperty {

    /** The effective CPU count the agent decided (follows changes, like the quota and the memory limit). */
    CPUS("container.limits.cpus", "container-limits", Kind.PUBLISHED, 0),
    /** The governing CPU quota in CPUs ({@code 1.5}); absent when there is no quota. */
    CPU_QUOTA("container.limits.cpu.quota", "container-limits", Kind.PUBLISHED, 0),
    /** The memory limit in bytes; absent when there is none. */
    MEMORY("container.limits.memory", "container-limits", Kind.PUBLISHED, 0),
    /** The version of the agent that ran. */
    VERSION("container.limits.version", "container-limits", Kind.PUBLISHED, 0),

    /**
     * The common pool's parallelism, {@code max(1, cpus - 1)}: the JDK's own formula on the right count. Also what
     * {@code CompletableFuture} and parallel streams use. Read when the common pool is created.
     */
    COMMON_POOL_PARALLELISM("java.util.concurrent.ForkJoinPool.common.parallelism", "JDK ForkJoinPool common pool",
            Kind.CPU_SIZING, 0),
    /** The default virtual-thread scheduler's parallelism (JDK 21+), {@code cpus}. */
    VIRTUAL_THREAD_PARALLELISM("jdk.virtualThreadScheduler.parallelism", "JDK virtual-thread scheduler",
            Kind.CPU_SIZING, 21),
    /** Replaces {@code Runtime.availableProcessors()} in all of Netty's sizing ({@code NettyRuntime}). */
    NETTY_AVAILABLE_PROCESSORS("io.netty.availableProcessors", "Netty", Kind.CPU_SIZING, 0),
    /** The same for the Netty that gRPC relocates into {@code grpc-netty-shaded}. */
    GRPC_NETTY_SHADED_AVAILABLE_PROCESSORS("io.grpc.netty.shaded.io.netty.availableProcessors",
            "gRPC Java (grpc-netty-shaded)", Kind.CPU_SIZING, 0),
    /** The size of Reactor's {@code Schedulers.parallel()}. */
    REACTOR_DEFAULT_POOL_SIZE("reactor.schedulers.defaultPoolSize", "Reactor Core", Kind.CPU_SIZING, 0),
    /** Jetty's {@code ProcessorUtils} count (selectors, reserved threads, HttpClient). */
    JETTY_AVAILABLE_PROCESSORS("JETTY_AVAILABLE_PROCESSORS", "Jetty", Kind.CPU_SIZING, 0);

    /** When a property is written. */
    enum Kind {
        /** At every start, for applications and tools. */
        PUBLISHED,
        /** Only when the agent corrects the CPU count. */
        CPU_SIZING
    }

    private final String key;
    private final String library;
    private final Kind kind;
    private final int sinceJava;

    AgentProperty(String key, String library, Kind kind, int sinceJava) {
        this.key = key;
        this.library = library;
        this.kind = kind;
        this.sinceJava = sinceJava;
    }

    /** The system property name. */
    String key() {
        return key;
    }

    /** Who reads it. */
    String library() {
        return library;
    }

    Kind kind() {
        return kind;
    }

    /** True when a JVM of this feature release ({@code 8}, {@code 17}, {@code 25}) reads the property. */
    boolean appliesTo(int javaFeature) {
        return javaFeature >= sinceJava;
    }

    /** The value of a {@link Kind#PUBLISHED} property for {@code limits}; {@code null} for none (or another kind). */
    String publishedValue(Limits limits) {
        // if/else rather than a switch over the enum, which would cost a synthetic class in premain
        if (this == CPUS) {
            return Integer.toString(limits.cpuCount());
        }
        if (this == CPU_QUOTA) {
            Finding<Double> quota = limits.cpuQuota();
            return quota.isFound() ? Double.toString(quota.value()) : null;
        }
        if (this == MEMORY) {
            Finding<Long> memory = limits.memoryLimit();
            return memory.isFound() ? Long.toString(memory.value()) : null;
        }
        return this == VERSION ? Version.get() : null;
    }

    /** The value of a {@link Kind#CPU_SIZING} property for a count of {@code cpus}. */
    String cpuSizingValue(int cpus) {
        return Integer.toString(this == COMMON_POOL_PARALLELISM ? Math.max(1, cpus - 1) : cpus);
    }
}
