package io.containerlimits.agent;

import io.containerlimits.agent.boot.AvailableProcessors;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Installs the call-site rewrite: the helper's count, the transformer, and the retransform of the JDK classes that
 * were loaded before premain but not yet initialised.
 *
 * <p>Loaded only once the helper is boot-visible: this class is the first to link to {@link AvailableProcessors}, so
 * that a renamed jar's fallback (an application-loader copy of the agent) still resolves the one boot copy.
 */
final class Rewrite {

    /**
     * Classes that call {@code availableProcessors} and are loaded, not yet initialised, at premain; everything else
     * that matters loads later, or was initialised already and cannot be fixed ({@code ConcurrentHashMap}). A fixed
     * list: scanning every loaded class costs 100+ ms (jvm-agent-notes §1.6).
     */
    static final String[] RETRANSFORM_CANDIDATES = {"java.lang.VirtualThread"};

    private Rewrite() {
        throw new UnsupportedOperationException();
    }

    /**
     * Makes rewritten callers see {@code cpus}, then follows {@code redetect} ({@code null}: the count is fixed), and
     * installs the transformer.
     */
    static CallSiteTransformer install(Instrumentation instrumentation, int cpus, Callable<Integer> redetect,
            int javaFeature, Log log) {
        if (redetect == null) {
            AvailableProcessors.set(cpus);
        } else {
            AvailableProcessors.follow(cpus, redetect);
        }
        CallSiteTransformer transformer = new CallSiteTransformer(log);
        instrumentation.addTransformer(transformer, true);
        if (javaFeature >= 9) {
            retransformCandidates(instrumentation, log);
        }
        return transformer;
    }

    private static void retransformCandidates(Instrumentation instrumentation, Log log) {
        for (String name : RETRANSFORM_CANDIDATES) {
            Class<?> candidate;
            try {
                candidate = Class.forName(name, false, null);
            } catch (ClassNotFoundException e) {
                continue; // before JDK 21
            }
            try {
                if (instrumentation.isModifiableClass(candidate)) {
                    readHelperModule(instrumentation, candidate);
                    instrumentation.retransformClasses(candidate);
                }
            } catch (Throwable t) {
                log.debug("could not retransform " + name + ": " + t);
            }
        }
    }

    /**
     * Lets {@code candidate}'s module read the helper's (the boot loader's unnamed module). The JVM adds that edge
     * itself to a module one of whose classes is transformed at load time (jvm-agent-notes §1.5); a class that is only
     * retransformed gets it from that rule only by luck, so this is insurance. Java 9+ API, called reflectively: the
     * agent is Java 8 bytecode.
     */
    private static void readHelperModule(Instrumentation instrumentation, Class<?> candidate) throws Exception {
        Method getModule = Class.class.getMethod("getModule");
        Object module = getModule.invoke(candidate);
        Object helperModule = getModule.invoke(AvailableProcessors.class);
        Class<?> moduleType = Class.forName("java.lang.Module");
        Method redefineModule = Instrumentation.class.getMethod("redefineModule", moduleType, Set.class, Map.class,
                Map.class, Set.class, Map.class);
        redefineModule.invoke(instrumentation, module, Collections.singleton(helperModule),
                Collections.emptyMap(), Collections.emptyMap(), Collections.emptySet(), Collections.emptyMap());
    }
}
