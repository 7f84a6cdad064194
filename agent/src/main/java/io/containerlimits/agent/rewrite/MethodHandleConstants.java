package io.containerlimits.agent.rewrite;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Finds every {@code CONSTANT_MethodHandle REF_invokeVirtual java/lang/Runtime.availableProcessors:()I} of a class
 * file, to be re-pointed to {@code REF_invokeStatic} of the helper ({@link CallSiteRewriter#HELPER_OWNER}
 * {@code .availableProcessors(Ljava/lang/Runtime;)I}) in the constant pool: no instruction changes.
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
 * index of the helper's {@code Methodref} ({@link HelperMethodref}, appended to the pool) fit those same bytes, so no
 * existing index moves. Every use of the handle (bootstrap arguments, {@code ldc}) sees the change at once, which is
 * why nothing else is visited.
 *
 * <p>Left alone: a class that holds {@code $deserializeLambda$}. Its serializable lambdas are checked on
 * deserialization against the implementation kind and class they were compiled with, so a re-pointed handle would
 * make a serialized {@code Runtime::availableProcessors} fail to deserialize; not rewriting it is the documented
 * limit.
 */
final class MethodHandleConstants {

    static final int REF_INVOKE_VIRTUAL = 5;
    static final int REF_INVOKE_STATIC = 6;

    /** Marks a class with serializable lambdas (javac's and ecj's name for the deserialization method). */
    private static final byte[] DESERIALIZE_LAMBDA = "$deserializeLambda$".getBytes(StandardCharsets.US_ASCII);

    private MethodHandleConstants() {
        throw new UnsupportedOperationException();
    }

    /**
     * The offsets of the tag bytes of every handle to one of {@code methodrefs}; empty when there is none, or when
     * the class is left alone (see the class comment).
     *
     * @param methodrefs the pool indexes of {@code Runtime.availableProcessors}, from {@link RuntimeMethodref}
     */
    static int[] find(ConstantPool pool, int[] methodrefs) {
        int[] handles = new int[0];
        for (int i = 1; i < pool.count(); i++) {
            if (pool.tag(i) == ConstantPool.METHOD_HANDLE && pool.u1(i, 1) == REF_INVOKE_VIRTUAL
                    && contains(methodrefs, pool.u2(i, 2))) {
                handles = Arrays.copyOf(handles, handles.length + 1);
                handles[handles.length - 1] = pool.offset(i);
            }
        }
        if (handles.length > 0 && pool.findUtf8(DESERIALIZE_LAMBDA) != 0) {
            return new int[0];
        }
        return handles;
    }

    /** Re-points the handle whose tag byte is at {@code offset} of {@code classFile} to the helper's Methodref. */
    static void repoint(byte[] classFile, int offset, int helperMethodref) {
        classFile[offset + 1] = REF_INVOKE_STATIC;
        ClassBytes.putU2(classFile, offset + 2, helperMethodref);
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
