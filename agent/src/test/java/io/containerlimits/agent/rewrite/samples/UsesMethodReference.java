package io.containerlimits.agent.rewrite.samples;

import java.util.function.IntSupplier;
import java.util.function.ToIntFunction;

/**
 * Reaches the count only through method references, the bound and the unbound form: no {@code invokevirtual} to
 * rewrite, one {@code CONSTANT_MethodHandle} (javac writes one for both references) among the bootstrap arguments.
 */
public class UsesMethodReference {

    public static int bound() {
        IntSupplier supplier = Runtime.getRuntime()::availableProcessors;
        return supplier.getAsInt();
    }

    public static int unbound() {
        ToIntFunction<Runtime> function = Runtime::availableProcessors;
        return function.applyAsInt(Runtime.getRuntime());
    }
}
