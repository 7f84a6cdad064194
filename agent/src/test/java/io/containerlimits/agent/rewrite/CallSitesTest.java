package io.containerlimits.agent.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.containerlimits.agent.boot.AvailableProcessors;
import io.containerlimits.agent.boot.AvailableProcessorsTestAccess;
import io.containerlimits.agent.rewrite.samples.CallsAvailableProcessors;
import io.containerlimits.agent.rewrite.samples.ClassFiles;
import io.containerlimits.agent.rewrite.samples.DeclaresAvailableProcessors;
import io.containerlimits.agent.rewrite.samples.OperandLookalikes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CallSitesTest {

    private static final int HELPER_COUNT = 977;

    @AfterEach
    void forgetHelperCount() {
        AvailableProcessorsTestAccess.reset();
    }

    private static int[] callSites(byte[] classFile) {
        ConstantPool pool = ConstantPool.of(classFile);
        return CallSites.find(classFile, pool, RuntimeMethodref.indexesIn(pool));
    }

    @Test
    void findsEveryInvokevirtualOfTheMethodref() {
        byte[] classFile = ClassFiles.of(CallsAvailableProcessors.class);
        ConstantPool pool = ConstantPool.of(classFile);
        int[] methodrefs = RuntimeMethodref.indexesIn(pool);
        assertEquals(1, methodrefs.length, "javac writes the Methodref once");
        int[] sites = CallSites.find(classFile, pool, methodrefs);
        assertEquals(4, sites.length, "one in <clinit>, one in direct(), two in twice()");
        for (int site : sites) {
            assertEquals(Instructions.INVOKEVIRTUAL, classFile[site] & 0xff);
            assertEquals(methodrefs[0], ClassBytes.u2(classFile, site + 1));
        }
    }

    @Test
    void aClassThatOnlyDeclaresTheNameHasNoMethodref() {
        byte[] classFile = ClassFiles.of(DeclaresAvailableProcessors.class);
        assertEquals(0, RuntimeMethodref.indexesIn(ConstantPool.of(classFile)).length);
    }

    @Test
    void switchOperandsThatLookLikeACallAreNotOne() {
        byte[] classFile = OperandLookalikes.classFile();
        assertEquals(OperandLookalikes.METHODS, callSites(classFile).length, "the one real call of each method");
    }

    @Test
    void onlyTheRealCallsAreReplacedAtEveryAlignment() throws Exception {
        byte[] original = OperandLookalikes.classFile();
        Map<String, List<String>> expected = InstructionListing.rewritten(InstructionListing.of(original), false);
        byte[] rewritten = CallSiteRewriter.rewrite(original);

        assertEquals(OperandLookalikes.METHODS, InstructionListing.count(expected, InstructionListing.HELPER_CALL));
        assertEquals(expected, InstructionListing.of(rewritten), "switch keys, wide and padding as they were");
        AvailableProcessors.set(HELPER_COUNT);
        Class<?> type = ClassFiles.define(OperandLookalikes.NAME, rewritten);
        for (int pad = 0; pad < OperandLookalikes.METHODS; pad++) {
            assertEquals(HELPER_COUNT, type.getMethod("pad" + pad).invoke(null), "pad" + pad + " verifies and runs");
        }
    }

    @Test
    void controlTheUnrewrittenLookalikesAskTheJvm() throws Exception {
        AvailableProcessors.set(HELPER_COUNT);
        Class<?> type = ClassFiles.define(OperandLookalikes.NAME, OperandLookalikes.classFile());
        assertEquals(Runtime.getRuntime().availableProcessors(), type.getMethod("pad0").invoke(null));
    }
}
