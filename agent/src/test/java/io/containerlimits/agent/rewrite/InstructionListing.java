package io.containerlimits.agent.rewrite;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Every method's instructions as text, one string each, by name and descriptor: what a rewrite must leave alone
 * apart from the call sites it swaps. Labels are numbered in the order they appear; stack map frames are left out
 * (a writer may compute them anew without changing what the code does).
 */
final class InstructionListing extends ClassVisitor {

    /** The listing of each method, keyed {@code name + descriptor}, in class-file order. */
    private final Map<String, List<String>> methods = new LinkedHashMap<>();

    private InstructionListing() {
        super(Opcodes.ASM9);
    }

    /** The listing of every method of {@code classFile}. */
    static Map<String, List<String>> of(byte[] classFile) {
        InstructionListing listing = new InstructionListing();
        new ClassReader(classFile).accept(listing, ClassReader.SKIP_FRAMES);
        return listing.methods;
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
            String[] exceptions) {
        List<String> code = new ArrayList<>();
        methods.put(name + descriptor, code);
        return new MethodListing(code);
    }

    /** Writes one line per instruction, label, line number and handler of one method. */
    private static final class MethodListing extends MethodVisitor {

        private final List<String> code;

        /** Label numbers, in order of first mention. */
        private final Map<Label, Integer> labels = new HashMap<>();

        MethodListing(List<String> code) {
            super(Opcodes.ASM9);
            this.code = code;
        }

        private String label(Label label) {
            return "L" + labels.computeIfAbsent(label, unused -> labels.size());
        }

        private void add(Object... words) {
            StringBuilder line = new StringBuilder();
            for (Object word : words) {
                line.append(line.length() == 0 ? "" : " ").append(word);
            }
            code.add(line.toString());
        }

        @Override
        public void visitInsn(int opcode) {
            add(opcode);
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            add(opcode, operand);
        }

        @Override
        public void visitVarInsn(int opcode, int variable) {
            add(opcode, variable);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            add(opcode, type);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            add(opcode, owner, name, descriptor);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            add(opcode, owner, name, descriptor, isInterface);
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            add("indy", name, descriptor, bootstrap, Arrays.toString(arguments));
        }

        @Override
        public void visitJumpInsn(int opcode, Label target) {
            add(opcode, label(target));
        }

        @Override
        public void visitLabel(Label label) {
            add(label(label) + ":");
        }

        @Override
        public void visitLdcInsn(Object value) {
            add("ldc", value.getClass().getSimpleName(), value);
        }

        @Override
        public void visitIincInsn(int variable, int increment) {
            add("iinc", variable, increment);
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label fallback, Label... targets) {
            add("tableswitch", min, max, label(fallback), Arrays.stream(targets).map(this::label).toList());
        }

        @Override
        public void visitLookupSwitchInsn(Label fallback, int[] keys, Label[] targets) {
            add("lookupswitch", label(fallback), Arrays.toString(keys),
                    Arrays.stream(targets).map(this::label).toList());
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
            add("multianewarray", descriptor, dimensions);
        }

        @Override
        public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
            add("try", label(start), label(end), label(handler), type);
        }

        @Override
        public void visitLineNumber(int line, Label start) {
            add("line", line, label(start));
        }
    }
}
