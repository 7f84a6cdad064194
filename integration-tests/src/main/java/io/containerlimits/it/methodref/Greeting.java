package io.containerlimits.it.methodref;

/**
 * Never mentions the CPU count, so no rewrite touches it: whether it came from a CDS archive or an AOT cache
 * ({@code -Xlog:class+load}) tells whether the JVM used that archive.
 */
final class Greeting {

    private Greeting() {
    }

    static String text() {
        return "counts";
    }
}
