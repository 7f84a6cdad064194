package io.containerlimits.memory;


/**
 * One part of a JVM's memory that the calculator sizes, with the option that bounds it.
 *
 * <p>The order of the constants is the order {@code flags} prints them in.
 */
public enum Region {
    /**
     * The Java heap: {@code -Xmx}; the user may also bound it with {@code -XX:MaxHeapSize} or
     * {@code -XX:MaxRAMPercentage}.
     */
    HEAP("heap", "-Xmx", "-XX:MaxHeapSize="),
    /** One thread's stack: {@code -Xss}; the calculator counts it once per thread. */
    THREAD_STACK("thread stack", "-Xss"),
    /** Class metadata: {@code -XX:MaxMetaspaceSize}. */
    METASPACE("metaspace", "-XX:MaxMetaspaceSize="),
    /** JIT-compiled code: {@code -XX:ReservedCodeCacheSize}. */
    CODE_CACHE("code cache", "-XX:ReservedCodeCacheSize="),
    /** NIO direct buffers: {@code -XX:MaxDirectMemorySize}. */
    DIRECT_MEMORY("direct memory", "-XX:MaxDirectMemorySize=");

    /** How messages name the region. */
    private final String label;
    /** Every option prefix that sets the region's size in bytes; the first is the one {@code flags} prints. */
    private final String[] prefixes;

    Region(String label, String... prefixes) {
        this.label = label;
        this.prefixes = prefixes;
    }

    /** For messages: {@code "code cache"}. */
    public String label() {
        return label;
    }

    /** The option that gives this region {@code bytes}: {@code -XX:ReservedCodeCacheSize=60M}. */
    public String option(long bytes) {
        return prefixes[0] + Sizes.jvm(bytes);
    }

    /** The option prefixes that size this region, {@code -XX:MaxRAMPercentage} aside. */
    String[] prefixes() {
        return prefixes.clone();
    }
}
