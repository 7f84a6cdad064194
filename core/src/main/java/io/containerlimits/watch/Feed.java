package io.containerlimits.watch;

import io.containerlimits.Limits;
import io.containerlimits.LimitsListener;
import io.containerlimits.Settings;
import io.containerlimits.Watch;
import java.util.ArrayList;

/**
 * The JVM's one {@link Watcher}, which every {@code ContainerLimits.watch} listener joins. Where it comes from:
 * <ol>
 *   <li>The agent follows ({@link #agentWatches}): its watcher thread detects, resizes what the agent resizes, then
 *       tells these listeners.</li>
 *   <li>The application has its own copy of this library in another class loader than the agent's (a child-first
 *       web application or OSGi bundle): that copy finds the agent's, which is on the boot class path, with
 *       {@code Class.forName(name, false, null)} and talks to it through {@link #agentArguments()} and
 *       {@link #wakeOnChange(Runnable)}, which use only {@code java.*} types. After each change the agent sees, the
 *       application's copy detects once more with the agent's settings, so that its listeners get its own
 *       {@link Limits}. (With the ordinary parent-first loaders the application resolves the agent's copy itself, and
 *       case 1 applies.)</li>
 *   <li>No agent follows: the first listener starts a daemon thread {@value #THREAD_NAME} that detects once a second
 *       with the environment's settings ({@code CONTAINER_LIMITS_*}); closing the last listener stops it.</li>
 * </ol>
 * The agent uses this class as its seam; applications use {@code ContainerLimits.watch}.
 */
public final class Feed {

    /** The name of the watcher thread, the agent's or this class's own. */
    public static final String THREAD_NAME = "container-limits-watch";

    /** The watcher this copy's listeners join; {@code null} while none is needed. Guarded by the class lock. */
    private static Watcher watcher;

    /** The agent's arguments while the agent's watcher is {@link #watcher}, else {@code null}. */
    private static String agentArguments;

    /** What stops {@link #watcher} once its last listener leaves: its own thread, or the wake-up from the agent's. */
    private static Runnable stopWatcher;

    private Feed() {
        throw new UnsupportedOperationException();
    }

    /**
     * The agent follows with {@code agentWatcher}, which its own thread polls; listeners join it from now on.
     *
     * @param arguments the agent's argument string ({@code ""} for none), from which another copy resolves the same
     *                  settings
     */
    public static synchronized void agentWatches(Watcher agentWatcher, String arguments) {
        watcher = agentWatcher;
        agentArguments = arguments == null ? "" : arguments;
        stopWatcher = null;
    }

    /** Tells {@code listener} about every change from now on, until the returned watch is closed. */
    public static Watch subscribe(final LimitsListener listener) {
        synchronized (Feed.class) {
            if (watcher == null) {
                watcher = startWatcher();
            }
            watcher.add(listener);
        }
        return new Watch(() -> unsubscribe(listener));
    }

    private static synchronized void unsubscribe(LimitsListener listener) {
        if (watcher != null && watcher.remove(listener) && stopWatcher != null) {
            stopWatcher.run();
            stopWatcher = null;
            watcher = null;
        }
    }

    /**
     * For another copy of this library: the agent's argument string while the agent's watcher feeds this copy, else
     * {@code null}.
     */
    public static synchronized String agentArguments() {
        return agentArguments;
    }

    /**
     * For another copy of this library: runs {@code wake} on the agent's watcher thread after each change, until the
     * returned {@link Runnable} is run; {@code null} when no agent watches here.
     */
    public static synchronized Runnable wakeOnChange(final Runnable wake) {
        if (agentArguments == null) {
            return null;
        }
        final LimitsListener listener = (previous, current) -> wake.run();
        watcher.add(listener);
        return () -> unsubscribe(listener);
    }

    /** Forgets the watcher, stopping this class's own thread if it runs (for tests). */
    static synchronized void reset() {
        if (stopWatcher != null) {
            stopWatcher.run();
        }
        watcher = null;
        agentArguments = null;
        stopWatcher = null;
    }

    /** The agent's watcher through another copy of this class, else a thread of this copy's own. */
    private static Watcher startWatcher() {
        Watcher woken = wokenByAgentCopy();
        if (woken != null) {
            return woken;
        }
        final Watcher own = new Watcher(Settings.resolve(null, System.getenv(), new ArrayList<String>()), null);
        own.poll();
        final Thread thread = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(Watcher.INTERVAL_MILLIS);
                    own.poll();
                }
            } catch (InterruptedException e) {
                // the last listener left
            }
        }, THREAD_NAME);
        thread.setDaemon(true);
        thread.start();
        stopWatcher = () -> {
            thread.interrupt();
            own.close();
        };
        return own;
    }

    /**
     * A watcher of this copy that the agent's copy (the boot loader's {@code Feed}, when it is another class than
     * this one and an agent watches there) wakes after each change; {@code null} when there is no such copy.
     */
    private static Watcher wokenByAgentCopy() {
        try {
            Class<?> agentCopy = Class.forName(Feed.class.getName(), false, null);
            if (agentCopy == Feed.class) {
                return null;
            }
            String arguments = (String) agentCopy.getMethod("agentArguments").invoke(null);
            if (arguments == null) {
                return null;
            }
            final Watcher woken = new Watcher(Settings.resolve(arguments, System.getenv(), new ArrayList<String>()),
                    null);
            woken.poll();
            Runnable wake = woken::poll;
            Runnable stop = (Runnable) agentCopy.getMethod("wakeOnChange", Runnable.class).invoke(null, wake);
            if (stop == null) {
                return null;
            }
            stopWatcher = stop;
            return woken;
        } catch (ClassNotFoundException e) {
            return null;
        } catch (ReflectiveOperationException e) {
            return null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
