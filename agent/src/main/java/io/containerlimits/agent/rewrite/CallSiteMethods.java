package io.containerlimits.agent.rewrite;

import net.bytebuddy.jar.asm.ClassReader;

/**
 * Which methods of a class file may hold {@code invokevirtual java/lang/Runtime.availableProcessors()I}, found from
 * the raw bytes before ASM visits anything.
 *
 * <p>Why: ASM copies a method's bytes verbatim when nothing visits its code, and re-encodes every instruction of a
 * method that is visited. Visiting only the methods that may hold a call site makes the rewrite of a large class cheap
 * (JDK 25's {@code ForkJoinPool}, 54 KB, two call sites: 37 ms cold when every method was visited).
 *
 * <p>Over-approximate by design: a method is marked when its code holds the bytes {@code 0xB6 hi lo} of the
 * {@code Methodref} index anywhere, an operand included. Marking too much costs time, never correctness; a call site
 * cannot be missed, since the instruction is exactly those three bytes (JVMS §6.5 invokevirtual).
 */
final class CallSiteMethods {

    private static final int INVOKEVIRTUAL = 0xB6;

    private CallSiteMethods() {
        throw new UnsupportedOperationException();
    }

    /**
     * One flag per method, in class-file order (the order ASM visits them); {@code null} when the constant pool has no
     * {@code Methodref} to {@code Runtime.availableProcessors()I} (a class that only declares or names such a method).
     *
     * @throws RuntimeException (index out of bounds) on a malformed class file; callers leave it unchanged
     */
    static boolean[] of(ClassReader reader, byte[] classFile) {
        int[] targets = RuntimeMethodref.indexesIn(reader);
        return targets.length == 0 ? null : of(reader, classFile, targets);
    }

    /**
     * One flag per method, as above, for the {@code Methodref} indexes {@code targets} the caller already found; none
     * set when no method calls one of them.
     */
    static boolean[] of(ClassReader reader, byte[] classFile, int[] targets) {
        char[] buffer = new char[reader.getMaxStringLength()];
        int at = reader.header + 6; // access_flags, this_class, super_class
        at += 2 + 2 * reader.readUnsignedShort(at); // interfaces
        int fields = reader.readUnsignedShort(at);
        at += 2;
        for (int f = 0; f < fields; f++) {
            at = skipAttributes(reader, at + 6);
        }
        int methods = reader.readUnsignedShort(at);
        at += 2;
        boolean[] calls = new boolean[methods];
        for (int m = 0; m < methods; m++) {
            int attributes = reader.readUnsignedShort(at + 6);
            at += 8;
            for (int a = 0; a < attributes; a++) {
                int length = reader.readInt(at + 2);
                if ("Code".equals(reader.readUTF8(at, buffer))) {
                    // Code: name u2, length u4, max_stack u2, max_locals u2, code_length u4, code[]
                    calls[m] = holdsInvoke(classFile, at + 14, reader.readInt(at + 10), targets);
                }
                at += 6 + length;
            }
        }
        return calls;
    }

    private static boolean holdsInvoke(byte[] classFile, int start, int length, int[] targets) {
        int end = start + length - 2;
        for (int i = start; i < end; i++) {
            if ((classFile[i] & 0xff) == INVOKEVIRTUAL) {
                int index = (classFile[i + 1] & 0xff) << 8 | (classFile[i + 2] & 0xff);
                for (int target : targets) {
                    if (index == target) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static int skipAttributes(ClassReader reader, int at) {
        int attributes = reader.readUnsignedShort(at);
        int next = at + 2;
        for (int a = 0; a < attributes; a++) {
            next += 6 + reader.readInt(next + 2);
        }
        return next;
    }
}
