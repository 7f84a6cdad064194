package io.containerlimits.agent.rewrite;

import java.nio.charset.StandardCharsets;

/**
 * The constants a rewritten class needs to name the helper, {@code CONSTANT_Methodref}
 * {@link CallSiteRewriter#HELPER_OWNER}{@code .availableProcessors}{@link CallSiteRewriter#HELPER_DESCRIPTOR}, as bytes
 * to append after the last constant of the pool: appending moves no existing index, so every instruction, attribute
 * and frame stays valid as it is.
 *
 * <p>Appended: the Utf8 owner (unless the pool already has it), its {@code Class}, the Utf8 descriptor (likewise), a
 * {@code NameAndType} of the existing name {@code availableProcessors} (the {@code Runtime} reference's own) and the
 * new descriptor, and the {@code Methodref}: three to five constants. The existing Utf8 entries are reused so that a
 * class holds each text once, as a class-file writer would leave it.
 */
final class HelperMethodref {

    private static final byte[] OWNER = CallSiteRewriter.HELPER_OWNER.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DESCRIPTOR = CallSiteRewriter.HELPER_DESCRIPTOR.getBytes(StandardCharsets.US_ASCII);

    /** The pool may hold 65,535 entries at most: {@code constant_pool_count} is a {@code u2} (JVMS §4.1). */
    private static final int MAX_POOL_COUNT = 0xFFFF;

    /** The bytes to insert at the pool's end. */
    final byte[] constants;

    /** The new {@code constant_pool_count}. */
    final int count;

    /** The index of the appended {@code Methodref}, what call sites and handles are pointed at. */
    final int index;

    private HelperMethodref(byte[] constants, int count, int index) {
        this.constants = constants;
        this.count = count;
        this.index = index;
    }

    /**
     * The constants for {@code pool}, whose {@code availableProcessors} name is entry {@code nameIndex}; {@code null}
     * when the pool has no room for them.
     */
    static HelperMethodref appendTo(ConstantPool pool, int nameIndex) {
        int owner = pool.findUtf8(OWNER);
        int descriptor = pool.findUtf8(DESCRIPTOR);
        int next = pool.count();
        byte[] out = new byte[(owner == 0 ? 3 + OWNER.length : 0) + 3 + (descriptor == 0 ? 3 + DESCRIPTOR.length : 0)
                + 5 + 5];
        int at = 0;
        if (owner == 0) {
            at = utf8(out, at, OWNER);
            owner = next++;
        }
        out[at] = ConstantPool.CLASS;
        ClassBytes.putU2(out, at + 1, owner);
        at += 3;
        int ownerClass = next++;
        if (descriptor == 0) {
            at = utf8(out, at, DESCRIPTOR);
            descriptor = next++;
        }
        out[at] = ConstantPool.NAME_AND_TYPE;
        ClassBytes.putU2(out, at + 1, nameIndex);
        ClassBytes.putU2(out, at + 3, descriptor);
        at += 5;
        int nameAndType = next++;
        out[at] = ConstantPool.METHODREF;
        ClassBytes.putU2(out, at + 1, ownerClass);
        ClassBytes.putU2(out, at + 3, nameAndType);
        int methodref = next++;
        return next > MAX_POOL_COUNT ? null : new HelperMethodref(out, next, methodref);
    }

    private static int utf8(byte[] out, int at, byte[] text) {
        out[at] = ConstantPool.UTF8;
        ClassBytes.putU2(out, at + 1, text.length);
        System.arraycopy(text, 0, out, at + 3, text.length);
        return at + 3 + text.length;
    }
}
