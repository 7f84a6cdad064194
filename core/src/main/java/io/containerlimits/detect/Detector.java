package io.containerlimits.detect;

import java.nio.file.Path;
import java.util.ArrayList;

/**
 * Reads the cgroup CPU and memory limits of this process under one root directory (DESIGN §3).
 *
 * <p>TODO(core): the real algorithm. This placeholder reports everything unknown.
 */
public final class Detector {

    private Detector() {
        throw new UnsupportedOperationException();
    }

    /**
     * Detects under {@code root} ({@code /} on a real machine, a fixture tree in tests). Never throws.
     */
    public static Detection detect(Path root) {
        return Detection.unknown("not implemented under " + root + new ArrayList<String>());
    }
}
