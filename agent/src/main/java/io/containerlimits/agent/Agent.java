package io.containerlimits.agent;

import io.containerlimits.ContainerLimits;
import io.containerlimits.Finding;
import io.containerlimits.Limits;
import io.containerlimits.Settings;
import io.containerlimits.Version;
import io.containerlimits.agent.rewrite.CallSiteRewriter;
import java.io.File;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What premain does (DESIGN §4–§6), in this order:
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

    /** Binary name of the helper that rewritten call sites invoke. */
    static final String HELPER = CallSiteRewriter.HELPER_OWNER.replace('/', '.');

    private final Settings settings;
    private final Map<String, String> environment;
    private final Instrumentation instrumentation;
    private final Class<?> premainClass;
    private final Log log;
    private final PropertyWriter writer;
    private final int javaFeature;
    private UserJvmOptions options;

    Agent(Settings settings, Map<String, String> environment, Instrumentation instrumentation, Class<?> premainClass,
            Log log, Properties properties, int javaFeature) {
        this.settings = settings;
        this.environment = environment;
        this.instrumentation = instrumentation;
        this.premainClass = premainClass;
        this.log = log;
        this.writer = new PropertyWriter(properties, log);
        this.javaFeature = javaFeature;
    }

    /** Called by the trampoline, once per JVM. */
    static void start(String arguments, Instrumentation instrumentation, Class<?> premainClass) {
        long started = System.nanoTime();
        Map<String, String> environment = System.getenv();
        List<String> problems = new ArrayList<String>();
        Settings settings = Settings.resolve(arguments, environment, problems);
        Log log = new Log(settings.log(), System.err);
        for (String problem : problems) {
            log.warnLine(problem);
        }
        if (!settings.enabled()) {
            log.debug("enabled=false: nothing read, nothing set");
            return;
        }
        Agent agent = new Agent(settings, environment, instrumentation, premainClass, log, System.getProperties(),
                javaFeature(System.getProperty("java.specification.version")));
        agent.run(ContainerLimits.detect(settings), Runtime.getRuntime().availableProcessors(),
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
        String applied = applyCpu(limits.cpuCount(), jvmCpus);
        if (MemoryCheck.heapExceeds(maxHeap, limits.memoryLimit())) {
            log.warn(MemoryCheck.warning(maxHeap, limits.memoryLimit(), jarForMessages()));
        }
        if (log.isInfo()) {
            log.info(Summary.line(Version.get(), limits, applied));
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

    /** Applies the CPU policy; returns what it did, for the summary line. */
    private String applyCpu(int cpus, int jvmCpus) {
        if (cpus == jvmCpus) {
            log.debug("changing nothing: the JVM already reports " + jvmCpus + " CPUs");
            return "nothing (the JVM already reports " + jvmCpus + ")";
        }
        Integer activeProcessorCount = options().activeProcessorCount();
        if (activeProcessorCount != null) {
            log.debug("leaving CPU settings alone: -XX:ActiveProcessorCount=" + activeProcessorCount + " given");
            return "nothing CPU-related (-XX:ActiveProcessorCount=" + activeProcessorCount + " given)";
        }
        for (AgentProperty property : AgentProperty.values()) {
            if (property.kind() == AgentProperty.Kind.CPU_SIZING && property.appliesTo(javaFeature)) {
                writer.setIfAbsent(property, property.cpuSizingValue(cpus));
            }
        }
        StringBuilder applied = new StringBuilder();
        applied.append("common pool ")
                .append(System.getProperty(AgentProperty.COMMON_POOL_PARALLELISM.key(), "unchanged"))
                .append(", ").append(settings.rewrite() ? installRewrite(cpus) : "rewrite off (rewrite=false)");
        String separator = ", properties ";
        for (AgentProperty property : writer.written()) {
            if (property.kind() == AgentProperty.Kind.CPU_SIZING) {
                applied.append(separator).append(property.key());
                separator = " ";
            }
        }
        return applied.toString();
    }

    private String installRewrite(int cpus) {
        if (premainClass.getClassLoader() != null) {
            // Boot-Class-Path missed (the jar was renamed): this copy of the agent came from the application loader.
            File jar = AgentJar.locate(premainClass, options().javaAgentJars());
            if (jar == null) {
                log.warn("call-site rewrite off: cannot find the agent jar to put its helper on the boot class path; "
                        + "name the jar container-limits.jar");
                return "rewrite off (jar not found)";
            }
            try {
                AgentJar.appendToBootClassPath(instrumentation, jar);
            } catch (IOException e) {
                log.warn("call-site rewrite off: cannot put " + jar + " on the boot class path: " + e);
                return "rewrite off (boot class path)";
            }
            log.debug("jar renamed: appended " + jar + " to the boot class path (the JVM warns about CDS)");
        }
        Redetection redetection = settings.cpus() == null ? new Redetection(settings) : null;
        Rewrite.install(instrumentation, cpus, redetection, javaFeature, log);
        return redetection == null ? "rewrite on (fixed count)" : "rewrite on";
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
