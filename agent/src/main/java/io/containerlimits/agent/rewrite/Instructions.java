package io.containerlimits.agent.rewrite;

/**
 * The length of each JVM instruction (JVMS §6.5), so that a method's code can be walked from one instruction to the
 * next: a byte that looks like an opcode inside another instruction's operands is never taken for one.
 *
 * <p>Strict: an opcode the class-file format does not define (including {@code breakpoint} and the two
 * {@code impdep}, which may not appear in a class file), a {@code wide} before an instruction it cannot widen, a
 * switch with a negative range or count, or an instruction that runs past the end of the code is a
 * {@link MalformedClassFileException}.
 */
final class Instructions {

    static final int INVOKEVIRTUAL = 0xB6;
    static final int INVOKESTATIC = 0xB8;

    private static final int ILOAD = 0x15;
    private static final int ALOAD = 0x19;
    private static final int ISTORE = 0x36;
    private static final int ASTORE = 0x3A;
    private static final int IINC = 0x84;
    private static final int RET = 0xA9;
    private static final int TABLESWITCH = 0xAA;
    private static final int LOOKUPSWITCH = 0xAB;
    private static final int WIDE = 0xC4;

    /** Marks the opcodes whose length depends on their operands. */
    private static final int VARIABLE = -1;

    /** Length by opcode, operands included; 0 for an opcode that does not exist. */
    private static final byte[] LENGTH = new byte[256];

    static {
        fill(0x00, 0xC3, 1); // most instructions have no operand; the exceptions follow
        LENGTH[0x10] = 2; // bipush
        LENGTH[0x11] = 3; // sipush
        LENGTH[0x12] = 2; // ldc
        fill(0x13, 0x14, 3); // ldc_w, ldc2_w
        fill(ILOAD, ALOAD, 2); // iload .. aload with a local index
        fill(ISTORE, ASTORE, 2); // istore .. astore with a local index
        LENGTH[IINC] = 3;
        fill(0x99, 0xA8, 3); // if<cond>, if_icmp<cond>, if_acmp<cond>, goto, jsr
        LENGTH[RET] = 2;
        LENGTH[TABLESWITCH] = VARIABLE;
        LENGTH[LOOKUPSWITCH] = VARIABLE;
        fill(0xB2, INVOKESTATIC, 3); // getstatic, putstatic, getfield, putfield, invokevirtual, -special, -static
        fill(0xB9, 0xBA, 5); // invokeinterface, invokedynamic
        LENGTH[0xBB] = 3; // new
        LENGTH[0xBC] = 2; // newarray
        LENGTH[0xBD] = 3; // anewarray
        fill(0xC0, 0xC1, 3); // checkcast, instanceof
        LENGTH[WIDE] = VARIABLE;
        LENGTH[0xC5] = 4; // multianewarray
        fill(0xC6, 0xC7, 3); // ifnull, ifnonnull
        fill(0xC8, 0xC9, 5); // goto_w, jsr_w
    }

    private Instructions() {
        throw new UnsupportedOperationException();
    }

    private static void fill(int from, int to, int length) {
        for (int opcode = from; opcode <= to; opcode++) {
            LENGTH[opcode] = (byte) length;
        }
    }

    /**
     * The offset of the instruction after the one at {@code at}, in code that starts at {@code start} and ends before
     * {@code end} (offsets into the class file).
     */
    static int next(byte[] classFile, int start, int end, int at) {
        int opcode = classFile[at] & 0xff;
        int length = LENGTH[opcode];
        long after;
        if (length > 0) {
            after = at + length;
        } else if (opcode == WIDE) {
            if (at + 1 >= end) {
                throw new MalformedClassFileException("wide at offset " + at + " ends the code");
            }
            after = at + wideLength(classFile[at + 1] & 0xff, at);
        } else if (length == VARIABLE) {
            after = afterSwitch(classFile, start, end, at, opcode);
        } else {
            throw new MalformedClassFileException("unknown opcode " + opcode + " at offset " + at);
        }
        if (after > end) {
            throw new MalformedClassFileException("instruction at offset " + at + " runs past the end of its code");
        }
        return (int) after;
    }

    /** {@code wide} widens a local-variable index: 4 bytes in all, 6 with {@code iinc}'s constant. */
    private static int wideLength(int widened, int at) {
        if (widened >= ILOAD && widened <= ALOAD || widened >= ISTORE && widened <= ASTORE || widened == RET) {
            return 4;
        }
        if (widened == IINC) {
            return 6;
        }
        throw new MalformedClassFileException("wide before opcode " + widened + " at offset " + at);
    }

    /**
     * After a {@code tableswitch} or {@code lookupswitch}: 0 to 3 bytes of padding so that the operands start at a
     * multiple of four counted from the start of the code (not of the file), then the default, then the table.
     */
    private static long afterSwitch(byte[] classFile, int start, int end, int at, int opcode) {
        int operands = at + 1 + (3 - (at - start) % 4);
        // The fixed operands: default, low and high; or default and the pair count (a lookupswitch may have none).
        if (operands + (opcode == TABLESWITCH ? 12 : 8) > end) {
            throw new MalformedClassFileException("switch at offset " + at + " runs past the end of its code");
        }
        if (opcode == TABLESWITCH) {
            long low = ClassBytes.s4(classFile, operands + 4);
            long high = ClassBytes.s4(classFile, operands + 8);
            if (high < low) {
                throw new MalformedClassFileException("tableswitch at offset " + at + " with high < low");
            }
            return operands + 12 + 4 * (high - low + 1);
        }
        long pairs = ClassBytes.s4(classFile, operands + 4);
        if (pairs < 0) {
            throw new MalformedClassFileException("lookupswitch at offset " + at + " with a negative count");
        }
        return operands + 8 + 8 * pairs;
    }
}
