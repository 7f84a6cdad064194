package io.containerlimits.it.support;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Gates for tests that need root, a cgroup v1 hierarchy or a Docker engine.
 *
 * <p>Outside CI a missing prerequisite skips the test with its reason. Under {@code CI=true} it fails the test
 * instead: a prerequisite that CI lacks is a broken CI, never a silent pass.
 */
public final class Prerequisites {

    private Prerequisites() {
    }

    /** True when running in CI ({@code CI=true}). */
    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Skips (locally) or fails (in CI) unless {@code condition} holds. */
    public static void require(boolean condition, String whatIsMissing) {
        if (!condition && inCi()) {
            fail("prerequisite missing under CI=true: " + whatIsMissing);
        }
        assumeTrue(condition, "prerequisite missing: " + whatIsMissing);
    }
}
