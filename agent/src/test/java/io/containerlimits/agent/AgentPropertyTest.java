package io.containerlimits.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AgentPropertyTest {

    @Test
    void everyKeyIsDistinctAndNamesItsLibrary() {
        Set<String> keys = new HashSet<>();
        for (AgentProperty property : AgentProperty.values()) {
            assertTrue(keys.add(property.key()), property.key());
            assertFalse(property.library().isEmpty(), property.key());
        }
    }

    @Test
    void publishedOnesAreTheContainerLimitsNamespace() {
        for (AgentProperty property : AgentProperty.values()) {
            assertEquals(property.kind() == AgentProperty.Kind.PUBLISHED,
                    property.key().startsWith("container.limits."), property.key());
        }
    }

    @Test
    void commonPoolIsTheJdkFormulaOnTheRightCount() {
        assertEquals("1", AgentProperty.COMMON_POOL_PARALLELISM.cpuSizingValue(1));
        assertEquals("1", AgentProperty.COMMON_POOL_PARALLELISM.cpuSizingValue(2));
        assertEquals("7", AgentProperty.COMMON_POOL_PARALLELISM.cpuSizingValue(8));
        assertEquals("8", AgentProperty.NETTY_AVAILABLE_PROCESSORS.cpuSizingValue(8));
    }

    @Test
    void virtualThreadSchedulerOnlyFrom21() {
        assertFalse(AgentProperty.VIRTUAL_THREAD_PARALLELISM.appliesTo(17));
        assertTrue(AgentProperty.VIRTUAL_THREAD_PARALLELISM.appliesTo(21));
        assertTrue(AgentProperty.JETTY_AVAILABLE_PROCESSORS.appliesTo(8));
    }
}
