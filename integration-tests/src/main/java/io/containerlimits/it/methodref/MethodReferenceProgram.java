package io.containerlimits.it.methodref;

/**
 * Prints, on one line, the CPU count as three kinds of caller see it: {@code bound=N unbound=N direct=N}. The first two
 * go through {@link RuntimeReferences}'s method references (in a library jar), the last is an ordinary call site.
 */
public final class MethodReferenceProgram {

    private MethodReferenceProgram() {
    }

    public static void main(String[] args) {
        System.out.println(Greeting.text() + ": bound=" + RuntimeReferences.bound() + " unbound="
                + RuntimeReferences.unbound() + " direct=" + Runtime.getRuntime().availableProcessors());
    }
}
