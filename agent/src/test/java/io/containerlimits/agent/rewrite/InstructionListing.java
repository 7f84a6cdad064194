package io.containerlimits.agent.rewrite;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

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

    /** {@code invokevirtual Runtime.availableProcessors()I} as this listing writes it. */
    static final String RUNTIME_CALL = Opcodes.INVOKEVIRTUAL + " java/lang/Runtime availableProcessors ()I false";

    /** The helper's {@code invokestatic} that replaces it. */
    static final String HELPER_CALL = Opcodes.INVOKESTATIC + " " + CallSiteRewriter.HELPER_OWNER
            + " availableProcessors " + CallSiteRewriter.HELPER_DESCRIPTOR + " false";

    /** A method handle to {@code Runtime.availableProcessors}, as this listing writes it (bootstrap arguments, ldc). */
    static final String RUNTIME_HANDLE =
            new Handle(Opcodes.H_INVOKEVIRTUAL, "java/lang/Runtime", "availableProcessors", "()I", false).toString();

    /** The handle to the helper that replaces it. */
    static final String HELPER_HANDLE = new Handle(Opcodes.H_INVOKESTATIC, CallSiteRewriter.HELPER_OWNER,
            "availableProcessors", CallSiteRewriter.HELPER_DESCRIPTOR, false).toString();

    /** The listing of every method of {@code classFile}. */
    static Map<String, List<String>> of(byte[] classFile) {
        InstructionListing listing = new InstructionListing();
        new ClassReader(classFile).accept(listing, ClassReader.SKIP_FRAMES);
        return listing.methods;
    }

    /**
     * What the listing of a rewritten class must be, given the original's: every call to {@code Runtime} now the
     * helper's, and (when {@code handles}) every handle to it the helper's handle; every other line as it was.
     */
    static Map<String, List<String>> rewritten(Map<String, List<String>> original, boolean handles) {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        original.forEach((method, code) -> expected.put(method, code.stream()
                .map(line -> line.equals(RUNTIME_CALL) ? HELPER_CALL : line)
                .map(line -> handles ? line.replace(RUNTIME_HANDLE, HELPER_HANDLE) : line)
                .toList()));
        return expected;
    }

    /** How many lines of the listing are {@code line}. */
    static long count(Map<String, List<String>> listing, String line) {
        return listing.values().stream().flatMap(List::stream).filter(line::equals).count();
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
