package io.containerlimits.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The trampoline's rules (its class Javadoc), pinned so that nobody "improves" them away. */
class ContainerLimitsAgentTest {

    @Test
    void methodSignaturesUseOnlyJavaTypes() {
        // The JVM resolves every declared method's types when it looks up premain; a missing one aborts the JVM.
        List<String> foreign = new ArrayList<>();
        for (Method method : ContainerLimitsAgent.class.getDeclaredMethods()) {
            List<Class<?>> types = new ArrayList<>(List.of(method.getParameterTypes()));
            types.add(method.getReturnType());
            types.addAll(List.of(method.getExceptionTypes()));
            for (Class<?> type : types) {
                while (type.isArray()) {
                    type = type.getComponentType();
                }
                if (!type.isPrimitive() && !type.getName().startsWith("java.")) {
                    foreign.add(method.getName() + ": " + type.getName());
                }
            }
        }
        assertEquals(List.of(), foreign);
    }

    @Test
    void premainAndAgentmainAreTheOnlyPublicMethods() throws Exception {
        List<String> publicMethods = new ArrayList<>();
        for (Method method : ContainerLimitsAgent.class.getDeclaredMethods()) {
            if (Modifier.isPublic(method.getModifiers())) {
                publicMethods.add(method.getName());
            }
        }
        publicMethods.sort(null);
        assertEquals(List.of("agentmain", "premain"), publicMethods);
        assertTrue(Modifier.isStatic(
                ContainerLimitsAgent.class.getMethod("premain", String.class, Instrumentation.class).getModifiers()));
    }

    @Test
    void noLambdasAndNoNestedClasses() {
        for (Method method : ContainerLimitsAgent.class.getDeclaredMethods()) {
            assertFalse(method.getName().startsWith("lambda$"), method.getName());
        }
        assertEquals(0, ContainerLimitsAgent.class.getDeclaredClasses().length);
    }

    @Test
    void startsOnceAndNeverThrows() {
        // enabled=false keeps this JVM's properties untouched; a null Instrumentation would fail any real start.
        ContainerLimitsAgent.premain("enabled=false", null);
        ContainerLimitsAgent.premain("cpus=3,log=off", null);
        ContainerLimitsAgent.agentmain("cpus=3,log=off", null);
        assertEquals(null, System.getProperty("container.limits.cpus"), "the second and third start did nothing");
    }
}
