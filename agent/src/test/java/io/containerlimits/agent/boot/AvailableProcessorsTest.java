package io.containerlimits.agent.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AvailableProcessorsTest {

    private static final Runtime RUNTIME = Runtime.getRuntime();

    @AfterEach
    void reset() {
        AvailableProcessors.reset();
    }

    @Test
    void withoutACountCallersGetTheJvmsAnswer() {
        assertEquals(RUNTIME.availableProcessors(), AvailableProcessors.availableProcessors(RUNTIME));
        assertEquals(0, AvailableProcessors.current());
    }

    @Test
    void aSetCountIsReturnedUntilTheNextOne() {
        AvailableProcessors.set(5);
        assertEquals(5, AvailableProcessors.availableProcessors(RUNTIME));
        AvailableProcessors.set(2);
        assertEquals(2, AvailableProcessors.availableProcessors(RUNTIME), "the watcher's next count");
        assertEquals(2, AvailableProcessors.current());
    }
}
