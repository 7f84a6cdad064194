package io.containerlimits.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * A JDK a test forks: where it is and which feature release it is, which decides the options it understands.
 *
 * @param home    the JDK's home directory ({@code JAVA_HOME})
 * @param feature the feature release: 8, 11, 17, 21, 25
 */
public record Jdk(Path home, int feature) {

    /** The first feature release with modules, and so with {@code --add-opens}. */
    private static final int FIRST_WITH_MODULES = 9;

    public Jdk {
        home = home.toAbsolutePath().normalize();
    }

    /** The JDK that runs this test. */
    public static Jdk current() {
        return new Jdk(Paths.get(System.getProperty("java.home")), Runtime.version().feature());
    }

    /** {@code <home>/bin/java} (on JDK 8 a link into {@code jre/bin}). */
    public Path java() {
        return home.resolve("bin").resolve("java");
    }

    /** True when {@link #java()} can be run. */
    public boolean isPresent() {
        return Files.isExecutable(java());
    }

    /** True from JDK 9 on: the JVM knows modules and their options ({@code --add-opens}); JDK 8 fails on them. */
    public boolean hasModules() {
        return feature >= FIRST_WITH_MODULES;
    }

    /** {@code jdk8}, {@code jdk17}: how test names and figures name the JDK. */
    public String label() {
        return "jdk" + feature;
    }
}
