package io.containerlimits.it.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

/**
 * A JDK staged beside the two of {@link TestJdks} (8, 11, 21: {@code integration-tests/jdks/stage-jdks.sh}), passed
 * as {@code -Djdk<NN>.home} by {@code bin/test}. A test that wants one takes it when it is there: required (a failure
 * under {@code CI=true}) when the build named it, taken from the default staging directory when that has it, and left
 * out otherwise.
 *
 * @param home    the JDK's home directory
 * @param feature its feature release
 */
public record StagedJdk(Path home, int feature) implements Jdk {

    /** Where the staging script puts JDK NN by default: {@code <dir>/jdkNN/usr/lib/jvm/java-NN-openjdk-amd64}. */
    private static final String DEFAULT_DIRECTORY = "/var/cache/container-limits/jdks";

    /** JDK {@code feature} if this run has it. */
    public static Optional<Jdk> of(int feature) {
        String given = System.getProperty("jdk" + feature + ".home", "");
        if (!given.isBlank()) {
            Path home = Paths.get(given);
            Prerequisites.require(Files.isExecutable(home.resolve("bin/java")),
                    "JDK " + feature + " at " + home + " (given as -Djdk" + feature + ".home)");
            return Optional.of(new StagedJdk(home, feature));
        }
        String directory = System.getenv().getOrDefault("CONTAINER_LIMITS_JDKS", DEFAULT_DIRECTORY);
        Path home = Paths.get(directory, "jdk" + feature, "usr/lib/jvm/java-" + feature + "-openjdk-amd64");
        return Files.isExecutable(home.resolve("bin/java")) ? Optional.of(new StagedJdk(home, feature))
                : Optional.empty();
    }

    @Override
    public String toString() {
        return "JDK" + feature;
    }
}
