package io.containerlimits.it.rewrite;

import io.containerlimits.agent.rewrite.CallSiteRewriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What the harness does to each class file: the agent's rewrite, or one of two deliberately broken copies of it that
 * exist only to prove the harness reports a class the verifier rejects (docs/design.md §7, negative control).
 *
 * <p>The broken variants run the real rewrite, then overwrite the helper's descriptor in the constant pool with
 * another of the same length, so offsets, frames and {@code max_stack} stay exactly as the agent wrote them and the
 * only fault is the one named.
 */
enum RewriteVariant {

    /** The agent's {@link CallSiteRewriter}, unchanged: the variant whose safety the test proves. */
    AGENT {
        @Override
        Optional<Rewritten> apply(byte[] classFile) {
            CallSiteRewriter.Result result = CallSiteRewriter.rewriteCounting(classFile);
            return result == null
                    ? Optional.empty()
                    : Optional.of(new Rewritten(result.classFile(), result.callSites(), result.methodHandles()));
        }
    },

    /**
     * The helper called with a parameter type the receiver is not: the {@code Runtime} is passed as an
     * {@code Integer}.
     */
    WRONG_DESCRIPTOR {
        @Override
        Optional<Rewritten> apply(byte[] classFile) {
            return AGENT.apply(classFile).map(rewritten -> rewritten.withHelperDescriptor("(Ljava/lang/Integer;)I"));
        }
    },

    /** A helper that pops the {@code Runtime} and pushes nothing, so the {@code int} the caller uses is missing. */
    STACK_EFFECT {
        @Override
        Optional<Rewritten> apply(byte[] classFile) {
            return AGENT.apply(classFile).map(rewritten -> rewritten.withHelperDescriptor("(Ljava/lang/Runtime;)V"));
        }
    };

    /** The rewritten class file, or empty when the class has no call site. */
    abstract Optional<Rewritten> apply(byte[] classFile);

    /** A rewritten class file and how many call sites and method handles the rewrite replaced in it. */
    static final class Rewritten {
        private final byte[] classFile;
        private final int callSites;
        private final int methodHandles;

        Rewritten(byte[] classFile, int callSites, int methodHandles) {
            this.classFile = classFile;
            this.callSites = callSites;
            this.methodHandles = methodHandles;
        }

        byte[] classFile() {
            return classFile;
        }

        int callSites() {
            return callSites;
        }

        int methodHandles() {
            return methodHandles;
        }

        /** The {@code CONSTANT_Utf8} entry of the helper descriptor: tag 1, then a two-byte length, then the text. */
        private static byte[] utf8Entry(String text) {
            byte[] chars = text.getBytes(StandardCharsets.UTF_8);
            byte[] entry = new byte[3 + chars.length];
            entry[0] = 1;
            entry[1] = (byte) (chars.length >>> 8);
            entry[2] = (byte) chars.length;
            System.arraycopy(chars, 0, entry, 3, chars.length);
            return entry;
        }

        /** A copy whose one helper descriptor entry reads {@code descriptor} (same length) instead. */
        Rewritten withHelperDescriptor(String descriptor) {
            byte[] from = utf8Entry(CallSiteRewriter.HELPER_DESCRIPTOR);
            byte[] to = utf8Entry(descriptor);
            if (from.length != to.length) {
                throw new IllegalArgumentException("same length needed: " + descriptor);
            }
            int at = indexOf(classFile, from, 0);
            if (at < 0 || indexOf(classFile, from, at + 1) >= 0) {
                throw new IllegalStateException(
                        "expected exactly one " + CallSiteRewriter.HELPER_DESCRIPTOR + " entry");
            }
            byte[] patched = classFile.clone();
            System.arraycopy(to, 0, patched, at, to.length);
            return new Rewritten(patched, callSites, methodHandles);
        }

        private static int indexOf(byte[] haystack, byte[] needle, int from) {
            for (int i = from; i <= haystack.length - needle.length; i++) {
                if (startsAt(haystack, i, needle)) {
                    return i;
                }
            }
            return -1;
        }

        private static boolean startsAt(byte[] haystack, int at, byte[] needle) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[at + j] != needle[j]) {
                    return false;
                }
            }
            return true;
        }
    }
}
