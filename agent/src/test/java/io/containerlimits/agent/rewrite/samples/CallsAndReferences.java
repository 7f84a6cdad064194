package io.containerlimits.agent.rewrite.samples;

import java.util.function.IntSupplier;

/** A call site and a method reference in one class: both rewrites, one after the other, on the same class file. */
public class CallsAndReferences {

    public static int direct() {
        return Runtime.getRuntime().availableProcessors();
    }

    public static int viaReference() {
        IntSupplier supplier = Runtime.getRuntime()::availableProcessors;
        return supplier.getAsInt();
    }
}
