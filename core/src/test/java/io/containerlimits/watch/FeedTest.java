package io.containerlimits.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containerlimits.ContainerLimits;
import io.containerlimits.Limits;
import io.containerlimits.Settings;
import io.containerlimits.Watch;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Feed}: the agent's watcher when there is one, else a thread of its own that lives as long as a listener. */
class FeedTest {

    @AfterEach
    void forgetTheAgent() {
        Feed.reset();
    }

    @Test
    void withoutTheAgentTheFirstListenerStartsTheThreadAndTheLastOneStopsIt() throws InterruptedException {
        assertFalse(watcherThread().isPresent(), "no watcher before anyone listens");
        Watch first = ContainerLimits.watch((previous, current) -> { });
        Watch second = ContainerLimits.watch((previous, current) -> { });
        Thread thread = watcherThread().orElseThrow();
        assertTrue(thread.isDaemon());
        first.close();
        assertTrue(thread.isAlive(), "one listener is left");
        second.close();
        second.close();
        thread.join(5000);
        assertFalse(thread.isAlive(), "the last listener left");
    }

    @Test
    void theAgentsWatcherFeedsListenersAfterItsOwnAndIsNotStoppedByThem(@TempDir Path root) throws IOException {
        LiveFixture fixture = LiveFixture.copyTo(root);
        Settings settings = fixture.settings(Settings.defaults());
        Limits initial = ContainerLimits.detect(settings);
        Watcher agentWatcher = new Watcher(settings, initial);
        List<String> order = new ArrayList<>();
        agentWatcher.add((previous, current) -> order.add("agent"));
        Feed.agentWatches(agentWatcher, "cpus=1");
        assertEquals("cpus=1", Feed.agentArguments());

        Watch watch = ContainerLimits.watch((previous, current) -> order.add("application"));
        Runnable stopWake = Feed.wakeOnChange(() -> order.add("other copy"));
        assertFalse(watcherThread().isPresent(), "the agent's thread polls, no other thread starts");
        fixture.write("cpu.max", "100000 100000");
        agentWatcher.poll();
        assertEquals(List.of("agent", "application", "other copy"), order);

        watch.close();
        stopWake.run();
        fixture.write("cpu.max", "300000 100000");
        agentWatcher.poll();
        assertEquals(List.of("agent", "application", "other copy", "agent"), order);
    }

    @Test
    void withoutTheAgentAnotherCopyGetsNoWakeUp() {
        assertNull(Feed.agentArguments());
        assertNull(Feed.wakeOnChange(() -> { }));
    }

    private static Optional<Thread> watcherThread() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(Feed.THREAD_NAME) && t.isAlive()).findFirst();
    }
}
