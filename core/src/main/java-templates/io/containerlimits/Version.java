package io.containerlimits;

/**
 * The version of container-limits, from the build.
 *
 * <p>A template: {@code templating-maven-plugin} fills in the project version when it copies this file to the
 * generated sources, so the version is a compile-time constant. It used to be a resource read, and on the agent's
 * premain path that read went through a jar URL connection of the boot class path (about 15 JDK classes parsed from
 * the modules image, 6–8 ms in a fresh JVM).
 */
public final class Version {

    /** For example {@code 0.1.0}. */
    private static final String VERSION = "${project.version}";

    private Version() {
        throw new UnsupportedOperationException();
    }

    /** For example {@code 0.1.0}. */
    public static String get() {
        return VERSION;
    }
}
