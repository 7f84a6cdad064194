package io.containerlimits.agent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containerlimits.jvmoptions.UserJvmOptions;
import org.junit.jupiter.api.Test;

class AotCacheOptionsTest {

    private static UserJvmOptions options(String... tokens) {
        return UserJvmOptions.ofJavaToolOptions(String.join(" ", tokens));
    }

    @Test
    void theOneStepAndTheRecordStepTrain() {
        assertTrue(AotCacheOptions.training(options("-Xmx1g", "-XX:AOTCacheOutput=app.aot")));
        assertTrue(AotCacheOptions.training(options("-XX:AOTMode=record", "-XX:AOTConfiguration=app.aotconf")));
    }

    @Test
    void theCreateStepAndAPlainRunDoNotTrain() {
        assertFalse(AotCacheOptions.training(options("-XX:AOTMode=create", "-XX:AOTCache=app.aot")));
        assertFalse(AotCacheOptions.training(options("-XX:AOTCache=app.aot")));
        assertFalse(AotCacheOptions.training(options()));
        assertFalse(AotCacheOptions.training(options("-XX:AOTCacheOutput=")), "an empty value names no file");
        assertFalse(AotCacheOptions.training(options("-XX:AOTMode=record", "-XX:AOTMode=off")), "the last one counts");
    }

    @Test
    void aCacheIsNamedByEitherSpelling() {
        assertTrue(AotCacheOptions.usesCache(options("-XX:AOTCache=app.aot")));
        assertTrue(AotCacheOptions.usesCache(options("-XX:SharedArchiveFile=app.aot")));
        assertTrue(AotCacheOptions.usesCache(options("-XX:AOTMode=on", "-XX:AOTCache=app.aot")));
    }

    @Test
    void noCacheWhenNoneIsNamedOrTheModeIsOff() {
        assertFalse(AotCacheOptions.usesCache(options("-Xshare:auto")));
        assertFalse(AotCacheOptions.usesCache(options("-XX:AOTCache=app.aot", "-XX:AOTMode=off")));
        assertFalse(AotCacheOptions.usesCache(options("-XX:AOTCacheOutput=app.aot")), "training names its output");
    }
}
