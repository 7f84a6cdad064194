package io.containerlimits.agent;

import io.containerlimits.ContainerLimits;
import io.containerlimits.Cores;
import io.containerlimits.Finding;
import io.containerlimits.Limits;
import io.containerlimits.Settings;
import io.containerlimits.Version;
import io.containerlimits.jvmoptions.UserJvmOptions;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What premain does (docs/design.md §4–§6), in this order:
 * <ol>
 *   <li>Resolve the settings (agent arguments over {@code CONTAINER_LIMITS_*}); print each bad value on one line.
 *       With {@code enabled=false}, stop here: no file read, nothing set.</li>
 *   <li>Detect, and publish {@code container.limits.*}.</li>
 *   <li>If the count equals {@code Runtime.availableProcessors()}, change nothing else. If the user gave
 *       {@code -XX:ActiveProcessorCount}, leave everything CPU-related alone. Otherwise set the CPU-sizing properties
 *       (only where absent) and, unless {@code rewrite=false}, install the call-site rewrite.</li>
 *   <li>Warn if the heap cannot fit the memory limit.</li>
 *   <li>{@code log=info}: one summary line.</li>
 * </ol>
 * Cheap on purpose: no lambdas, streams or {@code String.format}, no management beans, few files.
 */
final class Agent {

    private final Settings settings;
    private final Map<String, String> environment;
    private final Instrumentation instrumentation;
    private final Class<?> premainClass;
    private final Log log;
    private final PropertyWriter writer;
    private final int javaFeature;
    private UserJvmOptions options;

    Agent(Settings settings, Map<String, String> environment, Instrumentation instrumentation, Class<?> premainClass,
            Log log, Properties properties, int javaFeature, UserJvmOptions options) {
        this.settings = settings;
        this.environment = environment;
        this.instrumentation = instrumentation;
        this.premainClass = premainClass;
        this.log = log;
        this.writer = new PropertyWriter(properties, log);
        this.javaFeature = javaFeature;
        this.options = options;
    }

    /** Called by the trampoline, once per JVM. */
    static void start(String arguments, Instrumentation instrumentation, Class<?> premainClass) {
        start(arguments, System.getenv(), instrumentation, premainClass, System.err, System.getProperties(), null);
    }

    /**
     * The whole start, every input a parameter.
     *
     * @param options the JVM options, or {@code null} to read this process's when (and only when) they are needed
     */
    static void start(String arguments, Map<String, String> environment, Instrumentation instrumentation,
            Class<?> premainClass, PrintStream err, Properties properties, UserJvmOptions options) {
        long started = System.nanoTime();
        List<String> problems = new ArrayList<String>();
        Settings settings = Settings.resolve(arguments, environment, problems);
        Log log = new Log(settings.log(), err);
        for (String problem : problems) {
            log.warnLine(problem);
        }
        if (!settings.enabled()) {
            log.debug("enabled=false: nothing read, nothing set");
            return;
        }
        Agent agent = new Agent(settings, environment, instrumentation, premainClass, log, properties,
                javaFeature(System.getProperty("java.specification.version")), options);
        agent.run(ContainerLimits.detectForPolicy(settings), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory());
        if (log.isDebug()) {
            log.debug("premain took " + (System.nanoTime() - started) / 1000000 + " ms");
        }
    }

    /** Everything after detection; the JVM's own count and heap are parameters so that tests can vary them. */
    void run(Limits limits, int jvmCpus, long maxHeap) {
        if (log.isDebug()) {
            for (String note : limits.detection().notes()) {
                log.debug("detection: " + note);
            }
        }
        publish(limits);
        if (settings.cores() == Cores.PHYSICAL && !limits.physicalCores().isFound()) {
            log.warn("cores=physical: physical cores unknown (" + limits.physicalCores().reason()
                    + "); counting logical CPUs");
        }
        int cpus = limits.cpuCount();
        boolean rewrite = false;
        String applied;
        Integer activeProcessorCount;
        if (cpus == jvmCpus) {
            log.debug("changing nothing: the JVM already reports " + jvmCpus + " CPUs");
            applied = "nothing (the JVM already reports " + jvmCpus + ")";
        } else if ((activeProcessorCount = options().activeProcessorCount()) != null) {
            String given = UserJvmOptions.ACTIVE_PROCESSOR_COUNT + activeProcessorCount + " given";
            log.debug("leaving CPU settings alone: " + given);
            applied = "nothing CPU-related (" + given + ")";
        } else {
            setCpuProperties(cpus);
            rewrite = settings.rewrite();
            applied = cpuSummary(rewrite);
        }
        if (MemoryCheck.heapExceeds(maxHeap, limits.memoryLimit())) {
            log.warn(MemoryCheck.warning(maxHeap, limits.memoryLimit(), jarForMessages()));
        }
        if (log.isInfo()) {
            log.info(Summary.line(Version.get(), limits, applied));
        }
        // Last: with a renamed jar this puts the jar on the boot class path, and from then on any agent class this
        // application-loader copy has not loaded yet resolves to the boot copy, another runtime package of the same
        // name (IllegalAccessError). After the append only Rewrite's public, java-typed entry is called.
        if (rewrite) {
            installRewrite(cpus);
        }
    }

    private void publish(Limits limits) {
        writer.setIfAbsent(AgentProperty.CPUS, Integer.toString(limits.cpuCount()));
        if (limits.cpuQuota().isFound()) {
            writer.setIfAbsent(AgentProperty.CPU_QUOTA, Double.toString(limits.cpuQuota().value()));
        }
        Finding<Long> memory = limits.memoryLimit();
        if (memory.isFound()) {
            writer.setIfAbsent(AgentProperty.MEMORY, Long.toString(memory.value()));
        }
        writer.setIfAbsent(AgentProperty.VERSION, Version.get());
    }

    private void setCpuProperties(int cpus) {
        for (AgentProperty property : AgentProperty.values()) {
            if (property.kind() == AgentProperty.Kind.CPU_SIZING && property.appliesTo(javaFeature)) {
                writer.setIfAbsent(property, property.cpuSizingValue(cpus));
            }
        }
    }

    /** {@code common pool 3, rewrite on, properties a b c}: what a corrected count applied. */
    private String cpuSummary(boolean rewrite) {
        StringBuilder applied = new StringBuilder("common pool ")
                .append(writer.current(AgentProperty.COMMON_POOL_PARALLELISM)).append(", ")
                .append(!rewrite ? "rewrite off (rewrite=false)"
                        : settings.cpus() != null ? "rewrite on (fixed count)" : "rewrite on");
        String separator = ", properties ";
        for (AgentProperty property : writer.written()) {
            if (property.kind() == AgentProperty.Kind.CPU_SIZING) {
                applied.append(separator).append(property.key());
                separator = " ";
            }
        }
        return applied.toString();
    }

    private void installRewrite(int cpus) {
        int aot = javaFeature < AotCacheOptions.FIRST_FEATURE ? AotCacheOptions.NONE
                : AotCacheOptions.role(options());
        if (aot == AotCacheOptions.TRAINING) {
            // Every class rewritten now would be left out of the cache, and Temurin 25.0.3 then crashes creating or
            // loading a Spring Boot app's cache (docs/agent-notes.md §1.8). Rewriting is for the runs that use it.
            log.debug("AOT cache training run: no rewrite (see the README, \"CDS and AOT cache\")");
            return;
        }
        if (aot == AotCacheOptions.CACHE) {
            // Before the transformer exists, and before a renamed jar's append: what the cache loaded early is what
            // is loaded now.
            String warning = PreloadedClasses.warning(instrumentation.getAllLoadedClasses(),
                    premainClass.getClassLoader(), ClassLoader.getSystemClassLoader(), cpus);
            if (warning != null) {
                log.warn(warning);
            }
        }
        Redetection redetection = settings.cpus() == null ? new Redetection(settings) : null;
        if (premainClass.getClassLoader() != null) {
            // Boot-Class-Path missed (the jar was renamed): this copy of the agent came from the application loader.
            File jar = AgentJar.locate(premainClass, options().javaAgentJars());
            if (jar == null) {
                log.warn("call-site rewrite off: cannot find the agent jar to put its helper on the boot class path; "
                        + "name the jar container-limits.jar");
                return;
            }
            try {
                AgentJar.appendToBootClassPath(instrumentation, jar);
            } catch (IOException e) {
                log.warn("call-site rewrite off: cannot put " + jar + " on the boot class path: " + e);
                return;
            }
            log.debug("jar renamed: appended " + jar + " to the boot class path (the JVM warns about CDS)");
        }
        Rewrite.install(instrumentation, cpus, redetection, javaFeature, log.isDebug(), log.stream());
    }

    /** The agent jar's path as the user can type it, for the memory warning's fix line. */
    private String jarForMessages() {
        File jar = AgentJar.locate(premainClass, options().javaAgentJars());
        return jar == null ? "container-limits.jar" : jar.getPath();
    }

    private UserJvmOptions options() {
        if (options == null) {
            options = UserJvmOptions.ofThisProcess(environment);
        }
        return options;
    }

    /** {@code 8} for {@code "1.8"}, {@code 25} for {@code "25"}; 8 when unreadable. */
    static int javaFeature(String specificationVersion) {
        if (specificationVersion == null) {
            return 8;
        }
        String v = specificationVersion.startsWith("1.") ? specificationVersion.substring(2) : specificationVersion;
        int dot = v.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? v : v.substring(0, dot));
        } catch (NumberFormatException e) {
            return 8;
        }
    }

}
