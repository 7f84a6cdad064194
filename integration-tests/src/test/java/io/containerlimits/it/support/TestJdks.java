package io.containerlimits.it.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** The JDKs and the agent jar under test, as the build passes them in system properties. */
public enum TestJdks implements Jdk {
    JDK17("jdk17.home", "/usr/lib/jvm/java-17-openjdk-amd64", 17),
    JDK25("jdk25.home", "/usr/lib/jvm/temurin-25-jdk-amd64", 25);

    private final String property;
    private final String fallback;
    private final int feature;

    TestJdks(String property, String fallback, int feature) {
        this.property = property;
        this.fallback = fallback;
        this.feature = feature;
    }

    /** The JDK's home directory on the host (and, in the test image, at the same path inside the container). */
    @Override
    public Path home() {
        return Paths.get(System.getProperty(property, fallback));
    }

    /** The feature release, 17 or 25. */
    @Override
    public int feature() {
        return feature;
    }

    /** The agent jar the build just produced ({@code agent/target/container-limits.jar}); fails if it is missing. */
    public static Path agentJar() {
        Path jar = Paths.get(System.getProperty("containerLimits.jar", "../agent/target/container-limits.jar"))
                .toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("agent jar not built: " + jar + " (run the build with 'mvn verify')");
        }
        return jar;
    }

    /** The compiled test classes (where {@link io.containerlimits.it.probe.Probe} lives), for a forked JVM's class path. */
    public static Path testClasses() {
        return Paths.get("target", "test-classes").toAbsolutePath();
    }
}
