package io.containerlimits.agent.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containerlimits.agent.rewrite.samples.CallsAndReferences;
import io.containerlimits.agent.rewrite.samples.CallsAvailableProcessors;
import io.containerlimits.agent.rewrite.samples.ClassFiles;
import io.containerlimits.agent.rewrite.samples.LdcMethodHandle;
import io.containerlimits.agent.rewrite.samples.OperandLookalikes;
import io.containerlimits.agent.rewrite.samples.UsesMethodReference;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Damaged class files never make the rewrite throw anything but {@link MalformedClassFileException}, and what it
 * returns differs from its input only where it says: the pool count, the appended constants, three bytes per call site
 * and per method handle.
 *
 * <p>Inputs are the samples' real class files with one to four edits each (a byte set to a random or a boundary value,
 * a big-endian {@code u2} or {@code u4} set to a boundary, a cut, bytes inserted or removed), drawn from one seed in
 * the style of core's fuzz tests: {@code -Dfuzz.seed=N} explores others, {@code -Dfuzz.inputs=N} runs more. The edits
 * land anywhere; most inputs keep the {@code availableProcessors} constant, so the parser, not the pre-filter, is what
 * they reach.
 */
class RewriteFuzzTest {

    private static final long SEED = Long.decode(System.getProperty("fuzz.seed", "20250611"));
    private static final long INPUTS = Long.decode(System.getProperty("fuzz.inputs", "50000"));
    private static final int[] BOUNDARY_BYTES = {0x00, 0x01, 0x7F, 0x80, 0xB6, 0xC4, 0xAA, 0xAB, 0xFE, 0xFF};
    private static final int[] BOUNDARY_INTS = {0, 1, 2, 3, 0x7F, 0x80, 0xFF, 0x7FFF, 0x8000, 0xFFFF, 0x10000,
        Integer.MAX_VALUE, Integer.MIN_VALUE, -1};

    private static final List<byte[]> SEEDS = List.of(ClassFiles.of(CallsAvailableProcessors.class),
            ClassFiles.of(CallsAndReferences.class), ClassFiles.of(UsesMethodReference.class),
            LdcMethodHandle.classFile(), OperandLookalikes.classFile());

    @Test
    void damagedClassFilesAreRewrittenOnlyWhereSaidOrRejected() {
        System.out.printf("fuzz: seed %d (-Dfuzz.seed=N for other inputs)%n", SEED);
        SplittableRandom random = new SplittableRandom(SEED);
        int rewritten = 0;
        int rejected = 0;
        for (long n = 0; n < INPUTS; n++) {
            byte[] input = damaged(SEEDS.get(random.nextInt(SEEDS.size())), random);
            try {
                CallSiteRewriter.Result result = CallSiteRewriter.rewriteCounting(input);
                if (result != null) {
                    rewritten++;
                    checkOnlySaidBytesChanged(input, result);
                }
            } catch (MalformedClassFileException expected) {
                rejected++;
            } catch (Throwable t) {
                throw new AssertionError("input " + n + " (seed " + SEED + "): " + t + "\n"
                        + HexFormat.of().formatHex(input), t);
            }
        }
        System.out.printf("fuzz: %d inputs, %d rewritten, %d rejected as malformed%n", INPUTS, rewritten, rejected);
        assertTrue(rewritten > INPUTS / 20 && rejected > INPUTS / 20,
                "both outcomes are reached often, or the inputs test little: " + rewritten + ", " + rejected);
    }

    /** The input and the result agree except at the count, the appended bytes and three bytes per site and handle. */
    private static void checkOnlySaidBytesChanged(byte[] input, CallSiteRewriter.Result result) {
        byte[] output = result.classFile();
        int poolEnd = ConstantPool.of(input).end();
        int added = output.length - input.length;
        assertTrue(added > 0, "constants appended");
        assertEquals(ConstantPool.of(output).end(), poolEnd + added, "appended right after the last constant");
        byte[] withoutAppended = new byte[input.length];
        System.arraycopy(output, 0, withoutAppended, 0, poolEnd);
        System.arraycopy(output, poolEnd + added, withoutAppended, poolEnd, input.length - poolEnd);
        int differing = 0;
        for (int i = 0; i < input.length; i++) {
            if (input[i] != withoutAppended[i]) {
                differing++;
            }
        }
        assertTrue(differing <= 2 + 3 * (result.callSites() + result.methodHandles()),
                differing + " bytes changed for " + result.callSites() + " sites, " + result.methodHandles()
                        + " handles");
    }

    private static byte[] damaged(byte[] seed, SplittableRandom random) {
        byte[] bytes = seed.clone();
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && bytes.length > 0; e++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(6)) {
                case 0 -> bytes[at] = (byte) random.nextInt(256);
                case 1 -> bytes[at] = (byte) BOUNDARY_BYTES[random.nextInt(BOUNDARY_BYTES.length)];
                case 2 -> putBoundary(bytes, at, 2, random);
                case 3 -> putBoundary(bytes, at, 4, random);
                case 4 -> bytes = Arrays.copyOf(bytes, at);
                default -> bytes = insertOrRemove(bytes, at, random);
            }
        }
        return bytes;
    }

    private static void putBoundary(byte[] bytes, int at, int width, SplittableRandom random) {
        int value = BOUNDARY_INTS[random.nextInt(BOUNDARY_INTS.length)];
        for (int i = 0; i < width && at + i < bytes.length; i++) {
            bytes[at + i] = (byte) (value >>> 8 * (width - 1 - i));
        }
    }

    private static byte[] insertOrRemove(byte[] bytes, int at, SplittableRandom random) {
        int length = 1 + random.nextInt(4);
        if (random.nextBoolean()) {
            int removed = Math.min(length, bytes.length - at);
            byte[] out = new byte[bytes.length - removed];
            System.arraycopy(bytes, 0, out, 0, at);
            System.arraycopy(bytes, at + removed, out, at, bytes.length - at - removed);
            return out;
        }
        byte[] out = new byte[bytes.length + length];
        System.arraycopy(bytes, 0, out, 0, at);
        for (int i = 0; i < length; i++) {
            out[at + i] = (byte) random.nextInt(256);
        }
        System.arraycopy(bytes, at, out, at + length, bytes.length - at);
        return out;
    }
}
