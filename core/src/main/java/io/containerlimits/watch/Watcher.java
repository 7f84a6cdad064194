package io.containerlimits.watch;

import io.containerlimits.ContainerLimits;
import io.containerlimits.Finding;
import io.containerlimits.Limits;
import io.containerlimits.LimitsListener;
import io.containerlimits.Settings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Re-detects on request and tells its listeners, in the order they came, when the limits changed. It owns no thread:
 * whoever runs it calls {@link #poll()} once per {@link #INTERVAL_MILLIS} (the agent's watcher thread, or
 * {@link Feed}'s own when no agent runs).
 *
 * <p>Most polls only re-read the files the last detection read ({@link ReadSnapshot}) and stop there when they read the
 * same: an idle JVM then spends a fraction of a full detection per second (measured, README "In-place resize"). A file
 * that reads otherwise detects in full at once; and every {@link #FULL_EVERY} polls a full detection runs anyway, for
 * what no file read shows (a file that was missing and appears, the JVM's own count where the affinity is unknown).
 *
 * <p>A change is a different CPU count, CPU source, affinity, quota or memory limit; notes, sources and usage that
 * move on their own are not (docs/design.md §3: re-detect at most once a second, like Go).
 */
public final class Watcher {

    /** How often the limits are re-detected: Go's rate (docs/design.md §3). */
    public static final long INTERVAL_MILLIS = 1000;

    /** A full detection at least every this many polls, whatever the files say: once a minute. */
    static final int FULL_EVERY = 60;

    private final Settings settings;
    private final CopyOnWriteArrayList<LimitsListener> listeners = new CopyOnWriteArrayList<LimitsListener>();
    private volatile Limits current;
    private ReadSnapshot snapshot;
    private int pollsSinceFull;

    /**
     * @param settings the settings every detection applies, as at start
     * @param initial  the limits the first {@link #poll()} compares with; {@code null} to take its detection as the
     *                 baseline without telling anyone
     */
    public Watcher(Settings settings, Limits initial) {
        this.settings = settings;
        this.current = initial;
    }

    /** Adds {@code listener} after the ones already there. */
    public void add(LimitsListener listener) {
        listeners.add(listener);
    }

    /** Removes {@code listener}; true when no listener is left. */
    public boolean remove(LimitsListener listener) {
        listeners.remove(listener);
        return listeners.isEmpty();
    }

    /** The limits of the last detection. */
    public Limits current() {
        return current;
    }

    public Settings settings() {
        return settings;
    }

    /**
     * Detects once and, when the limits changed, tells every listener; returns the limits now in force. A detection
     * that could not read a value the previous one found (a file briefly unreadable) is dropped: a limit never
     * disappears for a read error (docs/design.md §3 step 8: an unknown value leaves the last known one standing).
     */
    public synchronized Limits poll() {
        if (snapshot != null && ++pollsSinceFull < FULL_EVERY && snapshot.unchanged()) {
            return current;
        }
        Map<Path, String> reads = new LinkedHashMap<Path, String>();
        Limits next = ContainerLimits.detectForPolicy(settings, reads);
        close();
        snapshot = new ReadSnapshot(reads);
        pollsSinceFull = 0;
        Limits previous = current;
        if (previous != null && (lost(previous.cpuQuota(), next.cpuQuota())
                || lost(previous.memoryLimit(), next.memoryLimit()))) {
            return previous;
        }
        current = next;
        if (previous != null && changed(previous, next)) {
            for (LimitsListener listener : listeners) {
                try {
                    listener.limitsChanged(previous, next);
                } catch (Throwable t) {
                    Thread thread = Thread.currentThread();
                    thread.getUncaughtExceptionHandler().uncaughtException(thread, t);
                }
            }
        }
        return next;
    }

    /** Closes the files the change check keeps open; the next {@link #poll()} detects in full. */
    public synchronized void close() {
        if (snapshot != null) {
            snapshot.close();
            snapshot = null;
        }
    }

    /** True when {@code a} and {@code b} differ in a value that decides sizing. */
    public static boolean changed(Limits a, Limits b) {
        return a.cpuCount() != b.cpuCount() || a.cpuSource() != b.cpuSource() || a.affinity() != b.affinity()
                || differ(a.cpuQuota(), b.cpuQuota()) || differ(a.memoryLimit(), b.memoryLimit());
    }

    private static boolean lost(Finding<?> before, Finding<?> now) {
        return before.isFound() && now.status() == Finding.Status.UNKNOWN;
    }

    /** Found versus not found, or two different values; two findings without a value never differ. */
    private static boolean differ(Finding<?> a, Finding<?> b) {
        if (a.isFound() != b.isFound()) {
            return true;
        }
        return a.isFound() && !a.value().equals(b.value());
    }
}
