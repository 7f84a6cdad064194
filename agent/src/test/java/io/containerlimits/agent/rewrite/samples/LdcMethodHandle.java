package io.containerlimits.agent.rewrite.samples;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * A class javac cannot write: {@code ldc MethodHandle REF_invokeVirtual java/lang/Runtime.availableProcessors:()I}
 * (what other compilers and bytecode generators emit), generated with ASM. {@code count()} loads the handle and calls
 * it with {@code invokeExact(Runtime)int}; {@code handle()} returns it.
 */
public final class LdcMethodHandle {

    /** Binary name of the generated class. */
    public static final String NAME = "io.containerlimits.agent.rewrite.samples.GeneratedLdcHandle";

    private LdcMethodHandle() {
    }

    /** The class file, Java 8 (version 52). */
    public static byte[] classFile() {
        Handle handle = new Handle(Opcodes.H_INVOKEVIRTUAL, "java/lang/Runtime", "availableProcessors", "()I", false);
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V1_8, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, NAME.replace('.', '/'), null,
                "java/lang/Object", null);
        MethodVisitor count = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "count", "()I", null,
                new String[] {"java/lang/Throwable"});
        count.visitCode();
        count.visitLdcInsn(handle);
        count.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Runtime", "getRuntime", "()Ljava/lang/Runtime;", false);
        count.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/invoke/MethodHandle", "invokeExact",
                "(Ljava/lang/Runtime;)I", false);
        count.visitInsn(Opcodes.IRETURN);
        count.visitMaxs(0, 0);
        count.visitEnd();
        MethodVisitor get = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "handle",
                "()Ljava/lang/invoke/MethodHandle;", null, null);
        get.visitCode();
        get.visitLdcInsn(handle);
        get.visitInsn(Opcodes.ARETURN);
        get.visitMaxs(0, 0);
        get.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }
}
