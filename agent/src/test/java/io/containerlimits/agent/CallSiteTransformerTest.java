package io.containerlimits.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containerlimits.LogLevel;
import io.containerlimits.agent.rewrite.samples.CallsAvailableProcessors;
import io.containerlimits.agent.rewrite.samples.ClassFiles;
import io.containerlimits.agent.rewrite.samples.Unrelated;
import io.containerlimits.agent.rewrite.samples.UsesMethodReference;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CallSiteTransformerTest {

    private static final ClassLoader APP = CallSiteTransformerTest.class.getClassLoader();
    private static final String SAMPLE = "io/containerlimits/agent/rewrite/samples/CallsAvailableProcessors";

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final CallSiteTransformer transformer =
            new CallSiteTransformer(new Log(LogLevel.DEBUG, new PrintStream(err, true, StandardCharsets.UTF_8)));

    @Test
    void rewritesAndCountsAClassOfTheApplication() {
        byte[] result = transformer.transform(APP, SAMPLE, null, null, ClassFiles.of(CallsAvailableProcessors.class));
        assertNotNull(result);
        assertEquals(1, transformer.classesRewritten());
        assertEquals(4, transformer.callSitesRewritten());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("rewrote 4 call site(s) in " + SAMPLE));
    }

    @Test
    void rewritesAndCountsAMethodReference() {
        byte[] result = transformer.transform(APP, "x/UsesMethodReference", null, null,
                ClassFiles.of(UsesMethodReference.class));
        assertNotNull(result);
        assertEquals(1, transformer.classesRewritten());
        assertEquals(0, transformer.callSitesRewritten());
        assertEquals(1, transformer.methodHandlesRewritten());
        assertTrue(err.toString(StandardCharsets.UTF_8)
                .contains("rewrote 0 call site(s) and 1 method handle(s) in x/UsesMethodReference"));
    }

    @Test
    void skipsTheAgentsOwnBootClasses() {
        // The same bytes under the agent's name in the boot loader: the helper must never call itself.
        assertNull(transformer.transform(null, SAMPLE, null, null, ClassFiles.of(CallsAvailableProcessors.class)));
        assertEquals(0, transformer.classesRewritten());
        assertTrue(CallSiteTransformer.isOwn(null, "io/containerlimits/agent/boot/AvailableProcessors"));
        assertTrue(CallSiteTransformer.isOwn(null, "io/containerlimits/detect/Detector"));
        assertFalse(CallSiteTransformer.isOwn(APP, "io/containerlimits/it/probe/Probe"), "application code");
        assertFalse(CallSiteTransformer.isOwn(null, "java/util/concurrent/ForkJoinPool"));
    }

    @Test
    void rewritesJdkClassesOfTheBootLoader() {
        assertNotNull(transformer.transform(null, "java/util/concurrent/Fake", null, null,
                ClassFiles.of(CallsAvailableProcessors.class)));
    }

    @Test
    void classWithoutTheNameIsNotParsed() {
        assertNull(transformer.transform(APP, "x/Unrelated", null, null, ClassFiles.of(Unrelated.class)));
        assertEquals(0, transformer.classesFailed());
    }

    @Test
    void brokenClassIsLoadedUnchangedAndCounted() {
        byte[] broken = "\u00ca\u00fe\u00ba\u00be\0\0\0\u0034 \u0001\0\u0013availableProcessors"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertNull(transformer.transform(APP, "x/Broken", null, null, broken), "never throws");
        assertNull(transformer.transform(APP, "x/Null", null, null, null));
        assertEquals(1, transformer.classesFailed());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("left x/Broken unchanged"));
    }
}
