package io.containerlimits;

import io.containerlimits.detect.Detection;
import io.containerlimits.detect.Detector;
import java.nio.file.Paths;
import java.util.ArrayList;

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
        return detect(settings, true);
    }

    /**
     * As {@link #detect(Settings)}, but reads only what the policy needs: the CPU topology only with
     * {@code cores=physical} ({@link Limits#physicalCores()} is unknown otherwise). For the agent's start-up, where
     * every file read counts.
     */
    public static Limits detectForPolicy(Settings settings) {
        return detect(settings, settings.cores() == Cores.PHYSICAL);
    }

    private static Limits detect(Settings settings, boolean physicalCores) {
        Detection detection;
        try {
            detection = Detector.detect(Paths.get(settings.root()), physicalCores);
        } catch (Throwable t) {
            // Detector already catches per value; this is the last line, so that nothing reaches the caller.
            detection = Detection.unknown("detection failed: " + t);
        }
        return apply(settings, detection);
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
