package io.containerlimits.agent.rewrite;

import java.util.Arrays;
import net.bytebuddy.jar.asm.ClassReader;

/**
 * Finds the one constant every way of reaching {@code Runtime.availableProcessors()} from a class file goes through:
 * {@code CONSTANT_Methodref java/lang/Runtime.availableProcessors:()I}. An {@code invokevirtual} names it, and so does
 * a {@code CONSTANT_MethodHandle} (a method reference, an {@code ldc MethodHandle}); javac and ASM write it once per
 * class, but nothing stops another compiler from writing it twice, so the rewriters ask for every index.
 */
final class RuntimeMethodref {

    private static final int CONSTANT_METHODREF = 10;

    private RuntimeMethodref() {
        throw new UnsupportedOperationException();
    }

    /** The constant-pool indexes of that {@code Methodref}, in pool order; empty when the class has none. */
    static int[] indexesIn(ClassReader reader) {
        char[] buffer = new char[reader.getMaxStringLength()];
        int[] found = new int[0];
        for (int i = 1; i < reader.getItemCount(); i++) {
            int offset = reader.getItem(i);
            if (offset == 0 || reader.readByte(offset - 1) != CONSTANT_METHODREF) {
                continue; // the unused slot after a long or double, or another kind of constant
            }
            int nameAndType = reader.getItem(reader.readUnsignedShort(offset + 2));
            if ("availableProcessors".equals(reader.readUTF8(nameAndType, buffer))
                    && "()I".equals(reader.readUTF8(nameAndType + 2, buffer))
                    && "java/lang/Runtime".equals(reader.readClass(offset, buffer))) {
                found = Arrays.copyOf(found, found.length + 1);
                found[found.length - 1] = i;
            }
        }
        return found;
    }
}
