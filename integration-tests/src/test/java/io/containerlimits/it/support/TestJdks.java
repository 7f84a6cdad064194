package io.containerlimits.it.support;

import io.containerlimits.testsupport.ForkedJvm;
import io.containerlimits.testsupport.Jdk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The five JDKs under test, each from the system property the build passes ({@code jdk8.home} ... {@code jdk25.home};
 * bin/test stages 8, 11 and 21), and the agent jar and the programs the forked JVMs run.
 *
 * <p>A JDK whose home is missing skips its tests, or fails them under {@code CI=true} ({@link Prerequisites}).
 * {@link #toString()} is the name that test display names carry: {@code jdk8}, {@code jdk11}, ...
 */
public enum TestJdks {
    JDK8(8),
    JDK11(11),
    JDK17(17),
    JDK21(21),
    JDK25(25);

    /**
     * The JDKs that run every row ({@code @EnumSource(mode = MATCH_ANY, names = FULL_MATRIX)}); the others, 8, 11 and
     * 21, run the rows where JDKs differ (detection hidden from the JVM, memory, namespaces, the rewrite on real jars,
     * attaching) and skip those that only exercise the agent's own arguments a second time. It keeps the whole test
     * command within its time; the README's test section lists the rows.
     */
    public static final String FULL_MATRIX = "JDK17|JDK25";

    /** The feature release. */
    private final int feature;

    TestJdks(int feature) {
        this.feature = feature;
    }

    /** The feature release: 8, 11, 17, 21 or 25. */
    public int feature() {
        return feature;
    }

    /** True for the JDKs that run every row: {@link #FULL_MATRIX}. */
    public boolean inFullMatrix() {
        return name().matches(FULL_MATRIX);
    }

    /** The system property that names the JDK's home: {@code jdk8.home}. */
    public String property() {
        return label() + ".home";
    }

    /** {@code jdk8}, {@code jdk17}: how names, figures and messages call this JDK. */
    public String label() {
        return "jdk" + feature;
    }

    /** True when the property names a home whose {@code bin/java} runs. */
    public boolean isPresent() {
        String home = System.getProperty(property());
        return home != null && !home.isBlank() && jdk(home).isPresent();
    }

    /**
     * The JDK; skips the test, or fails it under {@code CI=true}, when it is not there. The JDK's home is the same
     * path on the host and in the test image.
     */
    public Jdk jdk() {
        Prerequisites.require(isPresent(), label() + " at -D" + property() + "=" + System.getProperty(property())
                + " (bin/test stages JDK 8, 11 and 21 and passes every JDK's home)");
        return jdk(System.getProperty(property()));
    }

    /** A forked JVM of this JDK, nothing else set: {@link #jdk()} first. */
    public ForkedJvm jvm() {
        return ForkedJvm.of(jdk());
    }

    private Jdk jdk(String home) {
        return new Jdk(Paths.get(home), feature);
    }

    @Override
    public String toString() {
        return label();
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

    /**
     * The classes forked JVMs run ({@code Probe}, the rewrite harness, ...): this module's {@code src/main/java},
     * compiled to Java 8 bytecode so that every JDK under test runs them.
     */
    public static Path programClasses() {
        return Paths.get("target", "classes").toAbsolutePath();
    }
}
