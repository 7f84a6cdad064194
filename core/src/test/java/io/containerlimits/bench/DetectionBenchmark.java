package io.containerlimits.bench;

import io.containerlimits.ContainerLimits;
import io.containerlimits.Limits;
import io.containerlimits.Setting;
import io.containerlimits.Settings;
import java.util.Arrays;

/**
 * Times full {@link ContainerLimits#detect(Settings)} calls, alternating the real root {@code /} and a fixture tree.
 *
 * <p>A plain harness (no JMH): warm-up, then {@code N} timed calls per root; prints the median and minimum in
 * microseconds. Usage: {@code DetectionBenchmark <fixture-root> [iterations] [warm-up]}; {@code bench/detection.sh}
 * runs it.
 */
public final class DetectionBenchmark {

    private DetectionBenchmark() {
        throw new UnsupportedOperationException();
    }

    /** Runs the benchmark; see the class comment for the arguments. */
    public static void main(String[] args) {
        String fixture = args[0];
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        Settings host = Settings.defaults();
        Settings tree = Settings.defaults().with(Setting.ROOT, fixture);
        // The first call is what the agent pays at start-up: classes loading, interpreter only.
        long coldStart = System.nanoTime();
        long sink = ContainerLimits.detect(host).cpuCount();
        System.out.printf("first call (cold, root /): %.1f us%n", (System.nanoTime() - coldStart) / 1000.0);
        for (int i = 0; i < warmUp; i++) {
            sink += ContainerLimits.detect(host).cpuCount() + ContainerLimits.detect(tree).cpuCount();
        }
        long[] hostNanos = new long[iterations];
        long[] treeNanos = new long[iterations];
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            Limits a = ContainerLimits.detect(host);
            long middle = System.nanoTime();
            Limits b = ContainerLimits.detect(tree);
            long end = System.nanoTime();
            hostNanos[i] = middle - start;
            treeNanos[i] = end - middle;
            sink += a.cpuCount() + b.cpuCount();
        }
        print("root /", hostNanos, ContainerLimits.detect(host));
        print("fixture " + fixture, treeNanos, ContainerLimits.detect(tree));
        System.out.println("(" + iterations + " timed calls per root after " + warmUp + " warm-up pairs; sink " + sink
                + ")");
    }

    private static void print(String label, long[] nanos, Limits limits) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%-60s median %8.1f us   min %8.1f us   p90 %8.1f us   -> %s%n", label,
                sorted[sorted.length / 2] / 1000.0, sorted[0] / 1000.0, sorted[sorted.length * 9 / 10] / 1000.0,
                limits);
    }
}
