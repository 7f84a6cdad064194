package io.containerlimits.agent;

import io.containerlimits.ContainerLimits;
import io.containerlimits.Limits;
import io.containerlimits.Settings;
import io.containerlimits.watch.Feed;
import io.containerlimits.watch.Watcher;
import java.util.ArrayList;

/**
 * The watcher thread's body: joins {@link Feed} as the JVM's watcher (before its first sleep, so that an application
 * that subscribes early joins it instead of starting a thread of its own), then detects once a second and lets
 * {@link Resize} act on each change before the application's listeners hear of it.
 */
final class FollowLoop {

    private FollowLoop() {
        throw new UnsupportedOperationException();
    }

    static void run(Follow follow) throws InterruptedException {
        Settings settings = Settings.resolve(follow.arguments, follow.environment, new ArrayList<String>());
        Log log = new Log(settings.log(), follow.err);
        Limits initial = follow.initialLimits instanceof Limits ? (Limits) follow.initialLimits
                : ContainerLimits.detectForPolicy(settings);
        Watcher watcher = new Watcher(settings, initial);
        Resize resize = new Resize(follow, log, System.getProperties());
        watcher.add(resize);
        Feed.agentWatches(watcher, follow.arguments);
        log.debug("following limit changes: detecting once every " + Watcher.INTERVAL_MILLIS + " ms");
        Thread.sleep(Watcher.INTERVAL_MILLIS);
        resize.reconcile(initial);
        while (true) {
            try {
                resize.detected(watcher.poll());
            } catch (RuntimeException e) {
                log.debug("detection failed, trying again in a second: " + e);
            }
            Thread.sleep(Watcher.INTERVAL_MILLIS);
        }
    }
}
