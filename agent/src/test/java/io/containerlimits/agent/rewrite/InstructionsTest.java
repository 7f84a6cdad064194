package io.containerlimits.agent.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Instruction lengths on hand-made code, for the forms whose length depends on operands or position. */
class InstructionsTest {

    private static final byte LOOKUPSWITCH = (byte) 0xAB;
    private static final byte TABLESWITCH = (byte) 0xAA;
    private static final byte WIDE = (byte) 0xC4;
    private static final byte IINC = (byte) 0x84;
    private static final byte ILOAD = 0x15;
    private static final byte NOP = 0;

    /** The offsets {@link Instructions#next} steps through, for code that fills {@code code} from {@code start}. */
    private static int steps(byte[] code, int start) {
        int count = 0;
        for (int at = start; at < code.length; at = Instructions.next(code, start, code.length, at)) {
            count++;
        }
        return count;
    }

    @Test
    void anEmptyLookupswitchMayEndTheCode() {
        // Found in the JDK's jdk.incubator.vector classes: a lookupswitch with no pairs as the last instruction.
        byte[] code = {LOOKUPSWITCH, 0, 0, 0, /* default */ 0, 0, 0, 0, /* pairs */ 0, 0, 0, 0};
        assertEquals(1, steps(code, 0));
    }

    @Test
    void switchPaddingCountsFromTheStartOfTheCodeNotOfTheFile() {
        // Code starting at file offset 1: the tableswitch at code offset 1 needs 2 bytes of padding, not 3.
        byte[] file = {99, NOP, TABLESWITCH, 0, 0, /* default */ 0, 0, 0, 0, /* low */ 0, 0, 0, 5, /* high */ 0, 0, 0,
            5, /* one target */ 0, 0, 0, 0};
        assertEquals(2, steps(file, 1));
    }

    @Test
    void wideTakesFourBytesOrSixWithIinc() {
        byte[] code = {WIDE, ILOAD, 1, 44, WIDE, IINC, 1, 44, 0, 1, NOP};
        assertEquals(3, steps(code, 0));
    }

    @Test
    void unknownOpcodesBadWideAndOverrunsAreMalformed() {
        assertThrows(MalformedClassFileException.class, () -> steps(new byte[] {(byte) 0xCA}, 0), "breakpoint");
        assertThrows(MalformedClassFileException.class, () -> steps(new byte[] {(byte) 0xFF}, 0), "impdep2");
        assertThrows(MalformedClassFileException.class, () -> steps(new byte[] {WIDE, NOP, 0, 0}, 0), "wide nop");
        assertThrows(MalformedClassFileException.class, () -> steps(new byte[] {WIDE}, 0), "wide at the end");
        assertThrows(MalformedClassFileException.class, () -> steps(new byte[] {(byte) 0xB6, 0}, 0), "cut operand");
        byte[] backwards = {TABLESWITCH, 0, 0, 0, 0, 0, 0, 0, /* low */ 0, 0, 0, 2, /* high */ 0, 0, 0, 1};
        assertThrows(MalformedClassFileException.class, () -> steps(backwards, 0), "high below low");
        byte[] negative = {LOOKUPSWITCH, 0, 0, 0, 0, 0, 0, 0, /* pairs */ (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, -1};
        assertThrows(MalformedClassFileException.class, () -> steps(negative, 0), "negative pair count");
    }
}
