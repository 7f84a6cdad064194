package io.containerlimits.agent;

import io.containerlimits.jvmoptions.UserJvmOptions;

/**
 * What the JVM options say about the AOT cache of JDK 24 and later (JEP 483, 514, 515): whether this run trains one
 * and whether it runs from one. The cache loads its classes before premain, where no transformer sees them, so the
 * rewrite has to know (docs/agent-notes.md §1.8).
 */
final class AotCacheOptions {

    /** The first feature release with the AOT cache (JEP 483). */
    static final int FIRST_FEATURE = 24;

    static final String AOT_CACHE_OUTPUT = "-XX:AOTCacheOutput=";
    static final String AOT_MODE = "-XX:AOTMode=";
    static final String AOT_CACHE = "-XX:AOTCache=";
    /** Also names an AOT cache on 24+ (the older spelling of {@code -XX:AOTCache}). */
    static final String SHARED_ARCHIVE_FILE = "-XX:SharedArchiveFile=";

    /** What a run does with an AOT cache: {@link #role} answers one of these. */
    static final int NONE = 0;
    static final int TRAINING = 1;
    static final int CACHE = 2;

    private AotCacheOptions() {
        throw new UnsupportedOperationException();
    }

    /** {@link #TRAINING}, {@link #CACHE} or {@link #NONE}. */
    static int role(UserJvmOptions options) {
        return training(options) ? TRAINING : usesCache(options) ? CACHE : NONE;
    }

    /**
     * True for a training run: {@code -XX:AOTCacheOutput=<file>} (the one-step workflow, whose training run records)
     * or {@code -XX:AOTMode=record}. The create step never runs the agent.
     */
    static boolean training(UserJvmOptions options) {
        String output = options.lastValue(AOT_CACHE_OUTPUT);
        return output != null && !output.isEmpty() || "record".equals(options.lastValue(AOT_MODE));
    }

    /** True when the run names a cache to load ({@code -XX:AOTCache} or {@code -XX:SharedArchiveFile}), unless off. */
    static boolean usesCache(UserJvmOptions options) {
        String cache = options.lastValue(AOT_CACHE);
        if (cache == null) {
            cache = options.lastValue(SHARED_ARCHIVE_FILE);
        }
        return cache != null && !cache.isEmpty() && !"off".equals(options.lastValue(AOT_MODE));
    }
}
