package io.containerlimits.agent.rewrite;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.bytebuddy.jar.asm.ClassReader;

/**
 * Re-points every {@code CONSTANT_MethodHandle REF_invokeVirtual java/lang/Runtime.availableProcessors:()I} of a class
 * file to {@code REF_invokeStatic} of the helper ({@link CallSiteRewriter#HELPER_OWNER}
 * {@code .availableProcessors(Ljava/lang/Runtime;)I}), by patching the constant pool: no instruction changes.
 *
 * <p>Why: a method reference ({@code Runtime::availableProcessors}, {@code Runtime.getRuntime()::availableProcessors})
 * compiles to an {@code invokedynamic} whose {@code LambdaMetafactory} bootstrap arguments name that handle, and the
 * call itself then happens in a hidden class the JVM never offers to a transformer (docs/agent-notes.md §1.3). The
 * handle is a constant of the caller's own class file, though, so re-pointing it reaches the call. A static method
 * taking the {@code Runtime} is a valid implementation method for both forms: bound, the captured receiver becomes
 * its argument; unbound, the functional interface's parameter does (the implementation's arity is the captured
 * arguments plus the interface method's, both ways). An {@code ldc} of the handle gets a handle of the same type
 * {@code (Runtime)int}, so {@code invokeExact} callers still link.
 *
 * <p>How: a {@code CONSTANT_MethodHandle} is {@code tag, reference_kind u1, reference_index u2}; the new kind and the
 * index of a new {@code Methodref} fit those same bytes, and the five constants the new {@code Methodref} needs are
 * appended to the pool, so no existing index moves and the rest of the class file is copied as it is. Every use of
 * the handle (bootstrap arguments, {@code ldc}) sees the change at once, which is why nothing else is visited.
 *
 * <p>Left alone: a class that holds {@code $deserializeLambda$}. Its serializable lambdas are checked on
 * deserialization against the implementation kind and class they were compiled with, so a re-pointed handle would
 * make a serialized {@code Runtime::availableProcessors} fail to deserialize; not rewriting it is the documented
 * limit. And a class whose pool has no room for five more constants (over 65,530).
 */
final class MethodHandleConstants {

    private static final int CONSTANT_UTF8 = 1;
    private static final int CONSTANT_CLASS = 7;
    private static final int CONSTANT_METHODREF = 10;
    private static final int CONSTANT_NAME_AND_TYPE = 12;
    private static final int CONSTANT_METHOD_HANDLE = 15;
    private static final int REF_INVOKE_VIRTUAL = 5;
    private static final int REF_INVOKE_STATIC = 6;

    /** Offset of {@code constant_pool_count} in a class file (after magic and version), and of the first constant. */
    private static final int POOL_COUNT = 8;
    private static final int POOL_START = 10;

    /** The constants appended: Utf8 owner, Class, Utf8 descriptor, NameAndType, Methodref. */
    private static final int APPENDED = 5;
    private static final int MAX_POOL_COUNT = 0xFFFF;

    /** Marks a class with serializable lambdas (javac's and ecj's name for the deserialization method). */
    private static final String DESERIALIZE_LAMBDA = "$deserializeLambda$";
    private static final byte[] DESERIALIZE_LAMBDA_BYTES = DESERIALIZE_LAMBDA.getBytes(StandardCharsets.US_ASCII);

    private MethodHandleConstants() {
        throw new UnsupportedOperationException();
    }

    /** A class file with its handles re-pointed, and how many there were. */
    static final class Patched {
        final byte[] classFile;
        final int handles;

        Patched(byte[] classFile, int handles) {
            this.classFile = classFile;
            this.handles = handles;
        }
    }

    /**
     * The class file with every handle to one of {@code methodrefs} re-pointed to the helper, or {@code null} when it
     * has none (or is left alone, see the class comment).
     *
     * @param methodrefs the pool indexes of {@code Runtime.availableProcessors}, from {@link RuntimeMethodref}
     */
    static Patched redirect(ClassReader reader, byte[] classFile, int[] methodrefs) {
        int count = reader.getItemCount();
        int[] handles = new int[0];
        boolean serializableLambdas = false;
        for (int i = 1; i < count; i++) {
            int offset = reader.getItem(i);
            if (offset == 0) {
                continue;
            }
            int tag = reader.readByte(offset - 1);
            if (tag == CONSTANT_METHOD_HANDLE && reader.readByte(offset) == REF_INVOKE_VIRTUAL
                    && contains(methodrefs, reader.readUnsignedShort(offset + 1))) {
                handles = Arrays.copyOf(handles, handles.length + 1);
                handles[handles.length - 1] = offset;
            } else if (tag == CONSTANT_UTF8 && isDeserializeLambda(classFile, offset)) {
                serializableLambdas = true;
            }
        }
        if (handles.length == 0 || serializableLambdas || count + APPENDED > MAX_POOL_COUNT) {
            return null;
        }
        int methodNameIndex = reader.readUnsignedShort(reader.getItem(
                reader.readUnsignedShort(reader.getItem(methodrefs[0]) + 2)));
        byte[] appended = helperMethodref(count, methodNameIndex);
        int poolEnd = reader.header;
        byte[] patched = new byte[classFile.length + appended.length];
        System.arraycopy(classFile, 0, patched, 0, poolEnd);
        System.arraycopy(appended, 0, patched, poolEnd, appended.length);
        System.arraycopy(classFile, poolEnd, patched, poolEnd + appended.length, classFile.length - poolEnd);
        putShort(patched, POOL_COUNT, count + APPENDED);
        int helperMethodref = count + APPENDED - 1;
        for (int offset : handles) {
            patched[offset] = REF_INVOKE_STATIC;
            putShort(patched, offset + 1, helperMethodref);
        }
        return new Patched(patched, handles.length);
    }

    /** Whether the Utf8 constant whose length field is at {@code offset} reads {@value #DESERIALIZE_LAMBDA}. */
    private static boolean isDeserializeLambda(byte[] classFile, int offset) {
        if (((classFile[offset] & 0xff) << 8 | (classFile[offset + 1] & 0xff)) != DESERIALIZE_LAMBDA_BYTES.length) {
            return false;
        }
        for (int i = 0; i < DESERIALIZE_LAMBDA_BYTES.length; i++) {
            if (classFile[offset + 2 + i] != DESERIALIZE_LAMBDA_BYTES[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The five constants, to be numbered from {@code first}: {@code #first} Utf8 helper owner, {@code #first+1}
     * Class, {@code #first+2} Utf8 descriptor, {@code #first+3} NameAndType (the existing name, the new descriptor),
     * {@code #first+4} Methodref.
     */
    private static byte[] helperMethodref(int first, int methodNameIndex) {
        byte[] owner = CallSiteRewriter.HELPER_OWNER.getBytes(StandardCharsets.UTF_8);
        byte[] descriptor = CallSiteRewriter.HELPER_DESCRIPTOR.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[3 + owner.length + 3 + 3 + descriptor.length + 5 + 5];
        int at = 0;
        at = utf8(out, at, owner);
        out[at] = CONSTANT_CLASS;
        putShort(out, at + 1, first);
        at += 3;
        at = utf8(out, at, descriptor);
        out[at] = CONSTANT_NAME_AND_TYPE;
        putShort(out, at + 1, methodNameIndex);
        putShort(out, at + 3, first + 2);
        at += 5;
        out[at] = CONSTANT_METHODREF;
        putShort(out, at + 1, first + 1);
        putShort(out, at + 3, first + 3);
        return out;
    }

    private static int utf8(byte[] out, int at, byte[] text) {
        out[at] = CONSTANT_UTF8;
        putShort(out, at + 1, text.length);
        System.arraycopy(text, 0, out, at + 3, text.length);
        return at + 3 + text.length;
    }

    private static void putShort(byte[] out, int at, int value) {
        out[at] = (byte) (value >>> 8);
        out[at + 1] = (byte) value;
    }

    private static boolean contains(int[] values, int value) {
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }
}
