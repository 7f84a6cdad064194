package io.containerlimits.agent.rewrite.samples;

/** Four call sites: one in the static initialiser, one in a static method, two in an instance method. */
public class CallsAvailableProcessors {

    static final int AT_INIT = Runtime.getRuntime().availableProcessors();

    public static int direct() {
        return Runtime.getRuntime().availableProcessors();
    }

    public int twice() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.availableProcessors() + runtime.availableProcessors();
    }

    public static int atInit() {
        return AT_INIT;
    }
}
