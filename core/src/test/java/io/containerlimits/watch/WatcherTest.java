package io.containerlimits.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containerlimits.ContainerLimits;
import io.containerlimits.Limits;
import io.containerlimits.Setting;
import io.containerlimits.Settings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Watcher} on a copy of a v2 fixture tree whose limit files the test rewrites, as the kubelet would. */
class WatcherTest {

    @TempDir
    Path root;

    private LiveFixture fixture;

    /** Each change the listener saw, as {@code cpus/memory -> cpus/memory}. */
    private final List<String> changes = new ArrayList<>();

    @Test
    void aRaisedAndLoweredQuotaIsOneChangeEachAndNothingElseIs() throws IOException {
        Watcher watcher = watcherOnFixture(Settings.defaults());
        write("cpu.max", "400000 100000");
        watcher.poll();
        write("memory.current", "99999999");
        watcher.poll();
        write("cpu.max", "50000 100000");
        watcher.poll();
        assertEquals(List.of("2/1073741824 -> 4/1073741824", "4/1073741824 -> 1/1073741824"), changes);
    }

    @Test
    void theSettingsApplyToTheNewQuota() throws IOException {
        Watcher watcher = watcherOnFixture(Settings.defaults().with(Setting.ROUNDING, "floor")
                .with(Setting.RESERVE_CPUS, "0.5").with(Setting.MIN_CPUS, "2"));
        write("cpu.max", "550000 100000");
        watcher.poll();
        write("cpu.max", "150000 100000");
        watcher.poll();
        assertEquals(List.of("2/1073741824 -> 5/1073741824", "5/1073741824 -> 2/1073741824"), changes,
                "floor(5.5 - 0.5) = 5, then max(2, floor(1.5 - 0.5))");
    }

    @Test
    void aLoweredMemoryLimitAndARemovedOneAreChanges() throws IOException {
        Watcher watcher = watcherOnFixture(Settings.defaults());
        write("memory.max", "536870912");
        watcher.poll();
        write("memory.max", "max");
        watcher.poll();
        assertEquals(List.of("2/1073741824 -> 2/536870912", "2/536870912 -> 2/none"), changes);
    }

    @Test
    void aLimitFileThatCannotBeReadKeepsTheLastLimits() throws IOException {
        Watcher watcher = watcherOnFixture(Settings.defaults());
        Limits before = watcher.current();
        write("cpu.max", "garbage");
        write("memory.max", "garbage");
        assertSame(before, watcher.poll(), "an unreadable quota is no reason to resize");
        write("cpu.max", "100000 100000");
        write("memory.max", "1073741824");
        watcher.poll();
        assertEquals(List.of("2/1073741824 -> 1/1073741824"), changes);
    }

    @Test
    void aThrowingListenerDoesNotStopTheOthers() throws IOException {
        Watcher watcher = watcherOnFixture(Settings.defaults());
        List<Throwable> reported = new ArrayList<>();
        Thread.UncaughtExceptionHandler before = Thread.currentThread().getUncaughtExceptionHandler();
        Thread.currentThread().setUncaughtExceptionHandler((thread, t) -> reported.add(t));
        try {
            watcher.add((previous, current) -> {
                throw new IllegalStateException("listener bug");
            });
            watcher.add((previous, current) -> changes.add("second listener"));
            write("cpu.max", "100000 100000");
            watcher.poll();
        } finally {
            Thread.currentThread().setUncaughtExceptionHandler(before);
        }
        assertTrue(changes.contains("second listener"), changes::toString);
        assertEquals("listener bug", reported.get(0).getMessage());
    }

    @Test
    void aFileThatAppearsIsSeenByTheFullDetectionOfEveryMinute() throws IOException {
        Watcher watcher = watcherOnFixture(Settings.defaults());
        fixture.delete("memory.max");
        watcher.poll();
        changes.clear();
        fixture.write("memory.max", "536870912");
        for (int poll = 1; poll < Watcher.FULL_EVERY; poll++) {
            watcher.poll();
        }
        assertEquals(List.of(), changes, "no file the last detection read has changed");
        watcher.poll();
        assertEquals(List.of("2/none -> 2/536870912"), changes, "the full detection of the minute");
    }

    @Test
    void withoutABaselineTheFirstPollTellsNobody() throws IOException {
        Watcher watcher = new Watcher(LiveFixture.copyTo(root).settings(Settings.defaults()), null);
        watcher.add((previous, current) -> changes.add("told"));
        watcher.poll();
        assertEquals(List.of(), changes);
        assertEquals(2, watcher.current().cpuCount());
    }

    private Watcher watcherOnFixture(Settings settings) throws IOException {
        fixture = LiveFixture.copyTo(root);
        Settings atRoot = fixture.settings(settings);
        Watcher watcher = new Watcher(atRoot, ContainerLimits.detect(atRoot));
        watcher.add((previous, current) -> changes.add(describe(previous) + " -> " + describe(current)));
        return watcher;
    }

    private static String describe(Limits limits) {
        return limits.cpuCount() + "/" + (limits.memoryLimit().isFound() ? limits.memoryLimit().value() : "none");
    }

    private void write(String cgroupFile, String content) throws IOException {
        fixture.write(cgroupFile, content);
    }
}
