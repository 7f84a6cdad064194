package io.containerlimits.agent.rewrite.samples;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * A class javac would not write, generated with ASM: the bytes of a call site, {@code 0xB6} and the index of the
 * {@code Methodref java/lang/Runtime.availableProcessors:()I}, inside the operands of a {@code lookupswitch} and a
 * {@code tableswitch}, at each of the four alignments a switch's padding can take, with a {@code wide istore} and
 * {@code wide iinc} before the one real call of each method. A rewrite that took operands for opcodes would change a
 * switch key; one that got the padding or {@code wide} wrong would lose its place before the real call.
 *
 * <p>Methods {@code pad0()} to {@code pad3()}, each with {@code n} {@code nop}s first, return
 * {@code availableProcessors()}.
 */
public final class OperandLookalikes {

    /** Binary name of the generated class. */
    public static final String NAME = "io.containerlimits.agent.rewrite.samples.GeneratedOperandLookalikes";

    /** The methods, one per alignment. */
    public static final int METHODS = 4;

    /** A local variable index above 255, so that its loads and stores need {@code wide}. */
    private static final int WIDE_LOCAL = 300;

    private OperandLookalikes() {
    }

    /** The class file, Java 8 (version 52). */
    public static byte[] classFile() {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V1_8, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, NAME.replace('.', '/'), null,
                "java/lang/Object", null);
        int methodref = writer.newMethod("java/lang/Runtime", "availableProcessors", "()I", false);
        int lookalike = 0xB6 << 16 | methodref; // bytes 00 B6 hi lo
        int shifted = 0xB6 << 24 | methodref << 8; // bytes B6 hi lo 00, a negative key
        for (int pad = 0; pad < METHODS; pad++) {
            MethodVisitor method = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "pad" + pad, "()I",
                    null, null);
            method.visitCode();
            for (int i = 0; i < pad; i++) {
                method.visitInsn(Opcodes.NOP);
            }
            Label afterLookup = new Label();
            method.visitInsn(Opcodes.ICONST_0);
            method.visitLookupSwitchInsn(afterLookup, new int[] {shifted, lookalike},
                    new Label[] {afterLookup, afterLookup});
            method.visitLabel(afterLookup);
            Label afterTable = new Label();
            method.visitInsn(Opcodes.ICONST_0);
            method.visitTableSwitchInsn(lookalike, lookalike, afterTable, afterTable);
            method.visitLabel(afterTable);
            method.visitLdcInsn(lookalike);
            method.visitVarInsn(Opcodes.ISTORE, WIDE_LOCAL);
            method.visitIincInsn(WIDE_LOCAL, 1000);
            method.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Runtime", "getRuntime", "()Ljava/lang/Runtime;",
                    false);
            method.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/Runtime", "availableProcessors", "()I", false);
            method.visitInsn(Opcodes.IRETURN);
            method.visitMaxs(0, 0);
            method.visitEnd();
        }
        writer.visitEnd();
        return writer.toByteArray();
    }
}
