package io.containerlimits.agent.rewrite;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * How many instructions each method with code has, counted two independent ways: by {@link Instructions#next}
 * walking the code from its first byte to its last, and by ASM's reader (one visit per instruction). The two agree
 * only if every instruction's length, switch padding and {@code wide} form is right: one wrong length puts the walk
 * out of step with the code, and it then miscounts or runs past the end.
 */
final class InstructionCounts {

    private InstructionCounts() {
    }

    /** The walk's count for each method that has code, in class-file order. */
    static List<Integer> walked(byte[] classFile) {
        List<Integer> counts = new ArrayList<>();
        int[] code = CallSites.codeRanges(classFile, ConstantPool.of(classFile));
        for (int i = 0; i < code.length; i += 2) {
            int count = 0;
            for (int at = code[i]; at < code[i + 1]; at = Instructions.next(classFile, code[i], code[i + 1], at)) {
                count++;
            }
            counts.add(count);
        }
        return counts;
    }

    /** ASM's count for each method that has code, in class-file order. */
    static List<Integer> read(byte[] classFile) {
        List<Integer> counts = new ArrayList<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return new Counting(counts);
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return counts;
    }

    /** Counts one per instruction visit; adds the count when the method's code ends. */
    private static final class Counting extends MethodVisitor {
        private final List<Integer> counts;
        private int count;
        private boolean hasCode;

        Counting(List<Integer> counts) {
            super(Opcodes.ASM9);
            this.counts = counts;
        }

        @Override
        public void visitCode() {
            hasCode = true;
        }

        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            if (hasCode) {
                counts.add(count);
            }
        }

        @Override
        public void visitInsn(int opcode) {
            count++;
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            count++;
        }

        @Override
        public void visitVarInsn(int opcode, int variable) {
            count++;
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            count++;
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            count++;
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            count++;
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            count++;
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            count++;
        }

        @Override
        public void visitLdcInsn(Object value) {
            count++;
        }

        @Override
        public void visitIincInsn(int variable, int increment) {
            count++;
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label fallback, Label... labels) {
            count++;
        }

        @Override
        public void visitLookupSwitchInsn(Label fallback, int[] keys, Label[] labels) {
            count++;
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
            count++;
        }
    }
}
