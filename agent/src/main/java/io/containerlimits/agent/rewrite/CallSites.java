package io.containerlimits.agent.rewrite;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Where in a class file the {@code invokevirtual} instructions of given {@code Methodref} indexes are: the offsets of
 * their opcodes, in file order.
 *
 * <p>Two steps per method, so that a large class stays cheap (JDK 25's {@code ForkJoinPool}: 54 KB, two call sites).
 * First a plain scan of the method's {@code Code} for the three bytes {@code 0xB6 hi lo}: a call site is exactly those
 * bytes (JVMS §6.5 invokevirtual), so a method without them has none. Only a method that has them is then walked
 * instruction by instruction ({@link Instructions}), because the same bytes may also be the operands of another
 * instruction, and only a real opcode may be replaced. The class structure around the methods (fields, methods,
 * attributes) is walked with every length checked: a file that does not hold together is a
 * {@link MalformedClassFileException}.
 */
final class CallSites {

    private static final byte[] CODE = "Code".getBytes(StandardCharsets.US_ASCII);

    private CallSites() {
        throw new UnsupportedOperationException();
    }

    /** The offsets of the {@code invokevirtual} opcodes that name one of {@code methodrefs}; empty for none. */
    static int[] find(byte[] classFile, ConstantPool pool, int[] methodrefs) {
        int[] found = new int[0];
        int[] code = codeRanges(classFile, pool);
        for (int i = 0; i < code.length; i += 2) {
            found = callSites(classFile, code[i], code[i + 1], methodrefs, found);
        }
        return found;
    }

    /**
     * Where the code of each method that has a {@code Code} attribute starts and ends, in class-file order:
     * {@code start0, end0, start1, end1, ...}.
     */
    static int[] codeRanges(byte[] classFile, ConstantPool pool) {
        int at = pool.end() + 6; // access_flags, this_class, super_class
        at += 2 + 2 * ClassBytes.u2(classFile, at); // interfaces
        int fields = ClassBytes.u2(classFile, at);
        at += 2;
        for (int f = 0; f < fields; f++) {
            at = skipAttributes(classFile, at + 6);
        }
        int methods = ClassBytes.u2(classFile, at);
        at += 2;
        int[] ranges = new int[2 * methods];
        int found = 0;
        for (int m = 0; m < methods; m++) {
            int attributes = ClassBytes.u2(classFile, at + 6);
            at += 8;
            int foundBefore = found;
            for (int a = 0; a < attributes; a++) {
                int length = ClassBytes.s4(classFile, at + 2);
                ClassBytes.check(classFile, at + 6, length);
                if (pool.isUtf8(ClassBytes.u2(classFile, at), CODE)) {
                    if (found > foundBefore) {
                        throw new MalformedClassFileException("method " + m + " has two Code attributes");
                    }
                    // Code: name u2, length u4, max_stack u2, max_locals u2, code_length u4, code[], ...
                    int codeLength = ClassBytes.s4(classFile, at + 10);
                    if (codeLength < 0 || 8L + codeLength > length) {
                        throw new MalformedClassFileException("Code of method " + m + " longer than its attribute");
                    }
                    ranges[found++] = at + 14;
                    ranges[found++] = at + 14 + codeLength;
                }
                at += 6 + length;
            }
        }
        return found == ranges.length ? ranges : Arrays.copyOf(ranges, found);
    }

    /** {@code found} with the call sites of the code from {@code start} to {@code end} added. */
    private static int[] callSites(byte[] classFile, int start, int end, int[] methodrefs, int[] found) {
        if (!mayHoldCall(classFile, start, end, methodrefs)) {
            return found;
        }
        int[] sites = found;
        for (int at = start; at < end;) {
            int next = Instructions.next(classFile, start, end, at); // first: it checks the operands are there
            if ((classFile[at] & 0xff) == Instructions.INVOKEVIRTUAL && names(classFile, at + 1, methodrefs)) {
                sites = Arrays.copyOf(sites, sites.length + 1);
                sites[sites.length - 1] = at;
            }
            at = next;
        }
        return sites;
    }

    /** Whether the bytes {@code 0xB6 hi lo} of one of {@code methodrefs} occur anywhere in the code, operands too. */
    private static boolean mayHoldCall(byte[] classFile, int start, int end, int[] methodrefs) {
        for (int at = start; at < end - 2; at++) {
            if ((classFile[at] & 0xff) == Instructions.INVOKEVIRTUAL && names(classFile, at + 1, methodrefs)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the {@code u2} at {@code at} is one of {@code methodrefs}. */
    private static boolean names(byte[] classFile, int at, int[] methodrefs) {
        int index = (classFile[at] & 0xff) << 8 | (classFile[at + 1] & 0xff);
        for (int methodref : methodrefs) {
            if (index == methodref) {
                return true;
            }
        }
        return false;
    }

    private static int skipAttributes(byte[] classFile, int at) {
        int attributes = ClassBytes.u2(classFile, at);
        int next = at + 2;
        for (int a = 0; a < attributes; a++) {
            int length = ClassBytes.s4(classFile, next + 2);
            ClassBytes.check(classFile, next + 6, length);
            next += 6 + length;
        }
        return next;
    }
}
