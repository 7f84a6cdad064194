package io.containerlimits.agent.rewrite.samples;

/** A pre-filter false positive: declares a method of that name (like Netty's holder) and calls no Runtime. */
public class DeclaresAvailableProcessors {

    public int availableProcessors() {
        return 1;
    }
}
