package io.containerlimits.it.methodref;

import java.util.function.IntSupplier;
import java.util.function.ToIntFunction;

/**
 * A library class (the tests put it in a jar of its own) that reaches the CPU count only through method references,
 * as Hazelcast's {@code RuntimeMetricSet} does: no {@code invokevirtual} to rewrite, one {@code CONSTANT_MethodHandle}
 * among the {@code LambdaMetafactory} bootstrap arguments.
 */
public final class RuntimeReferences {

    private RuntimeReferences() {
    }

    /** {@code Runtime.getRuntime()::availableProcessors}: the receiver captured. */
    public static int bound() {
        IntSupplier cpus = Runtime.getRuntime()::availableProcessors;
        return cpus.getAsInt();
    }

    /** {@code Runtime::availableProcessors}: the receiver passed in. */
    public static int unbound() {
        ToIntFunction<Runtime> cpus = Runtime::availableProcessors;
        return cpus.applyAsInt(Runtime.getRuntime());
    }
}
