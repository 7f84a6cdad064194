package io.containerlimits.agent;

import java.util.concurrent.ForkJoinPool;

/** What {@link PackagedJarTest}'s forked JVMs print: {@code <availableProcessors> <common pool> <new pool>}. */
public final class SmokeMain {

    private SmokeMain() {
    }

    public static void main(String[] args) {
        System.out.println(Runtime.getRuntime().availableProcessors() + " "
                + ForkJoinPool.commonPool().getParallelism() + " " + new ForkJoinPool().getParallelism());
    }
}
