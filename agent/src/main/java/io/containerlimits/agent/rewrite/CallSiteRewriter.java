package io.containerlimits.agent.rewrite;

import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Rewrites {@code invokevirtual java/lang/Runtime.availableProcessors()I} into {@code invokestatic} of
 * {@link #HELPER_OWNER}{@code .availableProcessors(Ljava/lang/Runtime;)I}.
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
    private static final byte[] NEEDLE = {'a', 'v', 'a', 'i', 'l', 'a', 'b', 'l', 'e', 'P', 'r', 'o', 'c', 'e', 's',
        's', 'o', 'r', 's'};

    private CallSiteRewriter() {
        throw new UnsupportedOperationException();
    }

    /**
     * The pre-filter: true when the class file holds the bytes {@code availableProcessors} anywhere. False positives
     * (a class that only declares such a method) are harmless; there are no false negatives.
     */
    public static boolean mentionsAvailableProcessors(byte[] classFile) {
        byte first = NEEDLE[0];
        int last = classFile.length - NEEDLE.length;
        outer:
        for (int i = 0; i <= last; i++) {
            if (classFile[i] != first) {
                continue;
            }
            for (int j = 1; j < NEEDLE.length; j++) {
                if (classFile[i + j] != NEEDLE[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * The rewritten class file, or {@code null} when it has no call site to rewrite.
     *
     * @throws RuntimeException from ASM when the class file is malformed; callers leave such classes unchanged
     */
    public static byte[] rewrite(byte[] classFile) {
        Result result = rewriteCounting(classFile);
        return result == null ? null : result.classFile;
    }

    /** Like {@link #rewrite(byte[])}, also saying how many call sites were replaced; {@code null} for none. */
    public static Result rewriteCounting(byte[] classFile) {
        if (!mentionsAvailableProcessors(classFile)) {
            return null;
        }
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        Substitution substitution = new Substitution(writer);
        reader.accept(substitution, 0);
        return substitution.replaced == 0 ? null : new Result(writer.toByteArray(), substitution.replaced);
    }

    /** A rewritten class file and how many call sites it had. */
    public static final class Result {
        private final byte[] classFile;
        private final int callSites;

        Result(byte[] classFile, int callSites) {
            this.classFile = classFile;
            this.callSites = callSites;
        }

        public byte[] classFile() {
            return classFile;
        }

        public int callSites() {
            return callSites;
        }
    }

    /** Swaps the one instruction in every method; counts what it swapped. */
    private static final class Substitution extends ClassVisitor {
        int replaced;

        Substitution(ClassVisitor next) {
            super(Opcodes.ASM9, next);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
            MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
            return next == null ? null : new MethodVisitor(Opcodes.ASM9, next) {
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
