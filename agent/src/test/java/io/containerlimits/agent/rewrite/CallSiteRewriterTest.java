package io.containerlimits.agent.rewrite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containerlimits.agent.boot.AvailableProcessors;
import io.containerlimits.agent.boot.AvailableProcessorsTestAccess;
import io.containerlimits.agent.rewrite.samples.CallsAndReferences;
import io.containerlimits.agent.rewrite.samples.CallsAvailableProcessors;
import io.containerlimits.agent.rewrite.samples.ClassFiles;
import io.containerlimits.agent.rewrite.samples.DeclaresAvailableProcessors;
import io.containerlimits.agent.rewrite.samples.LdcMethodHandle;
import io.containerlimits.agent.rewrite.samples.SerializableReference;
import io.containerlimits.agent.rewrite.samples.Unrelated;
import io.containerlimits.agent.rewrite.samples.UsesMethodReference;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CallSiteRewriterTest {

    private static final int HELPER_COUNT = 977;

    @AfterEach
    void forgetHelperCount() {
        AvailableProcessorsTestAccess.reset();
    }

    @Test
    void countsEveryCallSiteIncludingTheStaticInitialiser() {
        CallSiteRewriter.Result result =
                CallSiteRewriter.rewriteCounting(ClassFiles.of(CallsAvailableProcessors.class));
        assertNotNull(result, "a class with call sites is rewritten");
        assertEquals(4, result.callSites(), "one in <clinit>, one in direct(), two in twice()");
    }

    @Test
    void rewrittenClassLoadsAndReturnsTheHelpersCount() throws Exception {
        AvailableProcessors.set(HELPER_COUNT);
        byte[] rewritten = CallSiteRewriter.rewrite(ClassFiles.of(CallsAvailableProcessors.class));
        Class<?> type = ClassFiles.define(CallsAvailableProcessors.class.getName(), rewritten);

        assertEquals(HELPER_COUNT, type.getMethod("direct").invoke(null), "static method");
        assertEquals(HELPER_COUNT, type.getMethod("atInit").invoke(null), "static initialiser");
        Object instance = type.getConstructor().newInstance();
        assertEquals(2 * HELPER_COUNT, type.getMethod("twice").invoke(instance), "instance method, two sites");
    }

    @Test
    void controlTheUnrewrittenClassAsksTheJvm() {
        AvailableProcessors.set(HELPER_COUNT);
        assertEquals(Runtime.getRuntime().availableProcessors(), CallsAvailableProcessors.direct(),
                "without the rewrite the helper's count is not seen: the test above can fail");
    }

    @Test
    void rewriteSwapsEachCallForTheHelperAndLeavesEveryOtherInstructionAsItWas() {
        byte[] original = ClassFiles.of(CallsAvailableProcessors.class);
        Map<String, List<String>> expected = InstructionListing.rewritten(InstructionListing.of(original), false);

        Map<String, List<String>> rewritten = InstructionListing.of(CallSiteRewriter.rewrite(original));

        assertEquals(4, InstructionListing.count(expected, InstructionListing.HELPER_CALL),
                "the listing sees the four call sites, or the comparison proves nothing");
        assertEquals(expected, rewritten, "the same methods and instructions, each call site now the helper's");
    }

    @Test
    void boundAndUnboundMethodReferencesReturnTheHelpersCount() throws Exception {
        AvailableProcessors.set(HELPER_COUNT);
        byte[] classFile = ClassFiles.of(UsesMethodReference.class);
        CallSiteRewriter.Result result = CallSiteRewriter.rewriteCounting(classFile);

        assertNotNull(result, "a class whose only way to the count is a method reference is rewritten");
        assertEquals(0, result.callSites(), "no invokevirtual in it");
        assertEquals(1, result.methodHandles(), "javac writes one handle constant for both references");
        Class<?> type = ClassFiles.define(UsesMethodReference.class.getName(), result.classFile());
        assertEquals(HELPER_COUNT, type.getMethod("bound").invoke(null), "Runtime.getRuntime()::availableProcessors");
        assertEquals(HELPER_COUNT, type.getMethod("unbound").invoke(null), "Runtime::availableProcessors");
    }

    @Test
    void controlUnrewrittenMethodReferencesAskTheJvm() {
        AvailableProcessors.set(HELPER_COUNT);
        int jvm = Runtime.getRuntime().availableProcessors();
        assertEquals(jvm, UsesMethodReference.bound(), "the hidden class calls Runtime itself without the rewrite");
        assertEquals(jvm, UsesMethodReference.unbound());
    }

    @Test
    void callSitesAndMethodReferencesInOneClassAreBothRewritten() throws Exception {
        AvailableProcessors.set(HELPER_COUNT);
        CallSiteRewriter.Result result = CallSiteRewriter.rewriteCounting(ClassFiles.of(CallsAndReferences.class));

        assertEquals(1, result.callSites());
        assertEquals(1, result.methodHandles());
        Class<?> type = ClassFiles.define(CallsAndReferences.class.getName(), result.classFile());
        assertEquals(HELPER_COUNT, type.getMethod("direct").invoke(null));
        assertEquals(HELPER_COUNT, type.getMethod("viaReference").invoke(null));
        assertEquals(1, occurrences(result.classFile(), CallSiteRewriter.HELPER_OWNER),
                "the call site and the handle share one set of appended helper constants");
    }

    @Test
    void ldcMethodHandleIsRepointedAndKeepsItsType() throws Exception {
        AvailableProcessors.set(HELPER_COUNT);
        CallSiteRewriter.Result result = CallSiteRewriter.rewriteCounting(LdcMethodHandle.classFile());

        assertNotNull(result);
        assertEquals(1, result.methodHandles());
        Class<?> type = ClassFiles.define(LdcMethodHandle.NAME, result.classFile());
        assertEquals(HELPER_COUNT, type.getMethod("count").invoke(null), "invokeExact(Runtime)int still links");
        MethodHandle handle = (MethodHandle) type.getMethod("handle").invoke(null);
        assertEquals(MethodType.methodType(int.class, Runtime.class), handle.type());
    }

    @Test
    void controlTheUnrewrittenLdcMethodHandleAsksTheJvm() throws Exception {
        AvailableProcessors.set(HELPER_COUNT);
        Class<?> type = ClassFiles.define(LdcMethodHandle.NAME, LdcMethodHandle.classFile());
        assertEquals(Runtime.getRuntime().availableProcessors(), type.getMethod("count").invoke(null));
    }

    @Test
    void aClassWithSerializableLambdasKeepsItsHandles() throws Exception {
        byte[] classFile = ClassFiles.of(SerializableReference.class);
        assertTrue(CallSiteRewriter.mentionsAvailableProcessors(classFile));
        assertNull(CallSiteRewriter.rewriteCounting(classFile),
                "$deserializeLambda$ checks the implementation kind and class: re-pointing would break it");
    }

    @Test
    void thePatchOnlyAppendsConstantsAndReusesTheTextsThePoolHas() {
        byte[] original = ClassFiles.of(UsesMethodReference.class);
        byte[] rewritten = CallSiteRewriter.rewrite(original);
        int count = (original[8] & 0xff) << 8 | (original[9] & 0xff);
        assertEquals(1, occurrences(original, CallSiteRewriter.HELPER_DESCRIPTOR),
                "the unbound reference's method type (Runtime)int is already in the pool");
        assertEquals(count + 4, (rewritten[8] & 0xff) << 8 | (rewritten[9] & 0xff),
                "owner, Class, NameAndType, Methodref appended; the descriptor reused");
        assertEquals(1, occurrences(rewritten, CallSiteRewriter.HELPER_DESCRIPTOR), "held once");
        int added = rewritten.length - original.length;
        assertArrayEquals(Arrays.copyOfRange(original, original.length - 100, original.length),
                Arrays.copyOfRange(rewritten, rewritten.length - 100, rewritten.length),
                "the rest is copied as it was");
        assertEquals(3 + CallSiteRewriter.HELPER_OWNER.length() + 3 + 5 + 5, added, "only the four constants");
    }

    @Test
    void aClassWithoutTheTextsGetsAllFiveConstants() {
        byte[] original = ClassFiles.of(CallsAvailableProcessors.class);
        byte[] rewritten = CallSiteRewriter.rewrite(original);
        int count = (original[8] & 0xff) << 8 | (original[9] & 0xff);
        assertEquals(count + 5, (rewritten[8] & 0xff) << 8 | (rewritten[9] & 0xff));
        assertEquals(3 + CallSiteRewriter.HELPER_OWNER.length() + 3 + 3 + CallSiteRewriter.HELPER_DESCRIPTOR.length()
                + 5 + 5, rewritten.length - original.length, "the constants and nothing else: instructions in place");
    }

    private static int occurrences(byte[] haystack, String text) {
        String all = new String(haystack, StandardCharsets.ISO_8859_1);
        int found = 0;
        for (int at = all.indexOf(text); at >= 0; at = all.indexOf(text, at + 1)) {
            found++;
        }
        return found;
    }

    @Test
    void preFilterFalsePositiveIsLeftUnchanged() {
        byte[] classFile = ClassFiles.of(DeclaresAvailableProcessors.class);
        assertTrue(CallSiteRewriter.mentionsAvailableProcessors(classFile));
        assertNull(CallSiteRewriter.rewrite(classFile), "declaring a method of that name is not calling Runtime's");
    }

    @Test
    void preFilterSkipsClassesWithoutTheName() {
        assertFalse(CallSiteRewriter.mentionsAvailableProcessors(ClassFiles.of(Unrelated.class)));
        assertNull(CallSiteRewriter.rewriteCounting(ClassFiles.of(Unrelated.class)));
    }

    @Test
    void preFilterFindsTheConstantAtEitherEndAndNotAPrefixOrABareName() {
        byte[] bare = "availableProcessors".getBytes(StandardCharsets.US_ASCII);
        assertFalse(CallSiteRewriter.mentionsAvailableProcessors(bare), "not a CONSTANT_Utf8 entry: no tag, no length");
        byte[] longer = ("\u0001\u0000\u0014availableProcessorsX").getBytes(StandardCharsets.ISO_8859_1);
        assertFalse(CallSiteRewriter.mentionsAvailableProcessors(longer), "another constant that starts with the name");
        byte[] name = ("\u0001\u0000\u0013availableProcessors").getBytes(StandardCharsets.ISO_8859_1);
        assertTrue(CallSiteRewriter.mentionsAvailableProcessors(name), "the whole array");
        byte[] atEnd = Arrays.copyOf(new byte[] {1, 2, 3}, 3 + name.length);
        System.arraycopy(name, 0, atEnd, 3, name.length);
        assertTrue(CallSiteRewriter.mentionsAvailableProcessors(atEnd), "at the very end");
        assertFalse(CallSiteRewriter.mentionsAvailableProcessors(Arrays.copyOf(name, name.length - 1)),
                "one byte short");
        assertFalse(CallSiteRewriter.mentionsAvailableProcessors(new byte[0]));
    }

    @Test
    void malformedClassFileThrowsForTheCallerToCatch() {
        byte[] garbage = "\u00ca\u00fe\u00ba\u00be garbage \u0001\u0000\u0013availableProcessors"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThrows(MalformedClassFileException.class, () -> CallSiteRewriter.rewrite(garbage));
    }
}
