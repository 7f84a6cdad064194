package io.containerlimits.agent.rewrite;

import java.util.Arrays;

/**
 * Rewrites {@code invokevirtual java/lang/Runtime.availableProcessors()I} into {@code invokestatic} of
 * {@link #HELPER_OWNER}{@code .availableProcessors(Ljava/lang/Runtime;)I}, and re-points method handles to
 * {@code Runtime.availableProcessors} (method references, {@code ldc MethodHandle}) to that same helper
 * ({@link MethodHandleConstants}).
 *
 * <p>A patch of the bytes, no class-file library: both instructions are three bytes long and have the same stack
 * effect (pop the {@code Runtime}, push an {@code int}), so the opcode and its index are overwritten in place; the
 * helper's constants are appended after the last constant of the pool ({@link HelperMethodref}), so no existing
 * index, offset, frame or {@code max_stack} changes, nothing is computed and no class is loaded. The rest of the file
 * is copied as it is (docs/design.md §5: ASM's first use cost four times this patch's on JDK 25's ForkJoinPool).
 *
 * <p>A class that cannot be read is left as it was ({@link MalformedClassFileException}; the caller catches and
 * counts), because a rewrite may never break the class it was offered. A cheap byte scan for the name
 * {@code availableProcessors} comes first: a class that calls the method must hold that Utf8 constant, so everything
 * else is skipped unparsed.
 */
public final class CallSiteRewriter {

    /** Internal name of the boot-visible class that rewritten call sites invoke. */
    public static final String HELPER_OWNER = "io/containerlimits/agent/boot/AvailableProcessors";

    /** Descriptor of the helper: takes the {@code Runtime} receiver that was on the stack. */
    public static final String HELPER_DESCRIPTOR = "(Ljava/lang/Runtime;)I";

    /**
     * The constant-pool entry every caller holds: {@code CONSTANT_Utf8} (tag 1), length 19 as a big-endian u2, then the
     * name. Searching for the whole entry rather than the bare name is as exact and lets the search skip further.
     */
    private static final byte[] NEEDLE = {1, 0, 19, 'a', 'v', 'a', 'i', 'l', 'a', 'b', 'l', 'e', 'P', 'r', 'o', 'c',
        'e', 's', 's', 'o', 'r', 's'};

    /**
     * Boyer-Moore-Horspool shifts: how far the window may move when its last byte is {@code b}. Every class loaded
     * after premain is scanned, so the scan is the agent's per-class cost: on Guava's 1,968 class files (6.4 MiB) it
     * took 3.7 ms cold against 9.6 ms for a byte-by-byte search.
     */
    private static final int[] SHIFT = new int[256];

    static {
        Arrays.fill(SHIFT, NEEDLE.length);
        for (int i = 0; i < NEEDLE.length - 1; i++) {
            SHIFT[NEEDLE[i] & 0xff] = NEEDLE.length - 1 - i;
        }
    }

    private CallSiteRewriter() {
        throw new UnsupportedOperationException();
    }

    /**
     * The pre-filter: true when the class file holds the {@code CONSTANT_Utf8} entry {@code availableProcessors}
     * anywhere. A class that calls the method must hold it; false positives (a class that only declares or names
     * such a method) are harmless, because the rewrite itself decides.
     */
    public static boolean mentionsAvailableProcessors(byte[] classFile) {
        int last = NEEDLE.length - 1;
        int end = classFile.length - NEEDLE.length;
        int at = 0;
        while (at <= end) {
            int i = last;
            while (classFile[at + i] == NEEDLE[i]) {
                if (i == 0) {
                    return true;
                }
                i--;
            }
            at += SHIFT[classFile[at + last] & 0xff];
        }
        return false;
    }

    /**
     * The rewritten class file, or {@code null} when it has no call site to rewrite (for tests; the transformer counts
     * with {@link #rewriteCounting}).
     *
     * @throws MalformedClassFileException when the class file cannot be read; callers leave such classes unchanged
     */
    public static byte[] rewrite(byte[] classFile) {
        Result result = rewriteCounting(classFile);
        return result == null ? null : result.classFile;
    }

    /**
     * Like {@link #rewrite(byte[])}, also saying how many call sites and method handles were replaced; {@code null}
     * for none, and when the constant pool has no room for the helper's constants.
     *
     * @throws MalformedClassFileException when the class file cannot be read; callers leave such classes unchanged
     */
    public static Result rewriteCounting(byte[] classFile) {
        if (!mentionsAvailableProcessors(classFile)) {
            return null;
        }
        ConstantPool pool = ConstantPool.of(classFile);
        int[] methodrefs = RuntimeMethodref.indexesIn(pool);
        if (methodrefs.length == 0) {
            return null; // the name is there, but no Methodref to Runtime's method
        }
        int[] callSites = CallSites.find(classFile, pool, methodrefs);
        int[] handles = MethodHandleConstants.find(pool, methodrefs);
        if (callSites.length == 0 && handles.length == 0) {
            return null;
        }
        HelperMethodref helper = HelperMethodref.appendTo(pool, RuntimeMethodref.nameIndex(pool, methodrefs[0]));
        if (helper == null) {
            return null; // no room in the pool: left as it is
        }
        int poolEnd = pool.end();
        int added = helper.constants.length;
        byte[] patched = new byte[classFile.length + added];
        System.arraycopy(classFile, 0, patched, 0, poolEnd);
        System.arraycopy(helper.constants, 0, patched, poolEnd, added);
        System.arraycopy(classFile, poolEnd, patched, poolEnd + added, classFile.length - poolEnd);
        ClassBytes.putU2(patched, ConstantPool.COUNT_OFFSET, helper.count);
        for (int handle : handles) {
            MethodHandleConstants.repoint(patched, handle, helper.index); // in the pool: before the appended bytes
        }
        for (int site : callSites) {
            int at = site + added; // in a method: after them
            patched[at] = (byte) Instructions.INVOKESTATIC;
            ClassBytes.putU2(patched, at + 1, helper.index);
        }
        return new Result(patched, callSites.length, handles.length);
    }

    /** A rewritten class file, how many call sites it had and how many method handles it re-pointed. */
    public static final class Result {
        private final byte[] classFile;
        private final int callSites;
        private final int methodHandles;

        Result(byte[] classFile, int callSites, int methodHandles) {
            this.classFile = classFile;
            this.callSites = callSites;
            this.methodHandles = methodHandles;
        }

        public byte[] classFile() {
            return classFile;
        }

        /** The {@code invokevirtual} instructions replaced. */
        public int callSites() {
            return callSites;
        }

        /**
         * The {@code CONSTANT_MethodHandle} entries re-pointed (method references and {@code ldc MethodHandle}); one
         * entry serves every use of the same handle in the class.
         */
        public int methodHandles() {
            return methodHandles;
        }
    }
}
