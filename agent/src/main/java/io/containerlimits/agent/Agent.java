package io.containerlimits.agent;

import io.containerlimits.ContainerLimits;
import io.containerlimits.Cores;
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
 *   <li>Unless {@code follow=false}: start the watcher thread ({@link Follow}), which follows limits changed while
 *       the JVM runs.</li>
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

    /**
     * The library's watch API, every class of it ({@code AgentTest} checks the list against the compiled
     * {@code io.containerlimits.watch} package): what {@link #loadWatchApi} loads.
     */
    static final String[] WATCH_API = {"io.containerlimits.LimitsListener", "io.containerlimits.Watch",
        "io.containerlimits.watch.Feed", "io.containerlimits.watch.Watcher", "io.containerlimits.watch.ReadSnapshot",
        "io.containerlimits.watch.ReadSnapshot$Checked"};

    /** What the watcher may resize after start ({@link Follow#CALLERS} and the rest); 0 leaves CPU sizing alone. */
    private int resizable;

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
        Limits limits = ContainerLimits.detectForPolicy(settings);
        agent.run(limits, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory());
        agent.follow(arguments, limits);
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
            resizable = resizablePools();
        } else if ((activeProcessorCount = options().activeProcessorCount()) != null) {
            String given = UserJvmOptions.ACTIVE_PROCESSOR_COUNT + activeProcessorCount + " given";
            log.debug("leaving CPU settings alone: " + given);
            applied = "nothing CPU-related (" + given + ")";
        } else {
            rewrite = settings.rewrite();
            // On 19+ the common pool can follow a change (setParallelism), but not once its property is set: there
            // the rewritten ForkJoinPool constructor sizes it from the helper's count instead of the property.
            boolean poolByRewrite = rewrite && followsCpus() && javaFeature >= 19;
            setCpuProperties(cpus, poolByRewrite);
            resizable = (rewrite ? Follow.CALLERS : 0) | resizablePools();
            applied = cpuSummary(rewrite, poolByRewrite ? Math.max(1, cpus - 1) : null);
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
        for (AgentProperty property : AgentProperty.values()) {
            String value = property.publishedValue(limits);
            if (value != null) {
                writer.setIfAbsent(property, value);
            }
        }
    }

    private void setCpuProperties(int cpus, boolean poolByRewrite) {
        for (AgentProperty property : AgentProperty.values()) {
            if (property.kind() == AgentProperty.Kind.CPU_SIZING && property.appliesTo(javaFeature)
                    && !(poolByRewrite && property == AgentProperty.COMMON_POOL_PARALLELISM)) {
                writer.setIfAbsent(property, property.cpuSizingValue(cpus));
            }
        }
    }

    /** True when CPU changes after start are followed: {@code follow} on and no fixed {@code cpus=}. */
    private boolean followsCpus() {
        return settings.follow() && settings.cpus() == null;
    }

    /**
     * The pools the watcher may resize: the common pool (19+) unless its property is set, which forbids
     * {@code setParallelism}; the virtual-thread scheduler (21+) unless the user set its property.
     */
    private int resizablePools() {
        int pools = 0;
        if (javaFeature >= 19 && writer.current(AgentProperty.COMMON_POOL_PARALLELISM) == null) {
            pools |= Follow.COMMON_POOL;
        }
        if (javaFeature >= 21 && (writer.current(AgentProperty.VIRTUAL_THREAD_PARALLELISM) == null
                || writer.written().contains(AgentProperty.VIRTUAL_THREAD_PARALLELISM))) {
            pools |= Follow.VIRTUAL_THREADS;
        }
        return pools;
    }

    /**
     * {@code common pool 3, rewrite on, properties a b c}: what a corrected count applied.
     *
     * @param poolByRewrite the common pool's parallelism when the rewritten constructor sizes it, else {@code null}
     */
    private String cpuSummary(boolean rewrite, Integer poolByRewrite) {
        StringBuilder applied = new StringBuilder("common pool ")
                .append(poolByRewrite != null ? poolByRewrite + " (by the rewrite)"
                        : writer.current(AgentProperty.COMMON_POOL_PARALLELISM)).append(", ")
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
        if (premainClass.getClassLoader() != null) {
            // Boot-Class-Path missed (the jar was renamed): this copy of the agent came from the application loader.
            File jar = AgentJar.locate(premainClass, options().javaAgentJars());
            if (jar == null) {
                log.warn("call-site rewrite off: cannot find the agent jar to put its helper on the boot class path; "
                        + "name the jar container-limits.jar");
                return;
            }
            try {
                loadWatchApi();
                AgentJar.appendToBootClassPath(instrumentation, jar);
            } catch (IOException e) {
                log.warn("call-site rewrite off: cannot put " + jar + " on the boot class path: " + e);
                return;
            }
            log.debug("jar renamed: appended " + jar + " to the boot class path (the JVM warns about CDS)");
        }
        Rewrite.install(instrumentation, cpus, javaFeature, log.isDebug(), log.stream());
    }

    /**
     * With a renamed jar, loads the library's watch API into this (the application) loader before the jar joins the
     * boot class path: an application's {@code ContainerLimits.watch} then resolves one consistent copy, this loader's
     * (which reaches the agent's boot copy through {@code Feed}'s {@code java.*}-typed hand-off), instead of a mix of
     * this loader's {@code ContainerLimits} and the boot loader's {@code LimitsListener} (a linkage error). The rest of
     * the API ({@code Limits}, {@code Settings}, {@code Finding}) is loaded by detection already.
     */
    private static void loadWatchApi() {
        ClassLoader loader = Agent.class.getClassLoader();
        for (String name : WATCH_API) {
            try {
                Class.forName(name, false, loader);
            } catch (ClassNotFoundException e) {
                // a jar without them: nothing to keep consistent
            }
        }
    }

    /**
     * Starts the watcher thread, last thing in premain, unless {@code follow=false} or both counts are fixed
     * ({@code cpus=} and {@code memory=}: nothing left to follow). Premain pays for one small class and a thread start;
     * the watcher loads the rest on its own thread. After the rewrite's install, so that with a renamed jar
     * {@link Follow} resolves to the boot copy, as {@link Rewrite} does.
     *
     * @param arguments the agent arguments, which the watcher resolves again with the environment
     */
    void follow(String arguments, Limits limits) {
        if (!settings.follow() || settings.cpus() != null && settings.memory() != null) {
            log.debug("not following changes: " + (settings.follow() ? "cpus= and memory= fix both" : "follow=false"));
            return;
        }
        Follow.start(arguments, environment, instrumentation, limits, javaFeature, followsCpus() ? resizable : 0,
                log.stream(), premainClass);
    }

    /** What the watcher may resize, for tests. */
    int resizable() {
        return resizable;
    }

    private String jarForMessages() {
        return AgentJar.forMessages(premainClass, options().javaAgentJars());
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
