package io.containerlimits.it.probe;

/** The feature release of the running JVM, read the way JDK 8 allows ({@code Runtime.version()} is 9+). */
public final class JavaRelease {

    private JavaRelease() {
    }

    /** 8 for {@code java.specification.version} "1.8", 17 for "17". */
    public static int feature() {
        String version = System.getProperty("java.specification.version");
        return Integer.parseInt(version.startsWith("1.") ? version.substring(2) : version);
    }
}
