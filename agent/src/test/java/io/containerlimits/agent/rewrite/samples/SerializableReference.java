package io.containerlimits.agent.rewrite.samples;

import java.io.Serializable;
import java.util.function.IntSupplier;

/**
 * A serializable method reference: javac adds {@code $deserializeLambda$}, which checks the implementation kind and
 * class on deserialization, so the rewrite leaves the handle alone (a documented limit).
 */
public class SerializableReference {

    /** The functional interface, serializable. */
    public interface SerializableSupplier extends IntSupplier, Serializable {
    }

    public static SerializableSupplier supplier() {
        return Runtime.getRuntime()::availableProcessors;
    }
}
