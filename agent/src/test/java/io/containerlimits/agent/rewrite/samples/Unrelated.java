package io.containerlimits.agent.rewrite.samples;

/** Never mentions the name: the pre-filter skips it unparsed. */
public class Unrelated {

    public static int answer() {
        return 42;
    }
}
