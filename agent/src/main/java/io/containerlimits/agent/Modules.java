package io.containerlimits.agent;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.Map;
import java.util.Set;

/**
 * {@code Class.getModule} and {@code Instrumentation.redefineModule}, Java 9+ API reached reflectively: the agent is
 * Java 8 bytecode. Called only on 9+ (21+ in practice), never in premain's ordinary path.
 */
final class Modules {

    private Modules() {
        throw new UnsupportedOperationException();
    }

    /** {@code type.getModule()}. */
    static Object of(Class<?> type) throws ReflectiveOperationException {
        return Class.class.getMethod("getModule").invoke(type);
    }

    /** Lets {@code module} read {@code other}. */
    static void addRead(Instrumentation instrumentation, Object module, Object other)
            throws ReflectiveOperationException {
        redefine(instrumentation, module, Collections.singleton(other), Collections.<String, Set<Object>>emptyMap());
    }

    /** Opens {@code module}'s package {@code packageName} to {@code to}, for deep reflection. */
    static void open(Instrumentation instrumentation, Object module, String packageName, Object to)
            throws ReflectiveOperationException {
        redefine(instrumentation, module, Collections.emptySet(),
                Collections.singletonMap(packageName, Collections.singleton(to)));
    }

    private static void redefine(Instrumentation instrumentation, Object module, Set<?> extraReads,
            Map<String, Set<Object>> extraOpens) throws ReflectiveOperationException {
        Class<?> moduleType = Class.forName("java.lang.Module");
        Method redefineModule = Instrumentation.class.getMethod("redefineModule", moduleType, Set.class, Map.class,
                Map.class, Set.class, Map.class);
        redefineModule.invoke(instrumentation, module, extraReads, Collections.emptyMap(), extraOpens,
                Collections.emptySet(), Collections.emptyMap());
    }
}
