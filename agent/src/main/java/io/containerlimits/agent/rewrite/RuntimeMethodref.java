package io.containerlimits.agent.rewrite;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Finds the one constant every way of reaching {@code Runtime.availableProcessors()} from a class file goes through:
 * {@code CONSTANT_Methodref java/lang/Runtime.availableProcessors:()I}. An {@code invokevirtual} names it, and so does
 * a {@code CONSTANT_MethodHandle} (a method reference, an {@code ldc MethodHandle}); javac and ASM write it once per
 * class, but nothing stops another compiler from writing it twice, so the rewriters ask for every index.
 */
final class RuntimeMethodref {

    static final byte[] NAME = "availableProcessors".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OWNER = "java/lang/Runtime".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DESCRIPTOR = "()I".getBytes(StandardCharsets.US_ASCII);

    private RuntimeMethodref() {
        throw new UnsupportedOperationException();
    }

    /**
     * The constant-pool indexes of that {@code Methodref}, in pool order; empty when the class has none. A reference
     * whose parts are not the constants they should be (a {@code Class} that is not one) matches nothing: the JVM
     * rejects such a class anyway, and the rewrite must not be the one that touches it.
     */
    static int[] indexesIn(ConstantPool pool) {
        int[] found = new int[0];
        for (int i = 1; i < pool.count(); i++) {
            if (pool.tag(i) != ConstantPool.METHODREF) {
                continue;
            }
            int owner = pool.u2(i, 1);
            int nameAndType = pool.u2(i, 3);
            if (pool.tag(nameAndType) == ConstantPool.NAME_AND_TYPE
                    && pool.isUtf8(pool.u2(nameAndType, 1), NAME)
                    && pool.isUtf8(pool.u2(nameAndType, 3), DESCRIPTOR)
                    && pool.tag(owner) == ConstantPool.CLASS && pool.isUtf8(pool.u2(owner, 1), OWNER)) {
                found = Arrays.copyOf(found, found.length + 1);
                found[found.length - 1] = i;
            }
        }
        return found;
    }

    /** The index of the name {@code availableProcessors} that the {@code Methodref} at {@code index} uses. */
    static int nameIndex(ConstantPool pool, int index) {
        return pool.u2(pool.u2(index, 3), 1);
    }
}
