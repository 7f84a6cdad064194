package io.containerlimits.it.v2vm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * A JDK the guest runs, at its host path (the guest sees the host's file system): the five the build passes as
 * {@code -DjdkNN.home=...} ({@code bin/test} stages 8, 11 and 21 with {@code integration-tests/jdks/stage-jdks.sh}).
 *
 * @param feature the feature release: 8, 11, 17, 21 or 25
 * @param home    its home directory
 */
record GuestJdk(int feature, Path home) {

    /** The staged JDKs' directory when no property names them (stage-jdks.sh's default). */
    private static final String STAGED = "/var/cache/container-limits/jdks/jdk%d/usr/lib/jvm/java-%d-openjdk-amd64";

    /** The first feature release with virtual threads. */
    static final int VIRTUAL_THREADS = 21;

    /** All five, from {@code jdkNN.home} or the default places. */
    static List<GuestJdk> all() {
        return List.of(of(8, STAGED.formatted(8, 8)), of(11, STAGED.formatted(11, 11)),
                of(17, "/usr/lib/jvm/java-17-openjdk-amd64"), of(21, STAGED.formatted(21, 21)),
                of(25, "/usr/lib/jvm/temurin-25-jdk-amd64"));
    }

    private static GuestJdk of(int feature, String fallback) {
        return new GuestJdk(feature, Paths.get(System.getProperty("jdk" + feature + ".home", fallback)));
    }

    /** True when {@code bin/java} is there. */
    boolean isPresent() {
        return Files.isExecutable(home.resolve("bin").resolve("java"));
    }

    /** {@code jdk17}: how test names spell it. */
    String label() {
        return "jdk" + feature;
    }

    /** True from 21 on: the virtual-thread scheduler is one more pool the agent sizes. */
    boolean hasVirtualThreads() {
        return feature >= VIRTUAL_THREADS;
    }
}
