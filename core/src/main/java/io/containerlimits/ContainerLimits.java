package io.containerlimits;

import io.containerlimits.detect.Detection;
import io.containerlimits.detect.Detector;
import io.containerlimits.detect.HostFiles;
import io.containerlimits.watch.Feed;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Map;

/**
 * The entry point for applications: the CPU and memory limits of the container this JVM runs in.
 *
 * <pre>{@code
 * Limits limits = ContainerLimits.detect();
 * int threads = limits.cpuCount();
 * Long bytes = limits.memoryLimit().orElse(null);
 * }</pre>
 *
 * <p>Detection reads a handful of small files under {@code /proc} and {@code /sys/fs/cgroup} and never throws: what
 * cannot be read is reported as unknown with its reason.
 */
public final class ContainerLimits {

    private ContainerLimits() {
        throw new UnsupportedOperationException();
    }

    /** Detects with the settings of the environment ({@code CONTAINER_LIMITS_*}); malformed ones are ignored. */
    public static Limits detect() {
        return detect(Settings.resolve(null, System.getenv(), new ArrayList<String>()));
    }

    /**
     * Detects everything, physical cores included, and applies {@code settings}; {@code settings.root()} says where
     * the files are read.
     */
    public static Limits detect(Settings settings) {
        return detect(settings, true, null);
    }

    /**
     * As {@link #detect(Settings)}, but reads only what the policy needs: the CPU topology only with
     * {@code cores=physical} ({@link Limits#physicalCores()} is unknown otherwise). For the agent's start-up, where
     * every file read counts.
     */
    public static Limits detectForPolicy(Settings settings) {
        return detectForPolicy(settings, null);
    }

    /**
     * {@link #detectForPolicy(Settings)}, recording every file read with its content into {@code reads}: the watcher
     * re-reads those to tell, cheaply, whether anything could have changed ({@code null}: not recorded).
     */
    public static Limits detectForPolicy(Settings settings, Map<Path, String> reads) {
        return detect(settings, settings.cores() == Cores.PHYSICAL, reads);
    }

    private static Limits detect(Settings settings, boolean physicalCores, Map<Path, String> reads) {
        Detection detection;
        try {
            detection = Detector.detect(new HostFiles(Paths.get(settings.root()), reads), physicalCores);
        } catch (Throwable t) {
            // Detector already catches per value; this is the last line, so that nothing reaches the caller.
            detection = Detection.unknown("detection failed: " + t);
        }
        return apply(settings, detection);
    }

    /**
     * Tells {@code listener} whenever the limits change while the JVM runs (Kubernetes in-place resize,
     * {@code docker update}), at most once a second, on a daemon thread, until the returned watch is closed.
     *
     * <p>With the agent attached and following ({@code follow=true}, the default), the agent's watcher feeds the
     * listener after it has resized what it resizes, with the agent's settings. Without it, the first listener starts
     * a daemon thread {@code container-limits-watch} that detects with the environment's settings
     * ({@code CONTAINER_LIMITS_*}); closing the last watch stops it.
     */
    public static Watch watch(LimitsListener listener) {
        if (listener == null) {
            throw new NullPointerException("listener");
        }
        return Feed.subscribe(listener);
    }

    /** Applies the policy of {@code settings} to a detection. */
    static Limits apply(Settings settings, Detection detection) {
        int affinity = detection.affinity().isFound()
                ? Math.max(1, detection.affinity().value())
                : Runtime.getRuntime().availableProcessors();
        Double quota = detection.cpuQuota().isFound() ? detection.cpuQuota().value() : null;
        Integer cores = detection.physicalCores().isFound() ? detection.physicalCores().value() : null;
        int count = CpuPolicy.count(settings, quota, affinity, cores);
        CpuSource source = CpuPolicy.source(settings, quota, affinity, cores);
        Finding<Long> memory = settings.memory() != null
                ? Finding.found(settings.memory(), "memory= setting")
                : detection.memoryLimit();
        return new Limits(count, source, affinity, memory, settings, detection);
    }
}
