package io.containerlimits.agent;

import io.containerlimits.ContainerLimits;
import io.containerlimits.Settings;
import java.util.concurrent.Callable;

/** What the helper's refresh thread runs: the whole detection and policy again, with the same settings. */
final class Redetection implements Callable<Integer> {

    private final Settings settings;

    Redetection(Settings settings) {
        this.settings = settings;
    }

    @Override
    public Integer call() {
        return ContainerLimits.detectForPolicy(settings).cpuCount();
    }
}
