package io.containerlimits.agent.rewrite.samples;

import java.util.function.IntSupplier;

/** Mentions the name (a method handle constant) but has no invokevirtual to rewrite: a documented limit. */
public class UsesMethodReference {

    public static int viaReference() {
        IntSupplier supplier = Runtime.getRuntime()::availableProcessors;
        return supplier.getAsInt();
    }
}
