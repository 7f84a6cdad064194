package io.containerlimits.it.rewrite;

/**
 * The controls' subject: one {@code availableProcessors} call site whose result is used as an {@code int}, so a
 * rewrite with the wrong descriptor or stack effect leaves a method the verifier must reject. Nothing else in it
 * mentions the helper's descriptor, which is what lets {@link RewriteVariant} patch that one constant.
 */
final class CallsAvailableProcessors {

    private CallsAvailableProcessors() {
    }

    static int cpus() {
        return Runtime.getRuntime().availableProcessors();
    }
}
