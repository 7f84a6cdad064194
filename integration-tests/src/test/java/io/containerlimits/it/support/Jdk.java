package io.containerlimits.it.support;

import java.nio.file.Path;

/** A JDK the tests fork JVMs of: one of {@link TestJdks}, or a staged one from {@link StagedJdk}. */
public interface Jdk {

    /** The JDK's home directory. */
    Path home();

    /** {@code <home>/bin/java}. */
    default Path java() {
        return home().resolve("bin").resolve("java");
    }

    /** The feature release: 17, 21, 25. */
    int feature();
}
