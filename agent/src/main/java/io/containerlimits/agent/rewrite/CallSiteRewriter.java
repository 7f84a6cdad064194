package io.containerlimits.agent.rewrite;

import java.util.Arrays;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Rewrites {@code invokevirtual java/lang/Runtime.availableProcessors()I} into {@code invokestatic} of
 * {@link #HELPER_OWNER}{@code .availableProcessors(Ljava/lang/Runtime;)I}, and re-points method handles to
 * {@code Runtime.availableProcessors} (method references, {@code ldc MethodHandle}) to that same helper
 * ({@link MethodHandleConstants}).
 *
 * <p>Both instructions are three bytes long and have the same stack effect (pop the {@code Runtime}, push an
 * {@code int}), so no frame, offset or {@code max_stack} changes: the class is copied with
 * {@code ClassWriter(reader, 0)}, nothing is computed, no class is loaded.
 *
 * <p>Relaxed, never strict: a class that cannot be parsed is left as it was (the caller catches and counts), because
 * a rewrite may never break the class it was offered. A cheap byte scan for the name {@code availableProcessors}
 * comes first: a class that calls the method must hold that Utf8 constant, so everything else is skipped unparsed.
 */
public final class CallSiteRewriter {

    /** Internal name of the boot-visible class that rewritten call sites invoke. */
    public static final String HELPER_OWNER = "io/containerlimits/agent/boot/AvailableProcessors";

    /** Descriptor of the helper: takes the {@code Runtime} receiver that was on the stack. */
    public static final String HELPER_DESCRIPTOR = "(Ljava/lang/Runtime;)I";

    private static final String METHOD = "availableProcessors";

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
     * @throws RuntimeException from ASM when the class file is malformed; callers leave such classes unchanged
     */
    public static byte[] rewrite(byte[] classFile) {
        Result result = rewriteCounting(classFile);
        return result == null ? null : result.classFile;
    }

    /**
     * Like {@link #rewrite(byte[])}, also saying how many call sites and method handles were replaced; {@code null}
     * for none.
     */
    public static Result rewriteCounting(byte[] classFile) {
        if (!mentionsAvailableProcessors(classFile)) {
            return null;
        }
        ClassReader reader = new ClassReader(classFile);
        int[] methodrefs = RuntimeMethodref.indexesIn(reader);
        if (methodrefs.length == 0) {
            return null; // the name is there, but no Methodref to Runtime's method
        }
        // Handles first: the patch only appends constants, so the Methodref indexes stay valid for the call sites.
        MethodHandleConstants.Patched handles = MethodHandleConstants.redirect(reader, classFile, methodrefs);
        byte[] current = classFile;
        if (handles != null) {
            current = handles.classFile;
            reader = new ClassReader(current);
        }
        int handleCount = handles == null ? 0 : handles.handles;
        boolean[] methodsToVisit = CallSiteMethods.of(reader, current, methodrefs);
        if (!any(methodsToVisit)) {
            return handleCount == 0 ? null : new Result(current, 0, handleCount);
        }
        // Given the reader, the writer starts from its constant pool and copies every method nobody visits verbatim.
        ClassWriter writer = new ClassWriter(reader, 0);
        Substitution substitution = new Substitution(writer, methodsToVisit);
        reader.accept(substitution, 0);
        if (substitution.replaced == 0) {
            return handleCount == 0 ? null : new Result(current, 0, handleCount);
        }
        return new Result(writer.toByteArray(), substitution.replaced, handleCount);
    }

    private static boolean any(boolean[] flags) {
        for (boolean flag : flags) {
            if (flag) {
                return true;
            }
        }
        return false;
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

    /**
     * Swaps the one instruction in the methods that may hold it; counts what it swapped. The other methods get the
     * writer's own visitor, which ASM takes as leave to copy their bytes as they are.
     */
    private static final class Substitution extends ClassVisitor {
        private final boolean[] methodsToVisit;
        private int method;
        int replaced;

        Substitution(ClassVisitor next, boolean[] methodsToVisit) {
            super(Opcodes.ASM9, next);
            this.methodsToVisit = methodsToVisit;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
            MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
            boolean visit = method < methodsToVisit.length && methodsToVisit[method];
            method++;
            return next == null || !visit ? next : new MethodVisitor(Opcodes.ASM9, next) {
                @Override
                public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
                    if (opcode == Opcodes.INVOKEVIRTUAL && "java/lang/Runtime".equals(owner)
                            && METHOD.equals(method) && "()I".equals(desc)) {
                        replaced++;
                        super.visitMethodInsn(Opcodes.INVOKESTATIC, HELPER_OWNER, METHOD, HELPER_DESCRIPTOR, false);
                    } else {
                        super.visitMethodInsn(opcode, owner, method, desc, itf);
                    }
                }
            };
        }
    }
}
